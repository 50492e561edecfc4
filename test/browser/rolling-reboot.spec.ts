import { expectNoAxeViolations } from './support/accessibility-audit';
import { expect, test } from './support/app-fixture';
import { busiestKeyPair } from './support/workspace-steps';

/*
 * The rolling reboot after a detach, in English (light) and Chinese (dark): the review with its waves, the live
 * progress caught while a wave is waiting to come back (each reboot takes 3 s here), and the results after wave 2
 * crossed the threshold (one instance stays REBOOTING, one ends in ERROR: 2 of 10, over 10 %), with axe on each.
 * A "minute" of the wait lasts 6 s here (the fixture's rebootTiming).
 */

const locales = [
  {
    locale: 'en-US',
    theme: 'light',
    keyPairBox: 'Key pair to detach',
    selectAll: 'Select all that match',
    reviewDetach: /Review detach \(\d+\)/,
    detachDialog: 'Review: detach a key pair',
    keyConfirmLabel: 'Type the key pair name to confirm',
    detachButton: /^Detach from \d+ instances?$/,
    detachResults: 'Result: detach key pair',
    offerButton: /Reboot \d+ running instances/,
    rebootDialog: 'Review: reboot instances',
    rebootConfirmLabel: 'Type the confirmation text to confirm',
    rebootButton: /^Reboot (\d+) instances?$/,
    rebootResults: 'Result: reboot',
    waveOne: 'Wave 1 of',
    notBack: 'Not back in time',
    rebooting: 'Rebooting',
    error: 'Error',
  },
  {
    locale: 'zh-CN',
    theme: 'dark',
    keyPairBox: '要解绑的密钥对',
    selectAll: '全选匹配项',
    reviewDetach: /预览解绑计划/,
    detachDialog: '预览：解绑密钥对',
    keyConfirmLabel: '输入密钥对名称以确认',
    detachButton: /^从 \d+ 台实例解绑$/,
    detachResults: '解绑结果',
    offerButton: /重启 \d+ 台运行中的实例/,
    rebootDialog: '预览：重启实例',
    rebootConfirmLabel: '输入确认文字以确认',
    rebootButton: /^重启 (\d+) 台实例$/,
    rebootResults: '重启结果',
    waveOne: '第 1 批，共',
    notBack: '未按时恢复',
    rebooting: '重启中',
    error: '错误',
  },
] as const;

for (const copy of locales) {
  test.describe(`${copy.locale}, ${copy.theme}`, () => {
    test.use({ osLanguages: [copy.locale], colorScheme: copy.theme, fleet: { seed: 21, instances: 600, regions: ['cn-beijing'] } });

    test('a rolling reboot: the waves reviewed, a wave waited for, and a stop at the threshold', async ({ app }) => {
      test.setTimeout(120_000);
      const shot = (name: string) => app.screenshot(`${name}-${copy.locale}-${copy.theme}`);
      await app.addSimulatorProfile();
      const saved = await app.dispatcher.invoke('settings.update', { rebootWaveMode: 'batch', rebootWaveSize: 10, rebootWaitMinutes: 1, rebootFailurePercent: 10 });
      expect(saved.ok).toBe(true);
      await app.open();
      const { page } = app;

      // The detach whose results offer the reboot.
      const keyPairName = busiestKeyPair(app);
      await page.getByRole('combobox', { name: copy.keyPairBox }).click();
      await page.keyboard.type(keyPairName);
      await page.getByRole('option', { name: new RegExp(`^${keyPairName} ·`) }).click();
      await page.getByRole('button', { name: copy.selectAll }).click();
      await page.getByRole('button', { name: copy.reviewDetach }).click();
      const detach = page.getByRole('dialog', { name: copy.detachDialog });
      await detach.getByLabel(copy.keyConfirmLabel).fill(keyPairName);
      await detach.getByRole('button', { name: copy.detachButton }).click();
      await expect(page.getByText(copy.detachResults)).toBeVisible({ timeout: 30_000 });

      // The review: waves of 10, the threshold, and the typed count.
      app.simulator.setRebootDuration(3_000);
      await page.getByTestId('reboot-offer').getByRole('button', { name: copy.offerButton }).click();
      const review = page.getByRole('dialog', { name: copy.rebootDialog });
      const waves = review.getByTestId('plan-wave');
      await expect(waves.nth(2)).toBeVisible();
      const confirm = review.getByRole('button', { name: copy.rebootButton });
      const count = Number(copy.rebootButton.exec(await confirm.innerText())![1]);
      expect(count).toBeGreaterThanOrEqual(30);
      await expect(review.getByTestId('plan-waves-summary')).toContainText(String(Math.ceil(count / 10)));
      await expect(review.getByTestId('plan-threshold')).toContainText('10');
      await waves.nth(1).getByRole('button').click();
      const secondWave = (await waves.nth(1).locator('pre').innerText()).split('\n');
      expect(secondWave).toHaveLength(10);
      const [stuck, broken] = secondWave as [string, string];
      app.simulator.setRebootTrouble([
        { instanceIds: [stuck], ending: 'stays-rebooting' },
        { instanceIds: [broken], ending: 'error' },
      ]);
      await expect(confirm).toBeDisabled();
      await review.getByLabel(copy.rebootConfirmLabel).fill(`reboot ${count}`);
      await expect(confirm).toBeEnabled();
      await shot('rolling-review');
      await expectNoAxeViolations(page, 'rolling reboot review');
      await confirm.click();

      // Caught while wave 1 waits for its instances to come back (each takes 3 s).
      const line = page.getByTestId('wave-progress');
      await expect(line).toHaveAttribute('data-phase', 'waiting', { timeout: 10_000 });
      await expect(line).toContainText(copy.waveOne);
      await shot('rolling-progress');
      await expectNoAxeViolations(page, 'rolling reboot progress');

      // Wave 2 waits its whole minute for the two that do not come back, then the reboot stops.
      await expect(page.getByText(copy.rebootResults)).toBeVisible({ timeout: 40_000 });
      await expect(page.getByTestId('rolling-stopped')).toBeVisible();
      const waveRows = page.getByTestId('rolling-wave');
      await expect(waveRows.nth(0)).toHaveAttribute('data-state', 'passed');
      await expect(waveRows.nth(1)).toHaveAttribute('data-state', 'stopped');
      await expect(waveRows.nth(2)).toHaveAttribute('data-state', 'not-sent');
      const problems = page.getByTestId('rolling-problem');
      await expect(problems).toHaveCount(2);
      await expect(problems.filter({ hasText: stuck })).toContainText(copy.notBack);
      await expect(problems.filter({ hasText: stuck })).toContainText(copy.rebooting);
      await expect(problems.filter({ hasText: broken })).toContainText(copy.error);
      // The stop, the waves and the instances that did not come back, in one view.
      await page.getByTestId('rolling-results').evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await shot('rolling-results');
      await expectNoAxeViolations(page, 'rolling reboot results');

      // Each instance was detached once; only the 20 of the first two waves were then rebooted, each once.
      const changes = [...app.simulator.changeCounts().values()];
      expect(changes.filter((times) => times === 2)).toHaveLength(20);
      expect(changes.every((times) => times === 1 || times === 2)).toBe(true);
      expect(app.simulator.changeCount(stuck)).toBe(2);
      expect(await app.cspViolations()).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    });
  });
}

test.describe('settings', () => {
  test('the rolling reboot settings: by zone, the wave size set aside, the wait and the threshold saved', async ({ app }) => {
    await app.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const drawer = page.getByRole('dialog', { name: 'Settings' });
    const byZone = drawer.getByTestId('settings-reboot-wave-mode').getByText('By zone');
    await byZone.scrollIntoViewIfNeeded();
    await byZone.click();
    await expect(drawer.getByRole('spinbutton', { name: 'Instances per wave' })).toBeDisabled();
    await drawer.getByRole('spinbutton', { name: 'Wait for a wave (minutes)' }).fill('15');
    await drawer.getByRole('spinbutton', { name: 'Stop when more of a wave fails than (%)' }).fill('5');
    await drawer.getByRole('spinbutton', { name: 'Stop when more of a wave fails than (%)' }).scrollIntoViewIfNeeded();
    await app.screenshot('rolling-settings-en-US-light');
    await expectNoAxeViolations(page, 'settings with the rolling reboot');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect(drawer).toBeHidden();
    const saved = await app.dispatcher.invoke('settings.get', undefined);
    expect(saved).toMatchObject({ ok: true, value: { rebootWaveMode: 'zone', rebootWaveSize: 50, rebootWaitMinutes: 15, rebootFailurePercent: 5 } });
  });
});
