import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { createAppProtocolHandler } from '../../../electron/security/app-protocol';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Stands in for app://keypair-desk, and like it a secure origin: Chromium will not route an unknown scheme, so the
 * same protocol handler answers here.
 */
export const testOrigin = 'https://keypair-desk.test';

/** The page's stand-in for the preload (bridge-preload.ts), bundled once per process for `addInitScript`. */
export const bridgeScript = buildSync({
  entryPoints: [path.join(import.meta.dirname, 'bridge-preload.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome130',
  write: false,
}).outputFiles[0]!.text;

/**
 * Serves the built renderer (dist/renderer) at `testOrigin` through the app's real app:// protocol handler, CSP
 * and all, and refuses every other request the page makes, telling `onForeignRequest` about it.
 */
export async function serveBuiltRenderer(page: Page, onForeignRequest: (url: string) => void = () => undefined): Promise<void> {
  const serve = createAppProtocolHandler(path.join(root, 'dist', 'renderer'));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${testOrigin}/`)) {
      onForeignRequest(url);
      return route.abort('blockedbyclient');
    }
    const response = await serve(new Request(url.replace(testOrigin, 'app://keypair-desk'), { method: route.request().method() }));
    return route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
}
