import type { AppCore } from '../app-core';
import { startEcsSimulator, type EcsSimulator } from '../../simulator/ecs-simulator';
import { bindSharedKeyPair } from '../../simulator/shared-key-pair';

// The demo's command lines read fleet numbers exactly as `npm run simulator` does.
export { nonNegativeIntegerFlag } from '../../simulator/cli-numbers';

/** The demo's keys for its first account: they open nothing but the built-in simulator on this machine. */
export const demoKeys = { accessKeyId: 'AKLTdemoModeAccessKey01', secretAccessKey: 'demo-mode-secret-not-real-01' };

/** The key pair the demo binds in every region of every account, for the sweep. */
export const demoSharedKeyPairName = 'departed-admin';

export interface DemoCloudOptions {
  /** Instances of the first account; the others are smaller, as staging and a subsidiary usually are. */
  instances: number;
  seed: number;
  /** A little latency makes progress visible, as against the real service. */
  latencyMs: number;
}

export const defaultDemoCloud: DemoCloudOptions = { instances: 5000, seed: 1, latencyMs: 60 };

/** One Volcengine account of the demo: a simulator of its own (its own fleet, keys and key pair IDs) and a profile. */
export interface DemoAccount {
  profileName: string;
  accountId: string;
  keys: { accessKeyId: string; secretAccessKey: string };
  simulator: EcsSimulator;
}

export interface DemoCloud {
  /** The first is the demo's main account ("Demo"); the sweep can take the shared key off all of them at once. */
  accounts: DemoAccount[];
  close(): Promise<void>;
}

/** Not secrets: each opens only its own simulator on loopback. */
const accountSpecs = [
  { profileName: 'Demo', accountId: '2100000001', keys: demoKeys, share: 1, bound: 40, idTag: 'demo' },
  { profileName: 'Demo staging', accountId: '2100000002', keys: { accessKeyId: 'AKLTdemoStagingKey0001', secretAccessKey: 'demo-staging-secret-not-real' }, share: 0.2, bound: 15, idTag: 'stg' },
  { profileName: 'Demo subsidiary', accountId: '2100000003', keys: { accessKeyId: 'AKLTdemoSubsidiaryKey01', secretAccessKey: 'demo-subsidiary-secret-not-real' }, share: 0.1, bound: 8, idTag: 'sub' },
];

/**
 * `npm run demo`: the app against ECS simulators with generated fleets, one per account, so "Sweep" shows a key
 * found across accounts. The demo keeps its keys in memory and its files in folders of its own (`demo-folders.ts`,
 * which also clears them), so it never touches real profiles or the keychain. main.ts loads this module with a
 * dynamic `import()` in demo mode only: a normal start never evaluates the simulator.
 */
export async function startDemoCloud(options: DemoCloudOptions = defaultDemoCloud): Promise<DemoCloud> {
  const accounts: DemoAccount[] = [];
  for (const [index, spec] of accountSpecs.entries()) {
    const simulator = await startEcsSimulator({
      credentials: [spec.keys],
      generate: { seed: options.seed + index, instances: Math.max(1, Math.round(options.instances * spec.share)) },
      latencyMs: options.latencyMs,
    });
    // Something for the sweep to find: one key imported into every region of the account under the same name.
    bindSharedKeyPair(simulator.fleet, { keyPairName: demoSharedKeyPairName, instancesPerRegion: spec.bound, idTag: spec.idTag });
    accounts.push({ profileName: spec.profileName, accountId: spec.accountId, keys: spec.keys, simulator });
  }
  return {
    accounts,
    close: async () => {
      await Promise.all(accounts.map((account) => account.simulator.close()));
    },
  };
}

/** Adds a profile for each of the demo's accounts, pointing at its simulator. */
export async function addDemoProfiles(core: Pick<AppCore, 'profiles'>, cloud: DemoCloud): Promise<void> {
  for (const account of cloud.accounts) {
    await core.profiles.create({ name: account.profileName, ...account.keys, region: 'cn-beijing', endpoint: account.simulator.url, accountId: account.accountId });
  }
}
