import { bindSharedKeyPair } from '../../simulator/shared-key-pair';
import { expect, test } from './support/app-fixture';
import { busiestKeyPair, chooseKeyPair, confirmDetach, selectAllAndReview } from './support/workspace-steps';

// The main screens in Chinese and in the dark theme, saved for review (the English light ones come from the other
// specs), and the demo banner.
test.describe('简体中文, dark', () => {
  test.use({ osLanguages: ['zh-CN'], colorScheme: 'dark', fleet: { seed: 21, instances: 600, regions: ['cn-beijing'] } });

  test('workspace, review and results', async ({ app }) => {
    await app.addSimulatorProfile('生产');
    await app.open();
    const { page } = app;
    await expect(page.getByTestId('last-refresh')).toContainText('列举于');
    const keyPairName = busiestKeyPair(app);
    await page.getByRole('combobox', { name: '要解绑的密钥对' }).click();
    await page.keyboard.type(keyPairName);
    await page.getByRole('option', { name: new RegExp(`^${keyPairName} ·`) }).click();
    await page.getByRole('button', { name: '全选匹配项' }).click();
    await app.screenshot('workspace-zh-CN-dark');
    await page.getByRole('button', { name: /预览解绑计划/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('重启');
    await app.screenshot('plan-review-zh-CN-dark');
    const field = dialog.getByRole('textbox');
    if (await field.isVisible()) await field.fill(keyPairName);
    await dialog.getByRole('button', { name: /解绑/ }).last().click();
    await expect(page.getByText(/结果/).first()).toBeVisible({ timeout: 30_000 });
    await app.screenshot('results-zh-CN-dark');
    expect(await app.cspViolations()).toEqual([]);
  });
});

test.describe('English, dark', () => {
  test.use({ colorScheme: 'dark', fleet: { seed: 21, instances: 600, regions: ['cn-beijing'] } });

  test('workspace and results', async ({ app }) => {
    await app.addSimulatorProfile();
    await app.open();
    const { page } = app;
    const keyPairName = busiestKeyPair(app);
    await chooseKeyPair(page, keyPairName);
    await app.screenshot('workspace-en-US-dark');
    const selected = await selectAllAndReview(page);
    await confirmDetach(page, keyPairName, selected);
    await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
    await app.screenshot('results-en-US-dark');
  });
});

test.describe('demo mode', () => {
  test.use({ demoMode: true });

  test('says plainly that the cloud is simulated', async ({ app }) => {
    await app.addSimulatorProfile('Demo');
    await app.open();
    await expect(app.page.getByTestId('demo-banner')).toContainText('Demo mode: the cloud is simulated on this computer.');
    await app.screenshot('demo-en-US-light');
  });
});

test.describe('50,000 instances', () => {
  test.use({ fleet: { seed: 50, instances: 50_000, regions: ['cn-beijing'] } });

  test('loads the whole region, and filters it as you type', async ({ app }) => {
    test.setTimeout(180_000);
    await app.addSimulatorProfile();
    await app.open();
    const { page } = app;
    await expect(page.getByText(/^50,?000 instances · 50,?000 match/)).toBeVisible({ timeout: 120_000 });
    const search = page.getByRole('textbox', { name: 'Search instances' });
    await search.fill('web-prod');
    await expect(page.getByText(/^50,?000 instances · [\d,]+ match/)).not.toHaveText(/· 50,?000 match/);
    const firstName = page.getByTestId('instance-table').getByText(/web-prod/).first();
    await expect(firstName).toBeVisible();
    await app.screenshot('workspace-50k-filtered-en-US-light');
  });
});

test.describe('sweep and history, 简体中文 dark', () => {
  test.use({ osLanguages: ['zh-CN'], colorScheme: 'dark', fleet: { seed: 22, instances: 900, regions: ['cn-beijing', 'cn-shanghai', 'cn-guangzhou'] } });

  test('sweep findings, review, results, then the history', async ({ app }) => {
    bindSharedKeyPair(app.simulator.fleet, { keyPairName: 'departed-admin', instancesPerRegion: 30, regionIds: ['cn-beijing', 'cn-shanghai'] });
    await app.addSimulatorProfile('生产');
    await app.open();
    const { page } = app;
    await page.getByText('全账号清理', { exact: true }).click();
    await page.getByRole('textbox', { name: '密钥对名称（精确）' }).fill('departed-admin');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect(page.getByTestId('sweep-summary')).toContainText('1 个账号的 2 个地域中共有 60 台实例');
    await app.screenshot('sweep-findings-zh-CN-dark');
    await page.getByRole('button', { name: /预览解绑计划/ }).click();
    const dialog = page.getByRole('dialog', { name: '预览：在所有账号和地域解绑密钥对' });
    await dialog.getByRole('textbox').fill('departed-admin');
    await app.screenshot('sweep-review-zh-CN-dark');
    await dialog.getByRole('button', { name: /解绑/ }).last().click();
    await expect(page.getByTestId('sweep-results')).toBeVisible({ timeout: 30_000 });
    await app.screenshot('sweep-results-zh-CN-dark');
    await page.getByText('历史', { exact: true }).click();
    // The sweep is one row; it opens onto its parts, account by account, each opening its own record.
    const sweepRow = page.getByRole('row', { name: /departed-admin/ });
    await expect(sweepRow).toContainText('已完成');
    await sweepRow.getByRole('button', { name: '打开' }).click();
    await page.getByTestId('history-sweep').locator('tr[data-region="cn-beijing"]').getByRole('button').click();
    await expect(page.getByTestId('operation-results')).toBeVisible();
    await app.screenshot('history-zh-CN-dark');
    expect(await app.cspViolations()).toEqual([]);
  });
});
