import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { createAppCore } from '../../../electron/app-core';
import type { IpcDispatcher } from '../../../electron/ipc/dispatcher';
import { createKeytarSecretStore } from '../../../electron/keychain/keytar-secret-store';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { startEcsSimulator, type EcsSimulator } from '../../../simulator/ecs-simulator';
import { createSenderPolicy } from '../../../electron/security/sender-policy';
import { channelPrefix } from '../../../shared/ipc/channel-names';
import { startOtherAccount, type OtherAccountOptions } from '../../electron/support/other-account';
import { bridgeScript, serveBuiltRenderer, testOrigin } from './app-origin';

const root = path.resolve(import.meta.dirname, '../../..');

export interface AppOptions {
  /** The OS's preferred languages, as Electron would report them. */
  osLanguages: string[];
  /** The environment main sees (VOLCENGINE_* variables for import, proxies). */
  env: Record<string, string>;
  /**
   * Written to ~/.volcengine/config.json of the test's home folder when set (an object, or raw text), with
   * `SIMULATOR_URL` replaced by the test simulator's address.
   */
  cliConfig: object | string | null;
  /** The simulator's generated fleet (zones as uneven as `zoneWeights` say, when given). */
  fleet: { seed: number; instances: number; regions?: string[]; zoneWeights?: number[] };
  /** Whether main says the cloud is simulated (`npm run demo`). */
  demoMode: boolean;
  /** A rolling reboot's check interval and the length of its "minute" (short, so a wait fits in a test). */
  rebootTiming: { pollIntervalMs: number; minuteMs: number };
}

/** The keys the test simulator accepts. Not secrets: they open nothing but the loopback simulator. */
export const simulatorKeys = { accessKeyId: 'AKLTbrowserTestKey0001', secretAccessKey: 'browser-test-secret-key-0001' };

export interface AppHarness {
  page: Page;
  userDataDir: string;
  homeDir: string;
  simulator: EcsSimulator;
  dispatcher: IpcDispatcher;
  logLines: string[];
  /** Requests the page tried to make anywhere but the app's own origin (all were refused). */
  foreignRequests: string[];
  consoleErrors: string[];
  /** Adds a profile for the simulator through main, as if the user had, and returns its id. */
  addSimulatorProfile(name?: string): Promise<string>;
  /**
   * Adds another Volcengine account: a simulator of its own (own keys, own fleet, closed with the test) and a
   * profile for it. With `wrongSecret` the profile holds that secret instead, so every signed request of it fails.
   */
  addAccountProfile(options: OtherAccountOptions): Promise<{ profileId: string; simulator: EcsSimulator }>;
  open(): Promise<void>;
  cspViolations(): Promise<string[]>;
  screenshot(name: string): Promise<void>;
}

/**
 * The app as the browser tests see it: the built renderer (dist/renderer) in Chromium, its window.api bridged to a
 * real `createAppCore` in this process, with the real keychain (the private one of test/with-keychain.sh), a
 * temporary user-data folder, and the real app:// protocol handler serving the files with their CSP.
 */
export const test = base.extend<AppOptions & { app: AppHarness }>({
  osLanguages: [['en-US'], { option: true }],
  env: [{}, { option: true }],
  cliConfig: [null, { option: true }],
  fleet: [{ seed: 7, instances: 200 }, { option: true }],
  demoMode: [false, { option: true }],
  rebootTiming: [{ pollIntervalMs: 250, minuteMs: 6_000 }, { option: true }],
  app: async ({ page, osLanguages, env, cliConfig, fleet, demoMode, rebootTiming }, use, testInfo) => {
    if (process.env.KPD_KEYCHAIN_SANDBOX === undefined) {
      throw new Error('Browser tests use the real keychain: run them inside test/with-keychain.sh (npm run test:browser).');
    }
    const wantLocked = testInfo.project.name === 'locked';
    if (wantLocked !== (process.env.KEYCHAIN_LOCKED === '1')) {
      throw new Error(`The ${testInfo.project.name} project must run with KEYCHAIN_LOCKED=${wantLocked ? 1 : 0} (npm run test:browser).`);
    }
    const base = await mkdtemp(path.join(tmpdir(), 'kpd-browser-'));
    const userDataDir = path.join(base, 'user-data');
    const homeDir = path.join(base, 'home');
    await mkdir(path.join(homeDir, '.volcengine'), { recursive: true });
    const simulator = await startEcsSimulator({ credentials: [simulatorKeys], generate: fleet });
    if (cliConfig !== null) {
      const text = (typeof cliConfig === 'string' ? cliConfig : JSON.stringify(cliConfig)).replaceAll('SIMULATOR_URL', simulator.url);
      await writeFile(path.join(homeDir, '.volcengine', 'config.json'), text, { mode: 0o600 });
    }
    const logger = createMemoryLogger();
    const core = createAppCore({
      info: { name: 'KeyPair Desk', version: '0.1.0', platform: 'linux', osLanguages, demoMode },
      userDataDir,
      homeDir,
      env,
      // The save dialog's answer: the suggested name in the test's own folder.
      chooseSavePath: async (name) => path.join(base, name),
      secretStore: createKeytarSecretStore('com.keypairdesk.browser-test'),
      eventSink: (wireChannel, payload) => {
        void page
          .evaluate(([channel, data]) => window.__kpdDeliver(channel, data), [wireChannel, payload] as const)
          .catch(() => undefined);
      },
      logger,
      rebootTiming,
    });
    const isTrustedSender = createSenderPolicy({ appOrigin: testOrigin, trustedWebContentsIds: () => new Set([1]) });
    await page.exposeBinding('__kpdInvoke', ({ frame }, wireChannel: unknown, request: unknown) => {
      const facts = { webContentsId: 1, frameUrl: frame.url(), isTopFrame: frame === page.mainFrame() };
      if (!isTrustedSender(facts)) {
        return { ok: false, error: { code: 'IPC_FORBIDDEN_SENDER', message: 'The sender of this request is not trusted.' } };
      }
      const channel = typeof wireChannel === 'string' && wireChannel.startsWith(channelPrefix) ? wireChannel.slice(channelPrefix.length) : undefined;
      return core.dispatcher.invoke(channel, request);
    });
    await page.addInitScript({ content: bridgeScript });
    const otherAccounts: EcsSimulator[] = [];

    const foreignRequests: string[] = [];
    await serveBuiltRenderer(page, (url) => foreignRequests.push(url));
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await use({
      page,
      userDataDir,
      homeDir,
      simulator,
      dispatcher: core.dispatcher,
      logLines: logger.lines,
      foreignRequests,
      consoleErrors,
      addSimulatorProfile: async (name = 'prod') => {
        const created = await core.dispatcher.invoke('profiles.create', { name, ...simulatorKeys, region: 'cn-beijing', endpoint: simulator.url });
        if (!created.ok) throw new Error(`could not add the profile: ${created.error.code}`);
        return (created.value as { id: string }).id;
      },
      addAccountProfile: async (options) => {
        const { simulator: other, profile } = await startOtherAccount(options);
        otherAccounts.push(other);
        const created = await core.dispatcher.invoke('profiles.create', profile);
        if (!created.ok) throw new Error(`could not add the profile: ${created.error.code}`);
        return { profileId: (created.value as { id: string }).id, simulator: other };
      },
      open: async () => {
        await page.goto(`${testOrigin}/index.html`);
      },
      cspViolations: () => page.evaluate(() => window.__kpdCspViolations),
      screenshot: async (name) => {
        const file = path.join(root, 'test', 'artifacts', 'screenshots', `${name}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        await testInfo.attach(name, { path: file, contentType: 'image/png' });
      },
    });
    await core.close();
    await simulator.close();
    for (const other of otherAccounts) await other.close();
    await rm(base, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
