import type { SweepAccount, SweepAccountProgress, SweepRegion } from '../../shared/domain/sweep';
import { maxSweptRegions, regionsSearchedAtOnce } from '../../shared/domain/sweep-limits';
import type { AppErrorData } from '../../shared/errors/app-error';
import { cloudErrorData, type ClientForProfile } from '../cloud/profile-clients';
import type { ProfileRecord } from '../credentials/profile-file';
import type { RegionKnowledge } from '../inventory/region-knowledge';
import type { RegionService } from '../inventory/region-service';
import { runWithConcurrency } from '../volcengine/batching';
import { searchRegion } from './region-search';

export interface AccountSearchOptions {
  profile: ProfileRecord;
  keyPairName: string;
  regions: RegionService;
  knowledge: RegionKnowledge;
  clientFor: ClientForProfile;
  signal: AbortSignal;
  /** Told after the regions are known and after each region's answer (the object is the account's, updated in place). */
  onProgress: (progress: SweepAccountProgress) => void;
}

/**
 * The same failure in every region (a locked keychain, keys Volcengine refuses, a missing permission) is the
 * account's problem, said once, not one per region. Different failures leave the account searched, region by region.
 */
function sameFailureEverywhere(regions: readonly SweepRegion[]): AppErrorData | null {
  const first = regions[0];
  if (first?.state !== 'failed') return null;
  const sameAsFirst = (region: SweepRegion) =>
    region.state === 'failed' && region.error.code === first.error.code && region.error.cloud?.code === first.error.cloud?.code;
  return regions.every(sameAsFirst) ? first.error : null;
}

/**
 * One account's part of a sweep: its regions (the cached list: a region added since is one refresh away in the
 * workspace), at most `regionsSearchedAtOnce` at a time, each read under the account's own read pace (the profile's
 * clients share it: cloud/profile-pacers.ts). What a region's search finds is recorded as main's knowledge, which its
 * part of a plan is checked against. Never throws: an account that cannot be read is a failed account.
 */
export async function searchAccount(options: AccountSearchOptions): Promise<SweepAccount> {
  const { profile, keyPairName, knowledge, signal } = options;
  const who = { profileId: profile.id, profileName: profile.name, accountId: profile.accountId ?? null };
  const progress: SweepAccountProgress = { profileId: profile.id, state: 'searching', regionsTotal: 0, regionsDone: 0, instancesFound: 0 };
  const failed = (error: AppErrorData): SweepAccount => {
    progress.state = 'failed';
    options.onProgress(progress);
    return { state: 'failed', ...who, error };
  };
  options.onProgress(progress);
  let regionIds: string[];
  try {
    regionIds = (await options.regions.list(profile.id, false)).regions.slice(0, maxSweptRegions).map((region) => region.regionId);
  } catch (error) {
    return failed(cloudErrorData(error, `Listing the regions of ${profile.name}`));
  }
  progress.regionsTotal = regionIds.length;
  options.onProgress(progress);
  const found = new Array<SweepRegion>(regionIds.length);
  await runWithConcurrency(regionIds.length, regionsSearchedAtOnce, async (index) => {
    const startStamp = knowledge.nextStamp();
    const region = await searchRegion({ clientFor: options.clientFor, profileId: profile.id, regionId: regionIds[index]!, keyPairName, signal });
    if (region.state === 'found') {
      // A complete listing of the key pair in that region: what its part of the plan is checked against.
      knowledge.record(profile.id, region.regionId, region.instances);
      const listed = new Set(region.instances.map((instance) => instance.instanceId));
      knowledge.completeKeyListing(profile.id, region.regionId, region.keyPair.keyPairId, listed, startStamp);
    }
    found[index] = region;
    progress.regionsDone += 1;
    progress.instancesFound += region.state === 'found' ? region.instances.length : 0;
    options.onProgress(progress);
  });
  const everywhere = sameFailureEverywhere(found);
  if (everywhere !== null) return failed(everywhere);
  progress.state = 'done';
  options.onProgress(progress);
  return { state: 'searched', ...who, regions: found };
}
