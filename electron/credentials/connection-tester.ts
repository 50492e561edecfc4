import type { ConnectionTestResult } from '../../shared/domain/connection-test';
import type { EcsClient, EcsClientDependencies } from '../volcengine/ecs-client';
import { isEcsError } from '../volcengine/ecs-error';
import type { ProfileService } from './profile-service';

export interface ConnectionTesterOptions {
  profiles: ProfileService;
  /** Builds a client for a profile: the real one in the app, with the proxy setting and timeouts applied. */
  createClient: (dependencies: EcsClientDependencies) => EcsClient;
  /** Where HTTPS_PROXY / NO_PROXY are read from (the process environment in the app). */
  env: Readonly<Record<string, string | undefined>>;
  now: () => Date;
}

/**
 * "Test connection": one signed DescribeRegions with the profile. Keychain problems (locked, missing) are errors of
 * the call itself; anything the cloud or the network says becomes a result with its explanation.
 */
export function createConnectionTester(options: ConnectionTesterOptions): (profileId: string) => Promise<ConnectionTestResult> {
  return async (profileId) => {
    const profile = await options.profiles.get(profileId);
    // Read up front so a locked keychain is reported as such, not as a network failure.
    const credentials = await options.profiles.credentials(profileId);
    const client = options.createClient({
      endpoint: profile.endpoint ?? undefined,
      region: profile.region,
      credentials: async () => credentials,
      proxy: { mode: 'environment', variables: options.env },
      // A test should answer quickly: a couple of attempts, not the long patience of a bulk operation.
      options: { retry: { maxAttempts: 2 } },
    });
    try {
      const regions = await client.describeRegions();
      return { ok: true, regions, profile: await options.profiles.markVerified(profileId, options.now()) };
    } catch (error) {
      if (!isEcsError(error)) throw error;
      const serverTime = error.serverDateMs;
      return {
        ok: false,
        error: error.toData(),
        clockSkewSeconds: serverTime === undefined ? null : Math.round((options.now().getTime() - serverTime) / 1000),
      };
    } finally {
      await client.close();
    }
  };
}
