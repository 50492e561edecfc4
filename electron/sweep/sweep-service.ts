import type { KeyPair } from '../../shared/domain/ecs';
import { typedConfirmationThreshold, type OperationPlan } from '../../shared/domain/operation';
import {
  maxSweptRegions,
  regionsSearchedAtOnce,
  type Sweep,
  type SweepPlan,
  type SweepPlanRequest,
  type SweepProgress,
  type SweepRequest,
  type SweepStarted,
} from '../../shared/domain/sweep';
import { AppError } from '../../shared/errors/app-error';
import type { ClientForProfile } from '../cloud/profile-clients';
import type { RegionKnowledge } from '../inventory/region-knowledge';
import type { RegionService } from '../inventory/region-service';
import type { OperationService } from '../operations/operation-service';
import type { JobRegistry } from '../jobs/job-registry';
import { keepLatest } from '../operations/keep-latest';
import { runWithConcurrency } from '../volcengine/batching';
import { searchRegion } from './region-search';

export interface SweepService {
  /** Searches every region of the profile for the key pair and the instances bound to it; cancellable by job id. */
  find(request: SweepRequest, onProgress: (progress: SweepProgress) => void): Promise<Sweep>;
  /** One plan per region, made as any plan is (against what main read), reviewed and confirmed together. */
  plan(request: SweepPlanRequest): Promise<SweepPlan>;
  /** Starts every region's part of a reviewed sweep plan (once); each runs as its own operation. */
  start(sweepPlanId: string, confirmation: string | null): SweepStarted;
}

export interface SweepServiceOptions {
  regions: RegionService;
  knowledge: RegionKnowledge;
  operations: OperationService;
  /** Where a search runs as a job the renderer can cancel (shared with the inventory's listings). */
  jobs: JobRegistry;
  clientFor: ClientForProfile;
  newId: () => string;
  now: () => Date;
}

/** What main remembers of a sweep: the key pair ID it found in each region, which plans use (never the renderer's). */
interface StoredSweep {
  profileId: string;
  keyPairName: string;
  keyPairs: ReadonlyMap<string, KeyPair>;
}

/** Only the latest few sweeps can be planned; older ones must be searched again, which is quick and current. */
const rememberedSweeps = 8;

function cancelledSweep(): AppError {
  return new AppError('CLOUD_REQUEST_FAILED', 'The sweep was cancelled.', { cloud: { code: 'ECS_CANCELLED', message: 'Cancelled by the user.' } });
}

export function createSweepService(options: SweepServiceOptions): SweepService {
  const sweeps = new Map<string, StoredSweep>();
  const sweepPlans = new Map<string, { plans: OperationPlan[]; confirmationText: string | null }>();

  return {
    find: ({ profileId, keyPairName, jobId }, onProgress) =>
      options.jobs.run(jobId, async (signal) => {
        // The cached list is fine here: a region added since is one refresh away in the workspace.
        const regionIds = (await options.regions.list(profileId, false)).regions.slice(0, maxSweptRegions).map((region) => region.regionId);
        const progress: SweepProgress = { jobId, regionsTotal: regionIds.length, regionsDone: 0, instancesFound: 0 };
        onProgress({ ...progress });
        const found = new Array<Sweep['regions'][number]>(regionIds.length);
        await runWithConcurrency(regionIds.length, regionsSearchedAtOnce, async (index) => {
          const startStamp = options.knowledge.nextStamp();
          const region = await searchRegion({ clientFor: options.clientFor, profileId, regionId: regionIds[index]!, keyPairName, signal });
          if (region.state === 'found') {
            // A complete listing of the key pair in that region: what its part of the plan is checked against.
            options.knowledge.record(profileId, region.regionId, region.instances);
            options.knowledge.completeKeyListing(profileId, region.regionId, region.keyPair.keyPairId, new Set(region.instances.map((instance) => instance.instanceId)), startStamp);
          }
          found[index] = region;
          progress.regionsDone += 1;
          progress.instancesFound += region.state === 'found' ? region.instances.length : 0;
          onProgress({ ...progress });
        });
        if (signal.aborted) throw cancelledSweep();
        // The same local failure everywhere (a locked keychain, say) is one problem, not one per region.
        const first = found[0];
        if (first?.state === 'failed' && first.error.code !== 'CLOUD_REQUEST_FAILED' && found.every((region) => region.state === 'failed')) {
          throw new AppError(first.error.code, first.error.message);
        }
        const sweep: Sweep = { sweepId: options.newId(), profileId, keyPairName, searchedAt: options.now().toISOString(), regions: found };
        const keyPairs = new Map(found.flatMap((region) => (region.state === 'found' ? [[region.regionId, region.keyPair] as const] : [])));
        keepLatest(sweeps, sweep.sweepId, { profileId, keyPairName, keyPairs }, rememberedSweeps);
        return sweep;
      }),

    async plan(request) {
      const sweep = sweeps.get(request.sweepId);
      if (sweep === undefined) throw new AppError('SWEEP_NOT_FOUND', 'No such sweep: search again.');
      const plans: OperationPlan[] = [];
      for (const { regionId, instanceIds } of request.regions) {
        const keyPair = sweep.keyPairs.get(regionId);
        if (keyPair === undefined || plans.some((plan) => plan.regionId === regionId)) {
          throw new AppError('SWEEP_NOT_FOUND', `The sweep found no key pair to detach in ${regionId}, or the region is listed twice.`);
        }
        const ref = { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName };
        plans.push(await options.operations.plan({ profileId: sweep.profileId, regionId, action: 'detach-key-pair', keyPair: ref, forceStop: false, instanceIds }));
      }
      const total = plans.reduce((sum, plan) => sum + plan.instanceIds.length, 0);
      if (total === 0) throw new AppError('PLAN_EMPTY', 'The sweep plan has no instance.');
      const confirmationText = total >= typedConfirmationThreshold ? sweep.keyPairName : null;
      const sweepPlanId = options.newId();
      // A sweep plan dropped for newer ones will never start: its regions' plans go with it.
      for (const dropped of keepLatest(sweepPlans, sweepPlanId, { plans, confirmationText }, rememberedSweeps)) {
        for (const plan of dropped.plans) options.operations.discard(plan.planId);
      }
      return { sweepPlanId, keyPairName: sweep.keyPairName, plans, confirmationText };
    },

    start(sweepPlanId, confirmation) {
      const stored = sweepPlans.get(sweepPlanId);
      if (stored === undefined) throw new AppError('PLAN_NOT_FOUND', 'No such sweep plan, or it was already started.');
      if (stored.confirmationText !== null && confirmation !== stored.confirmationText) {
        throw new AppError('PLAN_CONFIRMATION_MISMATCH', 'The typed confirmation does not match.');
      }
      const runnable = stored.plans.filter((plan) => plan.instanceIds.length > 0);
      // All or nothing: a region's part started on its own since the review means the review no longer holds.
      if (!runnable.every((plan) => options.operations.isPending(plan.planId))) {
        throw new AppError('PLAN_NOT_FOUND', 'Part of the sweep plan was already started.');
      }
      // One change per instance at a time, checked for every region before any starts.
      for (const plan of runnable) options.operations.checkStartable(plan.planId);
      sweepPlans.delete(sweepPlanId);
      return {
        operations: runnable.map((plan) => ({ regionId: plan.regionId, operationId: options.operations.start(plan.planId, plan.confirmationText).operationId })),
      };
    },
  };
}
