import { chromium, type Browser, type Page } from '@playwright/test';
import type { AppCore } from '../../electron/app-core';
import type { EcsSimulator, EcsSimulatorOptions } from '../../simulator/ecs-simulator';
import type { SettingsPatch } from '../../shared/domain/settings';
import { channelPrefix } from '../../shared/ipc/channel-names';
import { bridgeScript, serveBuiltRenderer, testOrigin } from '../browser/support/app-origin';
import { startAppUnderTest, valueOf } from '../electron/support/app-under-test';
import { pageProbeScript } from './page-probe';

export interface BenchBrowserApp {
  page: Page;
  simulator: EcsSimulator;
  core: AppCore;
  /** Loads the app again in the same page, with the same core (its region listings kept on disk stay). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export interface BenchBrowserOptions {
  /** A generated fleet (one region, cn-beijing), or a whole one made by hand. */
  fleet: { seed: number; instances: number; zoneWeights?: number[] } | NonNullable<EcsSimulatorOptions['fleet']>;
  latencyMs?: number;
  /** Changed through window.api before the page opens (the read pace, say). */
  settings?: SettingsPatch;
  /** Awaited before an answer goes back to the page (e.g. to start a profiler just before the data lands). */
  beforeAnswer?: (channel: string | undefined, page: Page) => Promise<void>;
  /** Runs in the page before the app's scripts, after the probe (e.g. to watch for the first screen). */
  initScript?: string;
}

/**
 * The built renderer (dist/renderer) in headless Debian Chromium, bridged to the real main-process core and a
 * simulator, as the browser tests' app-fixture does, without Playwright's test runner and with an in-memory
 * keychain. The page probe (page-probe.ts) is installed before any of the app's scripts run.
 */
export async function openBenchBrowserApp(options: BenchBrowserOptions): Promise<BenchBrowserApp> {
  const { fleet } = options;
  // Main's events go to the page once there is one, as JSON text: Playwright's own serializer is slow on pages of
  // instances, and JSON.parse in the page stands in for Electron's structured clone.
  const target: { page?: Page } = {};
  const app = await startAppUnderTest(
    {
      ...('regions' in fleet ? { fleet } : { generate: { ...fleet, regions: ['cn-beijing'] } }),
      latencyMs: options.latencyMs ?? 0,
    },
    {
      recordEvents: false,
      onEvent: (wire, payload) => {
        void target.page?.evaluate(([channel, text]) => window.__benchDeliver(channel, text), [wire, JSON.stringify(payload)] as const).catch(() => undefined);
      },
    },
  );
  if (options.settings !== undefined) valueOf(await app.api.settings.update(options.settings));

  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  target.page = page;
  await page.exposeBinding('__kpdInvokeRaw', async (_source, wire: unknown, request: unknown) => {
    const channel = typeof wire === 'string' && wire.startsWith(channelPrefix) ? wire.slice(channelPrefix.length) : undefined;
    // As text, for the same reason as the events.
    const answer = JSON.stringify(await app.core.dispatcher.invoke(channel, request));
    await options.beforeAnswer?.(channel, page);
    return answer;
  });
  await page.addInitScript({ content: pageProbeScript });
  await page.addInitScript({ content: bridgeScript });
  if (options.initScript !== undefined) await page.addInitScript({ content: options.initScript });
  await serveBuiltRenderer(page);
  const open = async () => {
    await page.goto(`${testOrigin}/index.html`);
  };
  await open();
  return {
    page,
    simulator: app.simulator,
    core: app.core,
    reopen: open,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}
