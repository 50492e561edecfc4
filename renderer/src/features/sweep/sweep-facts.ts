import { detachBlocker } from '../../../../shared/domain/detachability';
import { maxSweptProfiles } from '../../../../shared/domain/sweep-limits';
import type { OperationPlan, OperationProgress, OperationResult } from '../../../../shared/domain/operation';
import type { Sweep, SweepAccount, SweepAccountProgress, SweepPlan, SweepPlanRequest, SweepRegion } from '../../../../shared/domain/sweep';
import { retryableInstanceIds } from '../operation/retry-selection';

/** One account and region of a sweep: the unit the admin includes or leaves out, and a run's key. */
export function partKey(profileId: string, regionId: string): string {
  return `${profileId}/${regionId}`;
}

export interface RegionCounts {
  bound: number;
  /** Bound and in a state DetachKeyPair accepts. */
  detachable: number;
}

/** How many instances carry the key in a region, and how many of those a detach can take it off. */
export function regionCounts(region: SweepRegion): RegionCounts {
  if (region.state !== 'found') return { bound: 0, detachable: 0 };
  const ref = { keyPairId: region.keyPair.keyPairId, keyPairName: region.keyPair.keyPairName };
  const detachable = region.instances.filter((instance) => detachBlocker(instance, ref) === null).length;
  return { bound: region.instances.length, detachable };
}

/** The regions a sweep plan can include: those where the key was found on at least one instance. */
export function plannableRegions(regions: readonly SweepRegion[]): Array<Extract<SweepRegion, { state: 'found' }>> {
  return regions.filter((region): region is Extract<SweepRegion, { state: 'found' }> => region.state === 'found' && region.instances.length > 0);
}

export interface AccountTotals {
  /** Instances bound to the key, and how many of those a detach can take it off. */
  bound: number;
  detachable: number;
  /** Regions where the key is bound to something, of the regions searched. */
  regionsBound: number;
  regionsSearched: number;
  regionsFailed: number;
}

/** One account's findings summed over its regions (all zero for an account that could not be read). */
export function accountTotals(account: SweepAccount): AccountTotals {
  const regions = account.state === 'searched' ? account.regions : [];
  const counts = regions.map(regionCounts);
  return {
    bound: counts.reduce((sum, count) => sum + count.bound, 0),
    detachable: counts.reduce((sum, count) => sum + count.detachable, 0),
    regionsBound: plannableRegions(regions).length,
    regionsSearched: regions.length,
    regionsFailed: regions.filter((region) => region.state === 'failed').length,
  };
}

/** The sweep's findings summed over its accounts, with how many accounts could not be read. */
export function sweepTotals(sweep: Sweep): AccountTotals & { accountsFailed: number } {
  const all = sweep.accounts.map(accountTotals);
  const sum = (pick: (totals: AccountTotals) => number) => all.reduce((total, totals) => total + pick(totals), 0);
  return {
    bound: sum((totals) => totals.bound),
    detachable: sum((totals) => totals.detachable),
    regionsBound: sum((totals) => totals.regionsBound),
    regionsSearched: sum((totals) => totals.regionsSearched),
    regionsFailed: sum((totals) => totals.regionsFailed),
    accountsFailed: sweep.accounts.filter((account) => account.state === 'failed').length,
  };
}

/**
 * The parts a review plans: every account's regions where the key is bound, less what the admin left out (a whole
 * account, or one account's region). A failed account has nothing to plan.
 */
export function plannedParts(sweep: Sweep, skippedAccounts: ReadonlySet<string>, skippedParts: ReadonlySet<string>): SweepPlanRequest['parts'] {
  return sweep.accounts.flatMap((account) =>
    account.state !== 'searched' || skippedAccounts.has(account.profileId)
      ? []
      : plannableRegions(account.regions)
          .filter((region) => !skippedParts.has(partKey(account.profileId, region.regionId)))
          .map((region) => ({ profileId: account.profileId, regionId: region.regionId, instanceIds: region.instances.map((instance) => instance.instanceId) })),
  );
}

export interface SweepPlanTotals {
  instances: number;
  requests: number;
  regions: number;
  accounts: number;
  excluded: OperationPlan['excluded'];
}

export function sweepPlanTotals(plan: SweepPlan): SweepPlanTotals {
  const withInstances = plan.plans.filter((part) => part.instanceIds.length > 0);
  return {
    instances: plan.plans.reduce((sum, part) => sum + part.instanceIds.length, 0),
    requests: plan.plans.reduce((sum, part) => sum + part.requests.length, 0),
    regions: withInstances.length,
    accounts: new Set(withInstances.map((part) => part.profileId)).size,
    excluded: plan.plans.flatMap((part) => part.excluded),
  };
}

/** Items grouped by account, accounts in the order they first appear (the sweep's order), items kept in order. */
export function groupByAccount<T extends { profileId: string }>(items: readonly T[]): Array<{ profileId: string; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.profileId);
    if (group === undefined) groups.set(item.profileId, [item]);
    else group.push(item);
  }
  return [...groups].map(([profileId, grouped]) => ({ profileId, items: grouped }));
}

/** One account and region's operation in a running or finished sweep. */
export interface SweepRun {
  profileId: string;
  profileName: string;
  accountId: string | null;
  regionId: string;
  operationId: string;
  progress: OperationProgress;
  result: OperationResult | null;
}

/** The sweep's progress as one: counts summed over the parts; running while any part still runs. */
export function combinedProgress(runs: ReadonlyArray<Pick<SweepRun, 'operationId' | 'progress'>>): OperationProgress {
  const sum = (pick: (progress: OperationProgress) => number) => runs.reduce((total, run) => total + pick(run.progress), 0);
  const states = new Set(runs.map((run) => run.progress.state));
  const state = states.has('running') ? 'running' : states.has('cancelling') ? 'cancelling' : states.has('cancelled') ? 'cancelled' : 'finished';
  return {
    operationId: runs.map((run) => run.operationId).join('+').slice(0, 64),
    state,
    total: sum((progress) => progress.total),
    succeeded: sum((progress) => progress.succeeded),
    failed: sum((progress) => progress.failed),
    unknown: sum((progress) => progress.unknown),
    notSent: sum((progress) => progress.notSent),
    requestsTotal: sum((progress) => progress.requestsTotal),
    requestsSent: sum((progress) => progress.requestsSent),
    requestsAnswered: sum((progress) => progress.requestsAnswered),
  };
}

/** The retryable instances of the given finished parts, as the parts of a new sweep plan. */
export function retryParts(runs: readonly SweepRun[]): SweepPlanRequest['parts'] {
  return runs.flatMap((run) => {
    // A sweep only ever detaches, and an unknown detach is safe to offer again (see retry-selection.ts).
    const instanceIds = run.result === null ? [] : retryableInstanceIds(run.result.outcomes, 'detach-key-pair');
    return instanceIds.length === 0 ? [] : [{ profileId: run.profileId, regionId: run.regionId, instanceIds }];
  });
}

/**
 * Where a sweep's requests go. Each region has its own endpoint unless the profile names one (regions such as
 * ap-southeast-2 have a host of their own): one shared by every part is named once as `shared`, else each part
 * (by `partKey`) names its own and `shared` is null.
 */
export function sweepEndpoints(plans: ReadonlyArray<Pick<OperationPlan, 'profileId' | 'regionId' | 'endpoint'>>): {
  shared: string | null;
  byPart: ReadonlyMap<string, string>;
} {
  const distinct = new Set(plans.map((part) => part.endpoint));
  if (distinct.size <= 1) return { shared: plans[0]?.endpoint ?? null, byPart: new Map() };
  return { shared: null, byPart: new Map(plans.flatMap((part) => (part.endpoint === null ? [] : [[partKey(part.profileId, part.regionId), part.endpoint] as const]))) };
}

/** How an account is named on screen and in exports: the profile's name, and the account ID when known. */
export function accountLabel(account: { profileName: string; accountId: string | null }): string {
  return account.accountId === null ? account.profileName : `${account.profileName} (${account.accountId})`;
}

/**
 * The instances of one account's region that were running when the sweep searched: those a reboot after the detach
 * is for. Null when the search is not at hand (a sweep resumed from History), so no offer is made on a guess.
 */
export function runningAtSearch(sweep: Sweep | null, profileId: string, regionId: string): ReadonlySet<string> | null {
  const account = sweep?.accounts.find((candidate) => candidate.profileId === profileId);
  const region = account?.state === 'searched' ? account.regions.find((candidate) => candidate.regionId === regionId) : undefined;
  if (region?.state !== 'found') return null;
  return new Set(region.instances.filter((instance) => instance.status === 'RUNNING').map((instance) => instance.instanceId));
}

export interface SweptProfiles {
  /** The picked profiles that still exist: a profile deleted since it was picked is neither searched nor shown. */
  picked: string[];
  /** The profiles a search would cover: those picked, or every one when none is picked. */
  profileIds: string[];
  /** More than one sweep takes: main would refuse the request, so the form says it first. */
  tooMany: boolean;
}

/** What the search form shows as picked and sends: none picked means all. */
export function sweptProfiles(picked: readonly string[], profiles: ReadonlyArray<{ id: string }>): SweptProfiles {
  const existing = picked.filter((id) => profiles.some((profile) => profile.id === id));
  const profileIds = existing.length === 0 ? profiles.map((profile) => profile.id) : existing;
  return { picked: existing, profileIds, tooMany: profileIds.length > maxSweptProfiles };
}

export interface SearchProgressTotals {
  /** Regions searched, of those listed so far. */
  done: number;
  total: number;
  instances: number;
  /** Of the whole search: each account weighs the same, and one that is done or failed counts whole. */
  percent: number;
  /** Accounts still listing their regions, whose regions are not in `total` yet. */
  listing: number;
}

/**
 * A search's progress over every account. Counted by regions alone, "2 of 2 regions" would fill the bar while an
 * account is still listing its regions; each account's share keeps the bar short of full until the last one ends.
 */
export function searchProgressTotals(accounts: readonly SweepAccountProgress[]): SearchProgressTotals {
  const settled = (account: SweepAccountProgress) => account.state === 'done' || account.state === 'failed';
  const share = (account: SweepAccountProgress) => (settled(account) ? 1 : account.regionsTotal === 0 ? 0 : account.regionsDone / account.regionsTotal);
  const sum = (of: (account: SweepAccountProgress) => number) => accounts.reduce((total, account) => total + of(account), 0);
  return {
    done: sum((account) => account.regionsDone),
    total: sum((account) => account.regionsTotal),
    instances: sum((account) => account.instancesFound),
    percent: accounts.length === 0 ? 0 : Math.floor((sum(share) / accounts.length) * 100),
    listing: accounts.filter((account) => !settled(account) && account.regionsTotal === 0).length,
  };
}
