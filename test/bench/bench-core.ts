import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppCore, type AppCore } from '../../electron/app-core';
import { createMemorySecretStore } from '../../electron/keychain/secret-store';
import { createMemoryLogger } from '../../electron/logging/logger';
import { startEcsSimulator, type EcsSimulator, type EcsSimulatorOptions } from '../../electron/simulator/ecs-simulator';
import { createEcsClient, type EcsClientOptions } from '../../electron/volcengine/ecs-client';
import type { KeyPairDeskApi } from '../../shared/ipc/api-types';
import { channelPrefix } from '../../shared/ipc/channel-names';
import { apiOverDispatcher } from '../electron/support/api-over-dispatcher';
import { valueOf } from '../electron/support/app-under-test';

/** Not secrets: they open nothing but the loopback simulator. */
export const benchKeys = { accessKeyId: 'AKLTbenchmarkKey000001', secretAccessKey: 'benchmark-secret-key-0001' };

export interface BenchCore {
  api: KeyPairDeskApi;
  core: AppCore;
  simulator: EcsSimulator;
  profileId: string;
  /** Resolves with main's progress events of one channel, e.g. `operations.progress`. */
  on(channel: string, listener: (payload: unknown) => void): void;
  close(): Promise<void>;
}

/**
 * The whole main-process core against a real simulator, driven through the renderer's `window.api`, as
 * test/electron/support/app-under-test.ts does, plus a way to pin ECS client options (the baselines' page size).
 */
export async function startBenchCore(
  simulatorOptions: Omit<EcsSimulatorOptions, 'credentials'>,
  clientOptions: Partial<Omit<EcsClientOptions, 'retry'>> = {},
): Promise<BenchCore> {
  const base = await mkdtemp(path.join(tmpdir(), 'kpd-bench-'));
  const simulator = await startEcsSimulator({ credentials: [benchKeys], ...simulatorOptions });
  const listeners = new Map<string, Array<(payload: unknown) => void>>();
  const core = createAppCore({
    info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
    userDataDir: path.join(base, 'user-data'),
    homeDir: path.join(base, 'home'),
    env: {},
    secretStore: createMemorySecretStore(),
    chooseSavePath: async (name) => path.join(base, name),
    eventSink: (wire, payload) => listeners.get(wire.slice(channelPrefix.length))?.forEach((listener) => listener(payload)),
    logger: createMemoryLogger(),
    createEcsClient: (dependencies) => createEcsClient({ ...dependencies, options: { ...dependencies.options, ...clientOptions } }),
  });
  const api = apiOverDispatcher(core.dispatcher);
  const profile = valueOf(await api.profiles.create({ name: 'bench', ...benchKeys, region: 'cn-beijing', endpoint: simulator.url }));
  return {
    api,
    core,
    simulator,
    profileId: profile.id,
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    close: async () => {
      await core.close();
      await simulator.close();
      await rm(base, { recursive: true, force: true });
    },
  };
}
