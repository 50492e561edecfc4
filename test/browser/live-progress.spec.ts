import { expect, test } from './support/app-fixture';

// The live progress screen and what a stopped run leaves, in Chinese and the dark theme: the moment the admin
// watches, which no other screenshot shows.
test.describe('简体中文, dark', () => {
  test.use({ osLanguages: ['zh-CN'], colorScheme: 'dark', fleet: { seed: 23, instances: 1500, regions: ['cn-beijing'] } });

  test('shows the run as it goes, then counts what was never sent apart from failures', async ({ app }) => {
    const region = app.simulator.fleet.region('cn-beijing')!;
    const keyPair = region.keyPairs[0]!;
    for (const instance of region.instances) {
      if (instance.osType === 'Linux') app.simulator.fleet.updateInstance(instance.instanceId, { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName });
    }
    await app.addSimulatorProfile('生产');
    await app.open();
    const { page } = app;
    await page.getByRole('combobox', { name: '要解绑的密钥对' }).click();
    await page.keyboard.type(keyPair.keyPairName);
    await page.getByRole('option', { name: new RegExp(`^${keyPair.keyPairName} ·`) }).click();
    await page.getByRole('button', { name: '全选匹配项' }).click();
    await page.getByRole('button', { name: /解绑计划/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(keyPair.keyPairName);
    app.simulator.setLatency(1500);
    await dialog.getByRole('button', { name: /解绑/ }).last().click();

    const progress = page.getByTestId('operation-progress');
    await expect(progress).toHaveAttribute('data-state', 'running');
    await expect(progress.getByText('等待中', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /解绑计划/ })).toBeDisabled();
    await app.screenshot('progress-live-zh-CN-dark');

    await page.getByRole('button', { name: '停止发送' }).click();
    const results = page.getByTestId('operation-results');
    await expect(results).toHaveAttribute('data-state', 'cancelled', { timeout: 30_000 });
    app.simulator.setLatency(0);
    await expect(results.getByTestId('summary-not-sent')).toContainText('未发送');
    expect(Number(await results.getByTestId('summary-not-sent').locator('dd').textContent())).toBeGreaterThan(0);
    await expect(results.getByTestId('not-sent-by-code')).toContainText('已取消');
    await expect(results.getByTestId('failed-by-code')).not.toContainText('ECS_CANCELLED');
    await app.screenshot('results-cancelled-zh-CN-dark');
  });
});
