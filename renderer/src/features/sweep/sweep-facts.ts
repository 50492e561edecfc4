import { detachBlocker } from '../../../../shared/domain/detachability';
import type { OperationPlan, OperationProgress, OperationResult } from '../../../../shared/domain/operation';
import type { SweepPlan, SweepRegion } from '../../../../shared/domain/sweep';
import { retryableInstanceIds } from '../operation/retry-selection';

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

export interface SweepPlanTotals {
  instances: number;
  requests: number;
  regions: number;
  excluded: OperationPlan['excluded'];
}

export function sweepPlanTotals(plan: SweepPlan): SweepPlanTotals {
  return {
    instances: plan.plans.reduce((sum, part) => sum + part.instanceIds.length, 0),
    requests: plan.plans.reduce((sum, part) => sum + part.requests.length, 0),
    regions: plan.plans.filter((part) => part.instanceIds.length > 0).length,
    excluded: plan.plans.flatMap((part) => part.excluded),
  };
}

/** One region's operation in a running or finished sweep. */
export interface SweepRun {
  regionId: string;
  operationId: string;
  progress: OperationProgress;
  result: OperationResult | null;
}

/** The sweep's progress as one: counts summed over the regions; running while any region still runs. */
export function combinedProgress(runs: readonly SweepRun[]): OperationProgress {
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

/** The retryable instances of the given finished regions, as the regions of a new sweep plan. */
export function retryRegions(runs: readonly SweepRun[]): Array<{ regionId: string; instanceIds: string[] }> {
  return runs.flatMap((run) => {
    // A sweep only ever detaches, and an unknown detach is safe to offer again (see retry-selection.ts).
    const instanceIds = run.result === null ? [] : retryableInstanceIds(run.result.outcomes, 'detach-key-pair');
    return instanceIds.length === 0 ? [] : [{ regionId: run.regionId, instanceIds }];
  });
}

/**
 * Where a sweep's requests go. Each region has its own endpoint unless the profile names one (regions such as
 * ap-southeast-2 have a host of their own): one shared by every region is named once as `shared`, else each region
 * names its own and `shared` is null.
 */
export function sweepEndpoints(plans: ReadonlyArray<Pick<OperationPlan, 'regionId' | 'endpoint'>>): { shared: string | null; byRegion: ReadonlyMap<string, string> } {
  const distinct = new Set(plans.map((part) => part.endpoint));
  if (distinct.size <= 1) return { shared: plans[0]?.endpoint ?? null, byRegion: new Map() };
  return { shared: null, byRegion: new Map(plans.flatMap((part) => (part.endpoint === null ? [] : [[part.regionId, part.endpoint] as const]))) };
}
