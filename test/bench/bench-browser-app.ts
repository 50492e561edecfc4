import { chromium, type Browser, type Page } from '@playwright/test';
import type { AppCore } from '../../electron/app-core';
import type { EcsSimulator } from '../../electron/simulator/ecs-simulator';
import { channelPrefix } from '../../shared/ipc/channel-names';
import { bridgeScript, serveBuiltRenderer, testOrigin } from '../browser/support/app-origin';
import { startAppUnderTest } from '../electron/support/app-under-test';
import { pageProbeScript } from './page-probe';

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
  // Main's events go to the page once there is one.
  const target: { page?: Page } = {};
  const app = await startAppUnderTest(
    { generate: { ...fleet, regions: ['cn-beijing'] } },
    {
      onEvent: (wire, payload) => {
        void target.page?.evaluate(([channel, data]) => window.__kpdDeliver(channel, data), [wire, payload] as const).catch(() => undefined);
      },
    },
  );

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
    const answer = JSON.stringify(await app.core.dispatcher.invoke(channel, request));
    await beforeAnswer(channel, page);
    return answer;
  });
  await page.addInitScript({ content: pageProbeScript });
  await page.addInitScript({ content: bridgeScript });
  await serveBuiltRenderer(page);
  await page.goto(`${testOrigin}/index.html`);
  return {
    page,
    simulator: app.simulator,
    core: app.core,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}
