import type { ProfileInput } from '../../../shared/domain/profile';
import { startEcsSimulator, type EcsSimulator, type EcsSimulatorOptions } from '../../../simulator/ecs-simulator';
import { valueOf, type AppUnderTest } from './app-under-test';

/** Another Volcengine account for a sweep across accounts: its own simulator (own fleet, own keys) and its profile. */
export interface OtherAccount {
  profileId: string;
  simulator: EcsSimulator;
  close(): Promise<void>;
}

export interface OtherAccountOptions {
  name: string;
  /** Distinct per account: the simulator accepts exactly these keys. */
  keys: { accessKeyId: string; secretAccessKey: string };
  fleet: EcsSimulatorOptions['generate'];
  accountId?: string | undefined;
  /** The profile holds this secret instead of the right one: every signed request of it is refused. */
  wrongSecret?: string | undefined;
}

/**
 * Starts another account's simulator and gives the profile request for it, for a harness to send its own way (the
 * API here, the IPC dispatcher in the browser tests): its keys, or the wrong secret, and the simulator as endpoint.
 */
export async function startOtherAccount(options: OtherAccountOptions): Promise<{ simulator: EcsSimulator; profile: ProfileInput }> {
  const simulator = await startEcsSimulator({ credentials: [options.keys], generate: options.fleet });
  const profile: ProfileInput = {
    name: options.name,
    accessKeyId: options.keys.accessKeyId,
    secretAccessKey: options.wrongSecret ?? options.keys.secretAccessKey,
    region: 'cn-beijing',
    endpoint: simulator.url,
    ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
  };
  return { simulator, profile };
}

/**
 * Each account is a simulator of its own on loopback, reached through the profile's endpoint: what one account holds,
 * and what its requests change, is apart from the others', as on Volcengine.
 */
export async function addOtherAccount(app: Pick<AppUnderTest, 'api'>, options: OtherAccountOptions): Promise<OtherAccount> {
  const { simulator, profile } = await startOtherAccount(options);
  const created = valueOf(await app.api.profiles.create(profile));
  return { profileId: created.id, simulator, close: () => simulator.close() };
}
