import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from './find-electron';

const root = path.resolve(import.meta.dirname, '../..');
const electronBinary = findElectronBinary();

test.skip(
  electronBinary === undefined,
  'No Electron binary is installed here (node_modules/electron/dist is empty and cannot be downloaded); ' +
    'the browser tests cover the renderer and the main-process core instead.',
);

test('launches the built app, shows the welcome screen with a hardened renderer, and quits', async () => {
  const userData = await mkdtemp(path.join(tmpdir(), 'kpd-e2e-'));
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [root, `--user-data-dir=${userData}`],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Add your Volcengine credentials to begin' })).toBeVisible();
    expect(page.url()).toBe('app://keypair-desk/index.html');
    const renderer = await page.evaluate(() => ({
      node: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
      api: Object.keys(window.api).sort(),
    }));
    expect(renderer).toEqual({ node: 'undefined', require: 'undefined', api: ['app', 'exports', 'inventory', 'keychain', 'on', 'operations', 'profiles', 'regions', 'settings'] });
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
