import type { ConnectionTestResult } from '../../shared/domain/connection-test';
import type { ClientForProfile } from '../cloud/profile-clients';
import { isEcsError } from '../volcengine/ecs-error';
import type { ProfileService } from './profile-service';

export interface ConnectionTesterOptions {
  profiles: ProfileService;
  /** A client for the profile, with the user's proxy and timeout settings applied. */
  clientFor: ClientForProfile;
  now: () => Date;
}

/**
 * "Test connection": one signed DescribeRegions with the profile. Keychain problems (locked, missing) are errors of
 * the call itself; anything the cloud or the network says becomes a result with its explanation.
 */
export function createConnectionTester(options: ConnectionTesterOptions): (profileId: string) => Promise<ConnectionTestResult> {
  return async (profileId) => {
    const profile = await options.profiles.get(profileId);
    // A test should answer quickly: a couple of attempts, not the long patience of a bulk operation. The keys are
    // read before anything is sent, so a locked keychain is reported as such, not as a network failure.
    const client = await options.clientFor(profileId, profile.region, { options: { retry: { maxAttempts: 2 } } });
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
