import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { invokeChannelNames } from '../../shared/ipc/channel-names';
import { electronSkipReason, launchBuiltApp } from './launch-app';

/** What the preload must expose: one namespace per group of contract channels, and `on` for events; nothing else. */
const expectedNamespaces = [...new Set([...invokeChannelNames.map((channel) => channel.split('.')[0]!), 'on'])].sort();

const skipReason = electronSkipReason();
test.skip(skipReason !== undefined, skipReason ?? '');

test('launches the built app, shows the welcome screen with a hardened renderer, and quits', async () => {
  const userData = await mkdtemp(path.join(tmpdir(), 'kpd-e2e-'));
  const app = await launchBuiltApp(userData);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Add a Volcengine profile to begin' })).toBeVisible();
    expect(page.url()).toBe('app://keypair-desk/index.html');
    const renderer = await page.evaluate(() => ({
      node: typeof (globalThis as { process?: unknown }).process,
      require: typeof (globalThis as { require?: unknown }).require,
      api: Object.keys(window.api).sort(),
    }));
    expect(renderer).toEqual({ node: 'undefined', require: 'undefined', api: expectedNamespaces });
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
