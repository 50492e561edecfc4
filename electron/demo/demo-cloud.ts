import type { AppCore } from '../app-core';
import { startEcsSimulator, type EcsSimulator } from '../../simulator/ecs-simulator';
import { bindSharedKeyPair } from '../../simulator/shared-key-pair';

// The demo's command lines read fleet numbers exactly as `npm run simulator` does.
export { nonNegativeIntegerFlag } from '../../simulator/cli-numbers';

/** The demo's keys: they open nothing but the built-in simulator on this machine. */
export const demoKeys = { accessKeyId: 'AKLTdemoModeAccessKey01', secretAccessKey: 'demo-mode-secret-not-real-01' };

/** The key pair the demo binds in every region, for the sweep. */
export const demoSharedKeyPairName = 'departed-admin';

export interface DemoCloudOptions {
  instances: number;
  seed: number;
  /** A little latency makes progress visible, as against the real service. */
  latencyMs: number;
}

export const defaultDemoCloud: DemoCloudOptions = { instances: 5000, seed: 1, latencyMs: 60 };

/**
 * `npm run demo`: the app against the ECS simulator with a generated fleet. The demo keeps its keys in memory and its
 * files in folders of its own (`demo-folders.ts`, which also clears them), so it never touches real profiles or the
 * keychain. main.ts loads this module with a dynamic `import()` in demo mode only: a normal start never evaluates
 * the simulator.
 */
export async function startDemoCloud(options: DemoCloudOptions = defaultDemoCloud): Promise<EcsSimulator> {
  const simulator = await startEcsSimulator({
    credentials: [demoKeys],
    generate: { seed: options.seed, instances: options.instances },
    latencyMs: options.latencyMs,
  });
  // Something for "Sweep all regions" to find: one key imported into every region under the same name.
  bindSharedKeyPair(simulator.fleet, { keyPairName: demoSharedKeyPairName, instancesPerRegion: 40 });
  return simulator;
}

/** Adds the demo profile, pointing at the simulator. */
export async function addDemoProfile(core: Pick<AppCore, 'profiles'>, simulator: EcsSimulator): Promise<void> {
  await core.profiles.create({ name: 'Demo', ...demoKeys, region: 'cn-beijing', endpoint: simulator.url });
}
