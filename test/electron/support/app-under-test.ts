import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppCore, type AppCore, type AppCoreOptions } from '../../../electron/app-core';
import { createMemorySecretStore, type SecretStore } from '../../../electron/keychain/secret-store';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { startEcsSimulator, type EcsSimulator, type EcsSimulatorOptions } from '../../../simulator/ecs-simulator';
import type { KeyPairDeskApi } from '../../../shared/ipc/api-types';
import { channelPrefix } from '../../../shared/ipc/channel-names';
import { apiOverDispatcher } from './api-over-dispatcher';
import type { IpcResult } from '../../../shared/ipc/result';

export const testKeys = { accessKeyId: 'AKLTappUnderTestKey0001', secretAccessKey: 'app-under-test-secret-01' };

/**
 * The whole main-process core against a real simulator over HTTP, driven through the renderer's own `window.api`
 * object. Only the keychain is in memory here (the keychain has its own tests); everything else is real.
 */
export interface AppUnderTest {
  api: KeyPairDeskApi;
  core: AppCore;
  simulator: EcsSimulator;
  /** Every event main pushed, by channel (without the wire prefix). */
  events: Array<{ channel: string; payload: unknown }>;
  profileId: string;
  /** Main's user-data folder (profiles, settings, the operation journal). */
  userDataDir: string;
  close(): Promise<void>;
}

export function valueOf<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * What a test may change in the core it gets: how the ECS client is built (fast timeouts, a faulty network), and
 * who else hears main's events (the browser benchmark hands them to its page).
 */
export type AppUnderTestCoreOptions = Pick<AppCoreOptions, 'createEcsClient' | 'rebootTiming'> & Partial<Pick<AppCoreOptions, 'secretStore'>> & {
  onEvent?: ((wire: string, payload: unknown) => void) | undefined;
  /** False: `events` stays empty (a benchmark of memory must not keep every page it was sent). */
  recordEvents?: boolean | undefined;
};

export async function startAppUnderTest(
  simulatorOptions: Omit<EcsSimulatorOptions, 'credentials'>,
  coreOptions: AppUnderTestCoreOptions = {},
): Promise<AppUnderTest> {
  const { onEvent, recordEvents = true, ...coreChanges } = coreOptions;
  const base = await mkdtemp(path.join(tmpdir(), 'kpd-app-'));
  const simulator = await startEcsSimulator({ credentials: [testKeys], ...simulatorOptions });
  const events: AppUnderTest['events'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const core = createAppCore({
    info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
    userDataDir: path.join(base, 'user-data'),
    homeDir: path.join(base, 'home'),
    env: {},
    secretStore: createMemorySecretStore(),
    chooseSavePath: async (name) => path.join(base, name),
    eventSink: (wire, payload) => {
      if (recordEvents) events.push({ channel: wire.slice(channelPrefix.length), payload });
      listeners.get(wire)?.forEach((listener) => listener(payload));
      onEvent?.(wire, payload);
    },
    logger: createMemoryLogger(),
    // A rolling reboot's waits in tests: a wave is checked every 20 ms, and its "minute" lasts 200 ms.
    rebootTiming: { pollIntervalMs: 20, minuteMs: 200 },
    ...coreChanges,
  });
  const api = apiOverDispatcher(core.dispatcher, {
    subscribe: (wire, listener) => {
      const set = listeners.get(wire) ?? new Set();
      listeners.set(wire, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  });
  const profile = valueOf(
    await api.profiles.create({ name: 'test', ...testKeys, region: 'cn-beijing', endpoint: simulator.url }),
  );
  return {
    api,
    core,
    simulator,
    events,
    profileId: profile.id,
    userDataDir: path.join(base, 'user-data'),
    close: async () => {
      await core.close();
      await simulator.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}

/** The core of a later run of the app, on a copy of an earlier run's user data (see `snapshotUserData`). */
export interface RestartedCore {
  core: AppCore;
  /** Closes the core and deletes the copy. */
  close(): Promise<void>;
}

/**
 * What a crash at this moment leaves on disk: a copy of the app's user data, taken now (each journal record is
 * fsynced before its step). A copy, so the running core and the restarted one never share a journal file.
 */
export async function snapshotUserData(app: AppUnderTest, prefix: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(app.userDataDir, copy, { recursive: true });
  return copy;
}

/** The next run of the app: a fresh core on a snapshot of the user data, with the same keychain. */
export function restartOnSnapshot(
  snapshot: string,
  secretStore: SecretStore,
  rebootTiming: AppCoreOptions['rebootTiming'] = { pollIntervalMs: 20, minuteMs: 200 },
): RestartedCore {
  const core = createAppCore({
    info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
    userDataDir: snapshot,
    homeDir: snapshot,
    env: {},
    secretStore,
    chooseSavePath: async (name) => path.join(snapshot, name),
    eventSink: () => undefined,
    logger: createMemoryLogger(),
    rebootTiming,
  });
  return {
    core,
    close: async () => {
      await core.close();
      await rm(snapshot, { recursive: true, force: true });
    },
  };
}
