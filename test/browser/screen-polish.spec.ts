import type { Locator, Page } from '@playwright/test';
import { bindSharedKeyPair } from '../../simulator/shared-key-pair';
import { expect, test } from './support/app-fixture';
import { textContrast } from './support/contrast';
import { busiestKeyPair } from './support/workspace-steps';

// The product owner's review of every screenshot: each point guarded where it could come back, in both languages
// and both themes, with a screenshot of the state it is about.

const text = {
  'en-US': {
    keyPair: 'Key pair to detach',
    selectAll: 'Select all that match',
    language: 'Language',
    languageShown: 'Language: System',
    refresh: 'Refresh',
    review: /Review detach \(\d+\)/,
    reviewTitle: 'Review: detach a key pair',
    showRequests: 'Show requests',
    resizeTags: 'Resize the Tags column',
    resultTitle: 'Result: detach key pair',
    sweepNav: 'Sweep all accounts',
    sweepName: 'Key pair name (exact)',
    sweepSearch: 'Search',
    sweepReview: /^Review the plan: /,
    sweepTitle: 'Detach a key pair in every account and region',
    history: 'History',
    open: 'Open',
    clearSelection: 'Clear selection',
    confirmField: 'Type the key pair name to confirm',
    confirm: /^Detach from \d+ instances?$/,
    codeFilter: 'Filter by error code',
    profiles: 'Profiles',
    import: 'Import',
    importTitle: 'Import profiles',
    region: 'Region',
    settings: 'Settings',
    save: 'Save',
    cancel: 'Cancel',
  },
  'zh-CN': {
    keyPair: '要解绑的密钥对',
    selectAll: '全选匹配项',
    language: '语言',
    languageShown: '语言：跟随系统',
    refresh: '刷新',
    review: /预览解绑计划（\d+）/,
    reviewTitle: '预览：解绑密钥对',
    showRequests: '显示请求',
    resizeTags: '调整“标签”列的宽度',
    resultTitle: '解绑结果',
    sweepNav: '全账号清理',
    sweepName: '密钥对名称（精确）',
    sweepSearch: '搜索',
    sweepReview: /预览解绑计划/,
    sweepTitle: '在所有账号和地域解绑密钥对',
    history: '历史',
    open: '打开',
    clearSelection: '清空选择',
    confirmField: '输入密钥对名称以确认',
    confirm: /^从 \d+ 台实例解绑$/,
    codeFilter: '按错误代码筛选',
    profiles: '访问配置',
    import: '导入',
    importTitle: '导入访问配置',
    region: '默认地域',
    settings: '设置',
    save: '保存',
    cancel: '取消',
  },
} as const;

type Locale = keyof typeof text;

async function chooseKeyPair(page: Page, locale: Locale, name: string) {
  await page.getByRole('combobox', { name: text[locale].keyPair }).click();
  await page.keyboard.type(name);
  await page.getByRole('option', { name: new RegExp(`^${name} ·`) }).click();
}

/** Every part of the code between its dots and underscores lies on one line: nothing broke inside a word. */
async function expectUnbrokenSegments(code: Locator) {
  const lines = await code.locator('.code-text-segment').evaluateAll((segments) => segments.map((segment) => segment.getClientRects().length));
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.every((count) => count === 1)).toBe(true);
}

async function expectInViewport(page: Page, locator: Locator) {
  const box = (await locator.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

for (const [locale, colorScheme] of [
  ['en-US', 'light'],
  ['en-US', 'dark'],
  ['zh-CN', 'light'],
  ['zh-CN', 'dark'],
] as const) {
  test.describe(`${locale}, ${colorScheme}`, () => {
    test.use({
      osLanguages: [locale],
      colorScheme,
      fleet: { seed: 21, instances: 600, regions: ['cn-beijing'] },
      cliConfig: { current: 'default', profiles: { default: { name: 'default', mode: 'ak', 'access-key': 'AKLTcliProfileKey00001', 'secret-key': 'cli-secret-0001', region: 'cn-beijing' } } },
    });

    test('the instance table: a partial selection is mixed, one labelled Refresh, the language named, cut-off cells readable and resizable', async ({ app }) => {
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      const t = text[locale];

      // One refresh control, with a visible label; the language control says it is the language.
      const header = page.locator('.app-header');
      await expect(header.getByTestId('language-switch')).toContainText(t.languageShown);
      await expect(page.getByRole('combobox', { name: t.language })).toBeVisible();
      const workspace = page.locator('.workspace-bar');
      await expect(workspace.getByRole('button')).toHaveCount(1);
      await expect(workspace.getByRole('button', { name: t.refresh, exact: true })).toHaveText(t.refresh);

      // Some rows selected, others not (they cannot be): neither checked nor unchecked.
      await chooseKeyPair(page, locale, busiestKeyPair(app));
      await page.getByRole('button', { name: t.selectAll }).click();
      const all = page.locator('thead').getByRole('checkbox');
      await expect(all).toBeChecked({ indeterminate: true });
      expect(await all.evaluate((input: HTMLInputElement) => input.indeterminate)).toBe(true);

      // The Tags of a row, cut off in the table, read in full from the keyboard.
      const tags = page.getByTestId('instance-row').locator('.instances-tags [data-peek]').first();
      const full = (await tags.getAttribute('data-peek'))!;
      await tags.focus();
      const peek = page.getByTestId('cell-peek');
      await expect(peek).toBeVisible();
      expect(await peek.innerText()).toBe(full);
      await app.screenshot(`workspace-peek-${locale}-${colorScheme}`);
      await page.keyboard.press('Escape');
      await expect(peek).toBeHidden();
      // ...and with the pointer.
      await tags.hover();
      await expect(peek).toBeVisible();

      // The Tags column widened from the keyboard, until nothing is cut off.
      const resizer = page.getByRole('separator', { name: t.resizeTags });
      const before = Number(await resizer.getAttribute('aria-valuenow'));
      await resizer.focus();
      for (let step = 0; step < 8; step += 1) await page.keyboard.press('ArrowRight');
      await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 128));
      await page.getByTestId('instance-table').evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
      await app.screenshot(`workspace-${locale}-${colorScheme}`);

      // A disabled button looks it: its text fainter than a live one's beside it, its fill not a live button's.
      const disabled = page.getByRole('button', { name: t.selectAll });
      const live = page.getByRole('button', { name: t.clearSelection });
      await expect(disabled).toBeDisabled();
      await expect(live).toBeEnabled();
      expect(await textContrast(disabled)).toBeLessThan((await textContrast(live)) * 0.6);
    });

    test('a long review keeps its confirm button in view; codes in the results break only at their dots', async ({ app }) => {
      await app.addSimulatorProfile();
      const keyPairName = busiestKeyPair(app);
      // One instance of the key pair without the password-reset agent: its failure carries the longest code.
      const withoutAgent = app.simulator.fleet
        .region('cn-beijing')!
        .instances.find((instance) => instance.keyPairName === keyPairName && instance.osType === 'Linux' && instance.status === 'RUNNING')!;
      app.simulator.fleet.updateInstance(withoutAgent.instanceId, { hasResetAgent: false });
      await app.open();
      const { page } = app;
      const t = text[locale];
      await chooseKeyPair(page, locale, keyPairName);
      await page.getByRole('button', { name: t.selectAll }).click();
      await page.getByRole('button', { name: t.review }).click();
      const dialog = page.getByRole('dialog', { name: t.reviewTitle });
      // As long as a plan gets: every request listed and the left-out IDs shown.
      await dialog.getByRole('button', { name: t.showRequests }).click();
      for (const show of await dialog.locator('.operation-id-list button').all()) await show.click();
      const confirm = dialog.getByTestId('plan-confirm');
      await expectInViewport(page, confirm);
      await app.screenshot(`plan-review-long-${locale}-${colorScheme}`);
      const field = dialog.getByLabel(t.confirmField);
      if (await field.isVisible()) await field.fill(keyPairName);
      await dialog.getByRole('button', { name: t.confirm }).click();
      await expect(page.getByText(t.resultTitle, { exact: true })).toBeVisible({ timeout: 30_000 });

      const filter = page.getByRole('combobox', { name: t.codeFilter });
      await filter.click();
      await filter.getByRole('textbox').fill('InvalidResetAuthenticationAgent');
      await page.getByRole('option', { name: /^InvalidResetAuthenticationAgent\.NotFound \(\d+\)/ }).click();
      const code = page.getByTestId('outcome-row').first().locator('.code-text').first();
      await expect(code).toHaveText('InvalidResetAuthenticationAgent.NotFound');
      await expectUnbrokenSegments(code);
      await app.screenshot(`results-codes-${locale}-${colorScheme}`);
    });

    test('the sweep review in view, its key-bound pill and the opened History row readable, the import region whole', async ({ app }) => {
      bindSharedKeyPair(app.simulator.fleet, { keyPairName: 'departed-admin', instancesPerRegion: 30, regionIds: ['cn-beijing'] });
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      const t = text[locale];
      await page.locator('.app-header').getByText(t.sweepNav, { exact: true }).click();
      await expect(page.getByRole('heading', { name: t.sweepTitle })).toBeVisible();
      await page.getByRole('textbox', { name: t.sweepName }).fill('departed-admin');
      await page.getByRole('button', { name: t.sweepSearch, exact: true }).click();
      const pill = page.getByTestId('sweep-findings').locator('.arco-tag-red').first();
      await expect(pill).toBeVisible();
      expect(await textContrast(pill)).toBeGreaterThanOrEqual(4.5);
      await app.screenshot(`sweep-findings-${locale}-${colorScheme}`);

      await page.getByRole('button', { name: t.sweepReview }).click();
      const dialog = page.getByRole('dialog', { name: new RegExp(t.sweepTitle, 'i') });
      await dialog.getByRole('button', { name: t.showRequests }).click();
      for (const show of await dialog.locator('.operation-id-list button').all()) await show.click();
      await expectInViewport(page, dialog.getByTestId('plan-confirm'));
      await dialog.getByRole('textbox', { name: t.confirmField }).fill('departed-admin');
      await app.screenshot(`sweep-review-${locale}-${colorScheme}`);
      await dialog.getByTestId('plan-confirm').click();
      await expect(page.getByTestId('sweep-results')).toBeVisible({ timeout: 30_000 });

      await page.locator('.app-header').getByText(t.history, { exact: true }).click();
      const rows = page.locator('.history tbody tr').filter({ has: page.getByRole('button', { name: t.open }) });
      await expect(rows).toHaveCount(1);
      await rows.first().getByRole('button', { name: t.open }).click();
      // The sweep's row opens onto its part; the part opens its record.
      await page.getByTestId('history-sweep').locator('tr[data-region="cn-beijing"]').getByRole('button').click();
      await expect(page.getByTestId('operation-results')).toBeVisible();
      const opened = page.locator('.history-row-opened td').nth(2);
      expect(await textContrast(opened)).toBeGreaterThanOrEqual(4.5);
      await app.screenshot(`history-${locale}-${colorScheme}`);

      await page.locator('.app-header').getByText(t.profiles, { exact: true }).click();
      await page.getByRole('button', { name: t.import, exact: true }).click();
      const drawer = page.getByRole('dialog', { name: t.importTitle });
      await expect(drawer.getByTestId('import-candidate')).toHaveCount(1);
      const region = drawer.locator('.arco-select-view-value').first();
      await expect(region).toContainText('cn-beijing');
      // Shown whole: the value's text does not overflow its box.
      expect(await region.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      await expectInViewport(page, drawer.getByRole('button', { name: t.cancel }));
      await app.screenshot(`import-${locale}-${colorScheme}`);
    });
  });
}
