import type { SweepRegion } from '../../shared/domain/sweep';
import { cloudErrorData, type ClientForProfile } from '../cloud/profile-clients';

/**
 * One region's part of a sweep: the key pair with exactly this name, then the instances bound to it. Two filtered
 * listings instead of the whole inventory, so a sweep over every region stays quick on a large fleet. A failure is
 * the region's answer, not the sweep's: the other regions still count.
 */
export async function searchRegion(options: {
  clientFor: ClientForProfile;
  profileId: string;
  regionId: string;
  keyPairName: string;
  signal: AbortSignal;
}): Promise<SweepRegion> {
  const { regionId, keyPairName, signal } = options;
  try {
    const client = await options.clientFor(options.profileId, regionId);
    try {
      const keyPairs = await client.describeKeyPairs({ keyPairNames: [keyPairName] }, { signal });
      const keyPair = keyPairs.find((candidate) => candidate.keyPairName === keyPairName);
      if (keyPair === undefined) return { state: 'absent', regionId };
      const listed = await client.describeInstances({ keyPairName }, { signal });
      // The filter is the service's; what is planned must really carry this region's key pair.
      const instances = listed.filter((instance) =>
        instance.keyPairId !== null ? instance.keyPairId === keyPair.keyPairId : instance.keyPairName === keyPairName,
      );
      return { state: 'found', regionId, keyPair, instances };
    } finally {
      await client.close();
    }
  } catch (error) {
    return { state: 'failed', regionId, error: cloudErrorData(error, `The search of ${regionId}`) };
  }
}
