import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultSettings } from '../../shared/domain/settings';
import { invokeChannelNames } from '../../shared/ipc/channel-names';
import { expect, test, type AppHarness } from './support/app-fixture';

async function expectCleanPage(app: AppHarness) {
  expect(await app.cspViolations()).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
}

test.describe('first screen, OS in English', () => {
  test('welcomes a new user, shows the real keychain as ready and leads to adding credentials', async ({ app }) => {
    await app.open();
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Add a Volcengine profile to begin' })).toBeVisible();
    // keychain.getStatus ran in this process against the real (private) gnome-keyring.
    await expect(page.getByTestId('keychain-status')).toHaveText(
      'Secrets will be stored in the system keychain (Secret Service).',
    );
    await expect(page.getByRole('button', { name: 'Add a profile' })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Import from the Volcengine CLI' })).toBeEnabled();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await app.screenshot('welcome-en-US-light');
    await expectCleanPage(app);
  });

  test('switches to Chinese, saves the choice in main, and keeps it after a restart of the window', async ({ app }) => {
    await app.open();
    const { page } = app;
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: '简体中文' }).click();
    await expect(page.getByRole('heading', { name: '添加火山引擎访问配置以开始使用' })).toBeVisible();
    const saved = JSON.parse(await readFile(path.join(app.userDataDir, 'settings.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ ...defaultSettings, language: 'zh-CN' });

    await page.reload();
    await expect(page.getByRole('heading', { name: '添加火山引擎访问配置以开始使用' })).toBeVisible();
    await expect(page.getByTestId('keychain-status')).toHaveText('密钥将保存在系统密钥环（Secret Service）中。');
    await expectCleanPage(app);
  });

  test('follows the OS dark setting, live', async ({ app }) => {
    await app.open();
    const { page } = app;
    await expect(page.getByTestId('keychain-status')).toContainText('Secret Service');
    await expect(page.locator('body')).not.toHaveAttribute('arco-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('body')).toHaveAttribute('arco-theme', 'dark');
    await app.screenshot('welcome-en-US-dark');
    await expectCleanPage(app);
  });
});

test.describe('first screen, OS in Chinese', () => {
  test.use({ osLanguages: ['zh-CN', 'en-US'] });

  test('starts in Chinese without being asked', async ({ app }) => {
    await app.open();
    const { page } = app;
    await expect(page.getByRole('heading', { name: '添加火山引擎访问配置以开始使用' })).toBeVisible();
    await expect(page.getByRole('button', { name: '添加访问配置' })).toBeEnabled();
    await expect(page.getByTestId('keychain-status')).toContainText('Secret Service');
    await app.screenshot('welcome-zh-CN-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('body')).toHaveAttribute('arco-theme', 'dark');
    await app.screenshot('welcome-zh-CN-dark');
    await expectCleanPage(app);
  });
});

test.describe('the bridge to main', () => {
  test('exposes only the contract methods, frozen', async ({ app }) => {
    await app.open();
    const shape = await app.page.evaluate(() => {
      const api = window.api as unknown as Record<string, Record<string, unknown>>;
      return {
        namespaces: Object.keys(api).sort(),
        frozen: Object.isFrozen(api),
        replaced: (() => {
          try {
            (window as unknown as { api: unknown }).api = {};
          } catch {
            return false;
          }
          return window.api === undefined;
        })(),
      };
    });
    // One namespace per group of contract channels, plus `on` for events: nothing else reaches the page.
    const contractNamespaces = new Set(invokeChannelNames.map((channel) => channel.split('.')[0]!));
    expect(shape).toEqual({ namespaces: [...contractNamespaces, 'on'].sort(), frozen: true, replaced: false });
  });

  test('answers malformed payloads from the page with a validation error, and the handler never runs', async ({ app }) => {
    await app.open();
    const results = await app.page.evaluate(async () => {
      const update = window.api.settings.update as (request: unknown) => Promise<unknown>;
      return Promise.all([
        update({ language: 42 }),
        update({ language: 'en-US', accessKeyId: 'AKLT-should-not-pass' }),
        update('x'.repeat(100_000)),
        update(null),
      ]);
    });
    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION_FAILED' } });
    expect(JSON.stringify(results)).not.toContain('AKLT-should-not-pass');
    // Nothing was written: the handler did not run for any of them.
    await expect(readFile(path.join(app.userDataDir, 'settings.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
