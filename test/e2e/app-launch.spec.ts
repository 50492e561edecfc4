import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { contractApiShape, type ApiShape } from './contract-api-shape';
import { electronSkipReason, launchBuiltApp } from './launch-app';

const skipReason = electronSkipReason();
test.skip(skipReason !== undefined, skipReason ?? '');

test('launches the built app, shows the welcome screen with a hardened renderer, and quits', async () => {
  const userData = await mkdtemp(path.join(tmpdir(), 'kpd-e2e-'));
  const app = await launchBuiltApp(userData);
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Add a Volcengine profile to begin' })).toBeVisible();
    expect(page.url()).toBe('app://keypair-desk/index.html');
    const renderer = await page.evaluate(() => {
      const api = window.api as unknown as Record<string, Record<string, unknown>>;
      const names = (group: Record<string, unknown>) => Object.keys(group).sort();
      const { on, ...methods } = api;
      const shape: ApiShape = {
        methods: Object.fromEntries(Object.keys(methods).sort().map((namespace) => [namespace, names(methods[namespace]!)])),
        events: Object.fromEntries(names(on ?? {}).map((namespace) => [namespace, names((on as Record<string, Record<string, unknown>>)[namespace]!)])),
      };
      return {
        node: typeof (globalThis as { process?: unknown }).process,
        require: typeof (globalThis as { require?: unknown }).require,
        ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
        hasOn: 'on' in api,
        shape,
      };
    });
    // The real preload over the real contextBridge: exactly one method per contract channel, nothing of Node or IPC.
    expect(renderer).toEqual({ node: 'undefined', require: 'undefined', ipcRenderer: 'undefined', hasOn: true, shape: contractApiShape() });
    // A call through the real ipcMain handler and its sender check answers (a refused sender would get an error).
    const info = await page.evaluate(() => window.api.app.getInfo());
    expect(info).toMatchObject({ ok: true, value: { name: 'KeyPair Desk', demoMode: false } });
  } finally {
    await app.close();
    await rm(userData, { recursive: true, force: true });
  }
});
