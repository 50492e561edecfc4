import type { Locator, Page } from '@playwright/test';
import { bindSharedKeyPair } from '../../electron/simulator/shared-key-pair';
import { expect, test } from './support/app-fixture';
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
    sweepNav: 'Sweep all regions',
    sweepName: 'Key pair name (exact)',
    sweepSearch: 'Search all regions',
    sweepReview: /Preview the plan/,
    sweepTitle: 'Detach a key pair in every region',
    history: 'History',
    open: 'Open',
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
    sweepNav: '全地域清理',
    sweepName: '密钥对名称（精确）',
    sweepSearch: '搜索所有地域',
    sweepReview: /预览解绑计划/,
    sweepTitle: '在所有地域解绑密钥对',
    history: '历史',
    open: '打开',
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
    test.use({ osLanguages: [locale], colorScheme, fleet: { seed: 21, instances: 600, regions: ['cn-beijing'] } });

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
    });
  });
}
