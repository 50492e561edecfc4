import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { createAppCore, type AppCore } from '../../electron/app-core';
import { createMemorySecretStore } from '../../electron/keychain/secret-store';
import { createMemoryLogger } from '../../electron/logging/logger';
import { createAppProtocolHandler } from '../../electron/security/app-protocol';
import { startEcsSimulator, type EcsSimulator } from '../../electron/simulator/ecs-simulator';
import { channelPrefix } from '../../shared/ipc/channel-names';
import { benchKeys } from './bench-core';
import { pageProbeScript } from './page-probe';

const root = path.resolve(import.meta.dirname, '../..');
const origin = 'https://keypair-desk.test';

const bridgeScript = buildSync({
  entryPoints: [path.join(root, 'test', 'browser', 'support', 'bridge-preload.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'chrome130',
  write: false,
}).outputFiles[0]!.text;

export interface BenchBrowserApp {
  page: Page;
  simulator: EcsSimulator;
  core: AppCore;
  close(): Promise<void>;
}

/**
 * The built renderer (dist/renderer) in headless Debian Chromium, bridged to the real main-process core and a
 * simulator, as the browser tests' app-fixture does, without Playwright's test runner and with an in-memory
 * keychain. The page probe (page-probe.ts) is installed before any of the app's scripts run.
 */
export async function openBenchBrowserApp(
  fleet: { seed: number; instances: number },
  /** Awaited before an answer goes back to the page (e.g. to start a profiler just before the data lands). */
  beforeAnswer: (channel: string | undefined, page: Page) => Promise<void> = async () => undefined,
): Promise<BenchBrowserApp> {
  const base = await mkdtemp(path.join(tmpdir(), 'kpd-bench-browser-'));
  const simulator = await startEcsSimulator({ credentials: [benchKeys], generate: { ...fleet, regions: ['cn-beijing'] } });
  // Main's events go to the page once there is one.
  const target: { page?: Page } = {};
  const core = createAppCore({
    info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
    userDataDir: path.join(base, 'user-data'),
    homeDir: path.join(base, 'home'),
    env: {},
    secretStore: createMemorySecretStore(),
    chooseSavePath: async (name) => path.join(base, name),
    eventSink: (wire, payload) => {
      void target.page?.evaluate(([channel, data]) => window.__kpdDeliver(channel, data), [wire, payload] as const).catch(() => undefined);
    },
    logger: createMemoryLogger(),
  });
  const created = await core.dispatcher.invoke('profiles.create', { name: 'bench', ...benchKeys, region: 'cn-beijing', endpoint: simulator.url });
  if (!created.ok) throw new Error(`could not add the profile: ${created.error.code}`);

  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  target.page = page;
  await page.exposeBinding('__kpdInvokeRaw', async (_source, wire: unknown, request: unknown) => {
    const channel = typeof wire === 'string' && wire.startsWith(channelPrefix) ? wire.slice(channelPrefix.length) : undefined;
    // As text: Playwright's own serializer takes half a minute over 50,000 instances, and leaves the page
    // collecting its garbage for a second and more after the answer. JSON.parse in the page stands in for
    // Electron's structured clone.
    const answer = JSON.stringify(await core.dispatcher.invoke(channel, request));
    await beforeAnswer(channel, page);
    return answer;
  });
  await page.addInitScript({ content: pageProbeScript });
  await page.addInitScript({ content: bridgeScript });
  const serve = createAppProtocolHandler(path.join(root, 'dist', 'renderer'));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${origin}/`)) return route.abort('blockedbyclient');
    const response = await serve(new Request(url.replace(origin, 'app://keypair-desk'), { method: route.request().method() }));
    return route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });
  await page.goto(`${origin}/index.html`);
  return {
    page,
    simulator,
    core,
    close: async () => {
      await browser.close();
      await core.close();
      await simulator.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}
