import type { Page } from '@playwright/test';
import { format } from '../../renderer/src/i18n/format';
import { everyMessage as messages, type AnyMessageKey as MessageKey } from '../support/every-message';
import { expect, test } from './support/app-fixture';
import { busiestKeyPair } from './support/workspace-steps';

/** A message as a pattern where each `{placeholder}` is a number. */
function pattern(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '(\\d+)'));
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  test.describe(locale, () => {
    test.use({ osLanguages: [locale], fleet: { seed: 21, instances: 600, regions: ['cn-beijing'] } });
    const m = (key: MessageKey, values: Record<string, string | number> = {}) => format(messages[locale][key], values);

    async function chooseKeyPair(page: Page, name: string) {
      await page.getByRole('combobox', { name: m('workspace.keyPair') }).click();
      await page.keyboard.type(name);
      await page.getByRole('option', { name: new RegExp(`^${name} ·`) }).click();
    }

    test('a profile takes an account ID of digits only, with a clear error otherwise, and lists it', async ({ app }) => {
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      await page.locator('.app-header').getByText(m('nav.profiles'), { exact: true }).click();
      await page.getByRole('button', { name: `${m('profiles.edit')} prod` }).click();
      const form = page.getByRole('dialog');
      const field = form.getByRole('textbox', { name: m('form.accountId') });
      await field.fill('2100-01234');
      await form.getByRole('button', { name: m('common.save') }).click();
      await expect(form).toContainText(m('form.accountIdInvalid'));
      await app.screenshot(`profile-account-id-invalid-${locale}-light`);
      await field.fill('2100012345');
      await form.getByRole('button', { name: m('common.save') }).click();
      await expect(form).toBeHidden();
      await expect(page.getByTestId('profile-account-id')).toHaveText('2100012345');
      await app.screenshot(`profile-account-id-${locale}-light`);
    });

    test('the review shows what stays bound, the account, the breakdown and the estimate; results and history show names, IPs and times', async ({ app }) => {
      const profileId = await app.addSimulatorProfile();
      const updated = await app.dispatcher.invoke('profiles.update', { id: profileId, accountId: '2100012345' });
      expect(updated.ok).toBe(true);
      await app.open();
      const { page } = app;
      await expect(page.getByTestId('last-refresh')).toBeVisible();
      const keyPairName = busiestKeyPair(app);
      const fleet = app.simulator.fleet.region('cn-beijing')!.instances;
      const bound = fleet.filter((instance) => instance.keyPairName === keyPairName);
      await chooseKeyPair(page, keyPairName);
      // Only some of the key's instances: the rest stay bound, and the review must say so.
      await page.getByRole('textbox', { name: m('instances.search.label') }).fill('prod');
      await page.getByRole('button', { name: m('instances.selectAllMatching') }).click();
      const review = page.getByRole('button', { name: pattern(m('workspace.review')) });
      await expect(review).toBeEnabled();
      const selected = Number(/(\d+)/.exec(await review.innerText())![1]);
      expect(selected).toBeGreaterThan(0);
      expect(selected).toBeLessThan(bound.length);
      await review.click();

      const dialog = page.getByRole('dialog', { name: m('operation.review.title.detach-key-pair') });
      await expect(dialog.getByTestId('plan-account')).toHaveText('2100012345');
      await expect(dialog.getByTestId('plan-endpoint')).toHaveText(new URL(app.simulator.url).origin);
      await expect(dialog.getByTestId('plan-by-status')).toContainText(m('instances.status.RUNNING'));
      const zones = new Set(bound.map((instance) => instance.zoneId));
      for (const zone of zones) await expect(dialog.getByTestId('plan-by-zone')).toContainText(zone);
      await expect(dialog.getByTestId('plan-estimate')).toContainText(m('operation.review.estimateValue', { duration: m('operation.duration.seconds', { seconds: 1 }), rate: 20, concurrency: 4 }));
      const leftBehind = dialog.getByTestId('plan-left-behind');
      await expect(leftBehind).toContainText(m('operation.review.leftBehind', { count: bound.length - selected }));
      await expect(leftBehind.locator('[data-reason="not-selected"]')).toBeVisible();
      const keeps = dialog.getByTestId('plan-key-keeps-working');
      await expect(keeps).toHaveText(pattern(m('operation.warning.keyKeepsWorking')));
      expect(await keeps.innerText()).toContain(String(selected));

      await app.screenshot(`review-overview-${locale}-light`);

      // Opened, the list names every instance left behind with its name and private IP; the review grows long,
      // and its confirm button must stay on screen.
      const notSelected = m('operation.leftBehind.not-selected');
      await leftBehind.getByRole('button', { name: `${m('operation.review.showInstances')}${m('common.colon')}${notSelected}` }).click();
      const unselected = bound.find((instance) => !instance.instanceName.includes('prod') && instance.osType === 'Linux' && ['RUNNING', 'STOPPED'].includes(instance.status))!;
      await expect(leftBehind.locator('[data-reason="not-selected"] pre')).toContainText(`${unselected.instanceId}  ${unselected.instanceName}  ${unselected.primaryIpAddress}`);
      await dialog.getByRole('button', { name: m('operation.review.showRequests') }).click();
      const confirm = dialog.getByTestId('plan-confirm');
      await expect(confirm).toBeInViewport();
      await app.screenshot(`review-left-behind-${locale}-light`);

      if (selected >= 20) await dialog.getByLabel(m('operation.confirm.label.detach-key-pair')).fill(keyPairName);
      await confirm.click();
      const results = page.getByTestId('operation-results');
      await expect(results).toHaveAttribute('data-state', 'finished', { timeout: 20_000 });
      const firstRow = results.getByTestId('outcome-row').first();
      const firstId = (await firstRow.locator('.operation-cell-mono').first().innerText()).trim();
      const first = fleet.find((instance) => instance.instanceId === firstId)!;
      await expect(firstRow.getByTestId('outcome-instance-facts')).toContainText(first.instanceName);
      await expect(firstRow.getByTestId('outcome-instance-facts')).toContainText(first.primaryIpAddress);
      const times = results.getByTestId('operation-times');
      await expect(times).toContainText(m('operation.times.started'));
      await expect(times).toContainText(m('operation.times.ended'));
      await expect(times.getByTestId('operation-duration')).toBeVisible();
      const operationId = await times.getByTestId('operation-id').innerText();
      expect(operationId).toMatch(/^[0-9a-f-]{36}$/);
      // Which endpoint answered: the profile's own here (the simulator); a region's default host otherwise.
      await expect(results.getByTestId('results-endpoint')).toHaveText(new URL(app.simulator.url).origin);
      await app.screenshot(`results-names-${locale}-light`);

      // The history reads the journal: the same names, IPs and times, as a restart would show them.
      await page.locator('.app-header').getByText(m('nav.history'), { exact: true }).click();
      await page.getByRole('button', { name: m('history.open') }).first().click();
      const opened = page.getByTestId('operation-results');
      await expect(opened.getByTestId('operation-id')).toHaveText(operationId);
      await expect(opened.getByTestId('operation-duration')).toBeVisible();
      await expect(opened.getByTestId('results-endpoint')).toHaveText(new URL(app.simulator.url).origin);
      const row = opened.getByTestId('outcome-row').filter({ hasText: firstId });
      await expect(row.getByTestId('outcome-instance-facts')).toContainText(first.instanceName);
      await expect(row.getByTestId('outcome-instance-facts')).toContainText(first.primaryIpAddress);
      await app.screenshot(`history-names-${locale}-light`);
      expect(await app.cspViolations()).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
