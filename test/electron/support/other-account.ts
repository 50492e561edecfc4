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
 * Each account is a simulator of its own on loopback, reached through the profile's endpoint: what one account holds,
 * and what its requests change, is apart from the others', as on Volcengine.
 */
export async function addOtherAccount(app: Pick<AppUnderTest, 'api'>, options: OtherAccountOptions): Promise<OtherAccount> {
  const simulator = await startEcsSimulator({ credentials: [options.keys], generate: options.fleet });
  const profile = valueOf(
    await app.api.profiles.create({
      name: options.name,
      accessKeyId: options.keys.accessKeyId,
      secretAccessKey: options.wrongSecret ?? options.keys.secretAccessKey,
      region: 'cn-beijing',
      endpoint: simulator.url,
      ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
    }),
  );
  return { profileId: profile.id, simulator, close: () => simulator.close() };
}
