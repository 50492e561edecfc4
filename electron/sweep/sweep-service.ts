import type { KeyPairRef } from '../../shared/domain/detachability';
import { typedConfirmationThreshold, type OperationPlan } from '../../shared/domain/operation';
import type { Sweep, SweepAccountProgress, SweepPlan, SweepPlanRequest, SweepProgress, SweepRequest, SweepStarted } from '../../shared/domain/sweep';
import { accountsSearchedAtOnce } from '../../shared/domain/sweep-limits';
import { AppError } from '../../shared/errors/app-error';
import type { ClientForProfile } from '../cloud/profile-clients';
import type { ProfileService } from '../credentials/profile-service';
import type { HistoryService } from '../history/history-service';
import type { RegionKnowledge } from '../inventory/region-knowledge';
import type { RegionService } from '../inventory/region-service';
import type { JobRegistry } from '../jobs/job-registry';
import { keepLatest } from '../operations/keep-latest';
import type { OperationJournal } from '../operations/operation-run';
import type { OperationService } from '../operations/operation-service';
import { runWithConcurrency } from '../volcengine/batching';
import { searchAccount } from './account-search';
import { resumeSweep } from './sweep-resume';
import type { StoredSweep } from './stored-sweep';

export interface SweepService {
  /** Searches every region of each profile for the key pair, accounts side by side; cancellable by job id. */
  find(request: SweepRequest, onProgress: (progress: SweepProgress) => void): Promise<Sweep>;
  /** One plan per account and region, made as any plan is (against what main read), reviewed and confirmed together. */
  plan(request: SweepPlanRequest): Promise<SweepPlan>;
  /** Journals the sweep as one operation, then starts every part of a reviewed sweep plan (once). */
  start(sweepPlanId: string, confirmation: string | null): Promise<SweepStarted>;
  /** Resumes the interrupted parts of a sweep the journal has; answers with every part that started. */
  resume(sweepOperationId: string): Promise<SweepStarted>;
}

export interface SweepServiceOptions {
  regions: RegionService;
  knowledge: RegionKnowledge;
  operations: OperationService;
  profiles: Pick<ProfileService, 'get'>;
  /** Where a sweep is recorded as one operation before any part starts. */
  journal: OperationJournal;
  /** The journal's account of a sweep and its parts, for resuming it. */
  history: Pick<HistoryService, 'findSweep'>;
  /** Where a search runs as a job the renderer can cancel (shared with the inventory's listings). */
  jobs: JobRegistry;
  clientFor: ClientForProfile;
  newId: () => string;
  now: () => Date;
}

/** A reviewed sweep plan waiting for its confirmation. */
interface StoredSweepPlan {
  sweepId: string;
  keyPairName: string;
  plans: OperationPlan[];
  confirmationText: string | null;
}

/** Only the latest few sweeps can be planned; older ones must be searched again, which is quick and current. */
const rememberedSweeps = 8;

/**
 * Instance IDs are unique across Volcengine, so two parts holding the same instance mean two profiles of one account
 * (say a read-only and an admin profile). Planned twice, the instance would get two detaches at once: refused, so the
 * one-change-per-instance rule holds inside a sweep as it does between operations.
 */
function refuseOverlappingParts(parts: SweepPlanRequest['parts']): void {
  const owner = new Map<string, string>();
  for (const part of parts) {
    for (const instanceId of part.instanceIds) {
      const key = `${part.regionId}\n${instanceId}`;
      const first = owner.get(key);
      if (first !== undefined && first !== part.profileId) {
        throw new AppError('SWEEP_PARTS_OVERLAP', `Instance ${instanceId} in ${part.regionId} is in the parts of two profiles.`);
      }
      owner.set(key, part.profileId);
    }
  }
}

function cancelledSweep(): AppError {
  return new AppError('CLOUD_REQUEST_FAILED', 'The sweep was cancelled.', { cloud: { code: 'ECS_CANCELLED', message: 'Cancelled by the user.' } });
}

export function createSweepService(options: SweepServiceOptions): SweepService {
  const sweeps = new Map<string, StoredSweep>();
  const sweepPlans = new Map<string, StoredSweepPlan>();
  const remember = (sweep: StoredSweep) => {
    const sweepId = options.newId();
    keepLatest(sweeps, sweepId, sweep, rememberedSweeps);
    return sweepId;
  };

  return {
    find: ({ profileIds, keyPairName, jobId }, onProgress) =>
      options.jobs.run(jobId, async (signal) => {
        // Every profile asked for must exist: a removed one is the renderer's stale list, refused before any read.
        const profiles = await Promise.all(profileIds.map((profileId) => options.profiles.get(profileId)));
        const progress: SweepAccountProgress[] = profileIds.map((profileId) => ({ profileId, state: 'waiting', regionsTotal: 0, regionsDone: 0, instancesFound: 0 }));
        const tell = () => onProgress({ jobId, accounts: progress.map((account) => ({ ...account })) });
        tell();
        const accounts = new Array<Sweep['accounts'][number]>(profiles.length);
        // Accounts side by side: each has its own flow limits, so one slow account does not hold the others up.
        await runWithConcurrency(profiles.length, accountsSearchedAtOnce, async (index) => {
          accounts[index] = await searchAccount({
            profile: profiles[index]!,
            keyPairName,
            regions: options.regions,
            knowledge: options.knowledge,
            clientFor: options.clientFor,
            signal,
            onProgress: (account) => {
              progress[index] = { ...account };
              tell();
            },
          });
        });
        if (signal.aborted) throw cancelledSweep();
        const found: StoredSweep = {
          keyPairName,
          accountOrder: profileIds,
          keyPairs: new Map(
            accounts.map((account) => [
              account.profileId,
              new Map<string, KeyPairRef>(account.state === 'searched' ? account.regions.flatMap((region) => (region.state === 'found' ? [[region.regionId, region.keyPair]] : [])) : []),
            ]),
          ),
        };
        return { sweepId: remember(found), keyPairName, searchedAt: options.now().toISOString(), accounts };
      }),

    async plan(request) {
      const sweep = sweeps.get(request.sweepId);
      if (sweep === undefined) throw new AppError('SWEEP_NOT_FOUND', 'No such sweep: search again.');
      const seen = new Set<string>();
      for (const { profileId, regionId } of request.parts) {
        const part = `${profileId}\n${regionId}`;
        if (sweep.keyPairs.get(profileId)?.get(regionId) === undefined || seen.has(part)) {
          throw new AppError('SWEEP_NOT_FOUND', `The sweep found no key pair to detach in ${regionId} of that account, or the part is listed twice.`);
        }
        seen.add(part);
      }
      // Account by account, region by region, in the order the sweep searched them: the review reads the same way.
      const accountIndex = (profileId: string) => sweep.accountOrder.indexOf(profileId);
      const regionIndex = (profileId: string, regionId: string) => [...sweep.keyPairs.get(profileId)!.keys()].indexOf(regionId);
      const parts = [...request.parts].sort(
        (a, b) => accountIndex(a.profileId) - accountIndex(b.profileId) || regionIndex(a.profileId, a.regionId) - regionIndex(b.profileId, b.regionId),
      );
      refuseOverlappingParts(parts);
      const plans: OperationPlan[] = [];
      try {
        for (const { profileId, regionId, instanceIds } of parts) {
          const keyPair = sweep.keyPairs.get(profileId)!.get(regionId)!;
          const ref = { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName };
          plans.push(await options.operations.plan({ profileId, regionId, action: 'detach-key-pair', keyPair: ref, forceStop: false, instanceIds }));
        }
      } catch (error) {
        // A sweep is reviewed whole: the parts planned before the one that failed will not start either.
        for (const plan of plans) options.operations.discard(plan.planId);
        throw error;
      }
      const total = plans.reduce((sum, plan) => sum + plan.instanceIds.length, 0);
      if (total === 0) throw new AppError('PLAN_EMPTY', 'The sweep plan has no instance.');
      const confirmationText = total >= typedConfirmationThreshold ? sweep.keyPairName : null;
      const sweepPlanId = options.newId();
      // A sweep plan dropped for newer ones will never start: its parts' plans go with it.
      for (const dropped of keepLatest(sweepPlans, sweepPlanId, { sweepId: request.sweepId, keyPairName: sweep.keyPairName, plans, confirmationText }, rememberedSweeps)) {
        for (const plan of dropped.plans) options.operations.discard(plan.planId);
      }
      return { sweepPlanId, keyPairName: sweep.keyPairName, plans, confirmationText };
    },

    async start(sweepPlanId, confirmation) {
      const stored = sweepPlans.get(sweepPlanId);
      if (stored === undefined) throw new AppError('PLAN_NOT_FOUND', 'No such sweep plan, or it was already started.');
      if (stored.confirmationText !== null && confirmation !== stored.confirmationText) {
        throw new AppError('PLAN_CONFIRMATION_MISMATCH', 'The typed confirmation does not match.');
      }
      const runnable = stored.plans.filter((plan) => plan.instanceIds.length > 0);
      // All or nothing: a part started on its own since the review means the review no longer holds.
      if (!runnable.every((plan) => options.operations.isPending(plan.planId))) {
        throw new AppError('PLAN_NOT_FOUND', 'Part of the sweep plan was already started.');
      }
      // One change per instance at a time, checked for every account and region before any starts.
      for (const plan of runnable) options.operations.checkStartable(plan.planId);
      sweepPlans.delete(sweepPlanId);
      const sweepOperationId = options.newId();
      const parts = runnable.map((plan) => ({
        operationId: options.newId(),
        profileId: plan.profileId,
        profileName: plan.profileName,
        accountId: plan.accountId,
        regionId: plan.regionId,
      }));
      try {
        // On record, whole, before any part starts: a crash from here on leaves the sweep in History, every part
        // either started (and resumable) or shown as never started, with nothing sent.
        await options.journal.append({ type: 'sweep-started', operationId: sweepOperationId, at: options.now().toISOString(), keyPairName: stored.keyPairName, parts });
      } catch {
        for (const plan of runnable) options.operations.discard(plan.planId);
        throw new AppError('JOURNAL_UNAVAILABLE', 'The sweep could not be recorded; nothing was sent.');
      }
      // Another operation may have started while the record was written: checked again, and then every part starts
      // in this same turn, so nothing can come between. Refused now, the sweep is on record with no part started
      // (History shows it cancelled, nothing sent), which is what happened; its plans go, as no review holds now.
      try {
        for (const plan of runnable) options.operations.checkStartable(plan.planId);
      } catch (error) {
        for (const plan of runnable) options.operations.discard(plan.planId);
        throw error;
      }
      const started = runnable.map((plan, index) => {
        const { operationId, profileId, regionId } = parts[index]!;
        options.operations.start(plan.planId, plan.confirmationText, { operationId, sweepOperationId });
        return { profileId, regionId, operationId };
      });
      return { sweepOperationId, sweepId: stored.sweepId, keyPairName: stored.keyPairName, operations: started };
    },

    resume: (sweepOperationId) => resumeSweep({ sweepOperationId, history: options.history, operations: options.operations, remember }),
  };
}
