import type { Instance, InstanceOutcome } from '../../shared/domain/ecs';
import type { OperationPlan, OperationProgress, OperationResult, PlanRequest } from '../../shared/domain/operation';
import type { Settings } from '../../shared/domain/settings';
import { maxSweepParts } from '../../shared/domain/sweep-limits';
import { AppError } from '../../shared/errors/app-error';
import type { ClientForProfile } from '../cloud/profile-clients';
import type { ProfileService } from '../credentials/profile-service';
import type { RegionKnowledge } from '../inventory/region-knowledge';
import { resultFromJournal } from '../history/journal-results';
import { resumableBatches, type ReplayedOperation } from '../journal/journal-replay';
import type { Logger } from '../logging/logger';
import { cloudError } from '../cloud/profile-clients';
import { copyWaves } from '../journal/wave-replay';
import type { InstancesInFlight } from './instances-in-flight';
import { keepLatest } from './keep-latest';
import { runOperation, tally, type OperationJournal, type OperationRunContext, type RunningOperation } from './operation-run';
import { buildPlan, type StoredPlan } from './plan-builder';
import { settleUnknown } from './recheck';
import { readForUndo, undoableDetach } from './undo-source';
import { defaultRebootTiming, type RebootTiming } from './rolling-reboot-run';

/** How a sweep's part is started: under the ID the sweep's record gave it, and journaled as the sweep's. */
export interface SweepPartStart {
  operationId: string;
  sweepOperationId: string;
}

/** A plan waiting to start, with the mark of when it read what it is judged by (see `InstancesInFlight.mark`). */
interface PendingPlan extends StoredPlan {
  readMark: number;
}

export interface OperationService {
  plan(request: PlanRequest): Promise<OperationPlan>;
  /**
   * Plans the undo of an ended detach: an attach of its key pair to the instances it succeeded on, judged by a fresh
   * read of them (undo-source.ts). Throws UNDO_NOT_POSSIBLE for anything else.
   */
  planUndo(operationId: string): Promise<OperationPlan>;
  /** Whether a plan is waiting to be started (made, not yet started, not yet dropped for newer ones). */
  isPending(planId: string): boolean;
  /**
   * Throws OPERATION_INSTANCES_BUSY when a running operation is changing any of the plan's instances, and PLAN_STALE
   * when a detach or an attach of any of them started after the plan (of a key change) was made.
   */
  checkStartable(planId: string): void;
  /** Forgets a plan that will not be started (a sweep plan dropped for newer ones takes its regions' plans along). */
  discard(planId: string): void;
  /**
   * Starts a reviewed plan (once) and returns at once; progress goes to `onProgress`. Refused while a running
   * operation is changing any of its instances: one change per instance at a time. A sweep starts each part with
   * the operation ID its `sweep-started` record already names, journaled under the sweep.
   */
  start(planId: string, confirmation: string | null, sweepPart?: SweepPartStart): { operationId: string };
  /**
   * Continues an operation the journal shows as interrupted: its unanswered batches are sent again with their
   * original ClientTokens, so Volcengine applies each at most once. Returns once it is running.
   */
  resume(operationId: string): Promise<{ operationId: string }>;
  cancel(operationId: string): boolean;
  /**
   * Ends an interrupted operation without resuming it: its unsent requests will never be sent (they are recorded
   * as cancelled) and it leaves the recovery list. Its unknown outcomes can still be re-checked.
   */
  abandon(operationId: string): Promise<OperationResult>;
  /** The operation's result: live while it runs (or just ended), else as the journal tells it. */
  get(operationId: string): Promise<OperationResult>;
  /** The live result of an operation running or just ended in this process; undefined for any other. */
  live(operationId: string): OperationResult | undefined;
  /** Whether this process is running the operation (not ended, not merely in the journal). */
  isRunning(operationId: string): boolean;
  /** Resolves when the operation has a final outcome for every instance. */
  settled(operationId: string): Promise<OperationResult>;
  /** Asks Volcengine about the instances whose outcome is unknown, and settles what it can. */
  recheck(operationId: string): Promise<OperationResult>;
  /** How much main holds (a diagnostic for the test that a long session's memory stays flat). */
  memory(): { pendingPlans: number; running: number; ended: number; claimedInstances: number };
}

export interface OperationServiceOptions {
  profiles: ProfileService;
  /** What main read of each region: plans are checked against it, and an operation's outcome updates it. */
  knowledge: RegionKnowledge;
  clientFor: ClientForProfile;
  journal: OperationJournal;
  /** Which instances running operations are changing: claimed at every start and resume, released at the end. */
  inFlight: InstancesInFlight;
  /** The journal's account of an operation (active file), for resuming one from an earlier run of the app. */
  findInJournal: (operationId: string) => Promise<ReplayedOperation | undefined>;
  /** Any ended operation as the journal tells it (archives included): once ended and journaled, main lets go of it. */
  fromJournal: (operationId: string) => Promise<OperationResult>;
  onProgress: (progress: OperationProgress) => void;
  /** Read for each plan: the pace changes are sent at (for the estimate), and how reboots roll out in waves. */
  settings: () => Pick<Settings, 'changeRequestsPerSecond' | 'requestConcurrency' | 'rebootWaveMode' | 'rebootWaveSize' | 'rebootWaitMinutes' | 'rebootFailurePercent'>;
  logger: Logger;
  newId: () => string;
  now: () => Date;
  /** How often a rolling reboot's wave is checked and how long its minutes are (tests shorten them). */
  rebootTiming?: RebootTiming | undefined;
}

/**
 * Plans awaiting a start: enough for a sweep of every account and region and a few reviews besides; older ones are
 * dropped. Each holds only what its review shows, so the bound is on count, not on the fleet's size.
 */
const pendingPlansKept = maxSweepParts + 8;
/**
 * Ended operations kept live, so the screen that watched one reads its full result (the review's estimate and
 * what it left behind, which the journal does not keep); any older one is read from the journal.
 */
const endedKept = 8;

/**
 * Plans and runs bulk changes. The plan is made in main from what main read; it runs exactly as reviewed (the
 * reviewed batches and ClientTokens are what is sent; operation-run.ts). Main holds only what is pending or running,
 * and a few operations just ended: everything else is in the journal, read back when asked for.
 */
export function createOperationService(options: OperationServiceOptions): OperationService {
  const plans = new Map<string, PendingPlan>();
  const running = new Map<string, RunningOperation>();
  const ended = new Map<string, OperationResult>();
  const { journal, inFlight } = options;
  const at = () => options.now().toISOString();
  const emit = (result: OperationResult) => options.onProgress({ ...result.progress });
  const context: OperationRunContext = {
    knowledge: options.knowledge,
    clientFor: options.clientFor,
    journal,
    emit,
    timing: options.rebootTiming ?? defaultRebootTiming,
    now: options.now,
    logger: options.logger,
  };

  /** Runs the operation; when it ends, however it ends, its instances are free again and main lets go of it. */
  function track(result: OperationResult, start: (operation: RunningOperation) => Promise<OperationResult>, sweepOperationId?: string): void {
    const operation = { result, controller: new AbortController(), sweepOperationId } as RunningOperation;
    running.set(result.operationId, operation);
    operation.done = start(operation).finally(() => {
      inFlight.release(result.operationId);
      running.delete(result.operationId);
      keepLatest(ended, result.operationId, result, endedKept);
    });
    emit(result);
  }

  /** Claims the instances for a new operation (throws OPERATION_INSTANCES_BUSY when any is being changed). */
  const claim = (operationId: string, plan: Pick<OperationPlan, 'action' | 'keyPair' | 'regionId'>, instanceIds: readonly string[]) =>
    inFlight.claim({ operationId, action: plan.action, keyPairName: plan.keyPair?.keyPairName ?? null, regionId: plan.regionId }, instanceIds);

  const isLive = (operation: RunningOperation | undefined) => operation !== undefined && ['running', 'cancelling'].includes(operation.result.progress.state);
  const live = (operationId: string) => running.get(operationId)?.result ?? ended.get(operationId);

  /** An interrupted operation from the journal, or a clear refusal. */
  async function interrupted(operationId: string): Promise<ReplayedOperation> {
    if (isLive(running.get(operationId))) throw new AppError('OPERATION_NOT_RESUMABLE', 'The operation is running.');
    const replayed = await options.findInJournal(operationId);
    if (replayed === undefined) throw new AppError('OPERATION_NOT_FOUND', 'The journal has no such operation.');
    if (replayed.finished !== null) throw new AppError('OPERATION_NOT_RESUMABLE', 'The operation has ended.');
    return replayed;
  }

  /** A key change is judged by the keys it read: PLAN_STALE once another key change claimed its instances since. */
  function checkKeysUnchanged(stored: PendingPlan): void {
    if (stored.plan.action !== 'reboot') inFlight.checkKeysUnchangedSince(stored.readMark, stored.plan.regionId, stored.plan.instanceIds);
  }

  return {
    async plan(request) {
      // One change per instance at a time: say so now rather than after the review.
      inFlight.check(request.regionId, request.instanceIds);
      const readMark = inFlight.mark();
      const { knowledge } = options;
      const instances = knowledge.instances(request.profileId, request.regionId) ?? new Map();
      let bound: ReadonlyMap<string, Instance> | null = null;
      if (request.action === 'detach-key-pair' && request.keyPair !== null) {
        // A detach rests on a complete, fresh listing of the key pair's instances, never on a partial region.
        bound = knowledge.boundTo(request.profileId, request.regionId, request.keyPair.keyPairId) ?? null;
        if (bound === null) throw new AppError('INVENTORY_NOT_LOADED', 'List the instances bound to the key pair before planning.');
      } else if (instances.size === 0) {
        // A reboot and an attach are judged by what main read of the region.
        throw new AppError('INVENTORY_NOT_LOADED', 'List the instances before planning.');
      }
      const profile = await options.profiles.get(request.profileId);
      const settings = options.settings();
      const rolling =
        request.action === 'reboot'
          ? { mode: settings.rebootWaveMode, waveSize: settings.rebootWaveSize, waitMinutes: settings.rebootWaitMinutes, failurePercent: settings.rebootFailurePercent }
          : undefined;
      const stored = { ...buildPlan({ request, profile, instances, bound, planId: options.newId(), newClientToken: options.newId, settings, rolling }), readMark };
      keepLatest(plans, stored.plan.planId, stored, pendingPlansKept);
      return stored.plan;
    },

    async planUndo(operationId) {
      const detach = await (live(operationId) ?? options.fromJournal(operationId));
      const { keyPair, instanceIds } = undoableDetach(detach);
      const { profileId, regionId } = detach.plan;
      inFlight.check(regionId, instanceIds);
      const readMark = inFlight.mark();
      const client = await options.clientFor(profileId, regionId);
      let read;
      try {
        read = await readForUndo(client, instanceIds);
      } catch (error) {
        throw cloudError(error);
      } finally {
        await client.close();
      }
      // Main's own fresh read: the next plan of these instances rests on it too.
      options.knowledge.record(profileId, regionId, [...read.fresh.values()]);
      options.knowledge.forget(profileId, regionId, read.missing);
      const profile = await options.profiles.get(profileId);
      const request: PlanRequest = { profileId, regionId, action: 'attach-key-pair', keyPair, forceStop: false, instanceIds };
      const instances = options.knowledge.instances(profileId, regionId) ?? new Map<string, Instance>();
      const undo = { operationId, fresh: read.fresh };
      const stored = { ...buildPlan({ request, profile, instances, bound: null, planId: options.newId(), newClientToken: options.newId, settings: options.settings(), undo }), readMark };
      keepLatest(plans, stored.plan.planId, stored, pendingPlansKept);
      return stored.plan;
    },

    isPending(planId) {
      return plans.has(planId);
    },

    checkStartable(planId) {
      const stored = plans.get(planId);
      if (stored === undefined) return;
      inFlight.check(stored.plan.regionId, stored.plan.instanceIds);
      checkKeysUnchanged(stored);
    },

    discard(planId) {
      plans.delete(planId);
    },

    start(planId, confirmation, sweepPart) {
      const stored = plans.get(planId);
      if (stored === undefined) throw new AppError('PLAN_NOT_FOUND', 'No such plan, or it was already started.');
      if (stored.plan.instanceIds.length === 0) throw new AppError('PLAN_EMPTY', 'The plan has no instance.');
      if (stored.plan.confirmationText !== null && confirmation !== stored.plan.confirmationText) {
        throw new AppError('PLAN_CONFIRMATION_MISMATCH', 'The typed confirmation does not match.');
      }
      const operationId = sweepPart?.operationId ?? options.newId();
      // Refused before the plan is used up: once the other operation ends, the same reviewed plan can start, unless
      // that operation changed keys it was judged by (then it is stale for good, and dropped).
      inFlight.check(stored.plan.regionId, stored.plan.instanceIds);
      try {
        checkKeysUnchanged(stored);
      } catch (error) {
        plans.delete(planId);
        throw error;
      }
      claim(operationId, stored.plan, stored.plan.instanceIds);
      plans.delete(planId);
      const result: OperationResult = {
        operationId,
        plan: stored.plan,
        startedAt: at(),
        finishedAt: null,
        progress: {
          operationId,
          state: 'running',
          total: stored.plan.instanceIds.length,
          succeeded: 0,
          failed: 0,
          unknown: 0,
          notSent: 0,
          requestsTotal: stored.plan.requests.length,
          requestsSent: 0,
          requestsAnswered: 0,
        },
        outcomes: [],
      };
      track(result, (operation) => runOperation(context, operation, null, stored.batches, true), sweepPart?.sweepOperationId);
      return { operationId };
    },

    async resume(operationId) {
      const replayed = await interrupted(operationId);
      const batches = resumableBatches(replayed);
      const resending = [...new Set(batches.flatMap((batch) => batch.instanceIds))];
      // Checked again after the read: a second Resume, or another operation, may have started meanwhile.
      if (isLive(running.get(operationId))) throw new AppError('OPERATION_NOT_RESUMABLE', 'The operation is running.');
      claim(operationId, replayed.planned, resending);
      // Before anything is sent: without keys (a removed profile, a locked keychain) the operation stays resumable.
      const client = await options.clientFor(replayed.planned.profileId, replayed.planned.regionId).catch((error: unknown) => {
        inFlight.release(operationId);
        throw cloudError(error);
      });
      const result = resultFromJournal(replayed, 'running');
      const again = new Set(resending);
      result.outcomes = result.outcomes.filter((outcome) => !again.has(outcome.instanceId));
      tally(result);
      result.progress.requestsSent -= batches.filter((batch) => replayed.batches[batch.index]?.sentAt !== null).length;
      track(result, (operation) => runOperation(context, operation, client, batches, false, replayed.waves === undefined ? undefined : copyWaves(replayed.waves)));
      return { operationId };
    },

    cancel(operationId) {
      const operation = running.get(operationId);
      if (operation === undefined || operation.result.progress.state !== 'running') return false;
      operation.result.progress.state = 'cancelling';
      operation.controller.abort();
      emit(operation.result);
      return true;
    },

    async get(operationId) {
      return live(operationId) ?? options.fromJournal(operationId);
    },

    live,

    isRunning(operationId) {
      return isLive(running.get(operationId));
    },

    async abandon(operationId) {
      const replayed = await interrupted(operationId);
      const finishedAt = at();
      await journal.append({ type: 'finished', operationId, at: finishedAt, state: 'cancelled' });
      const result = resultFromJournal({ ...replayed, finished: { state: 'cancelled', at: finishedAt } }, null);
      keepLatest(ended, operationId, result, endedKept);
      return result;
    },

    async recheck(operationId) {
      // Running: wait for its end. Ended in this process: its live result. Any other: the journal's account.
      const result = await (running.get(operationId)?.done ?? ended.get(operationId) ?? options.fromJournal(operationId));
      const unknown = result.outcomes.filter((outcome) => outcome.status === 'unknown').map((outcome) => outcome.instanceId);
      if (unknown.length === 0) return result;
      const { profileId, regionId } = result.plan;
      const client = await options.clientFor(profileId, regionId);
      let instances;
      try {
        instances = await client.describeInstances({ instanceIds: unknown });
      } catch (error) {
        throw cloudError(error);
      } finally {
        await client.close();
      }
      // Main's own fresh read: what it knows of these instances (and their keys) is no longer in doubt.
      options.knowledge.record(profileId, regionId, instances);
      const byId = new Map(instances.map((instance) => [instance.instanceId, instance]));
      const rechecked = result.outcomes.map((outcome) => settleUnknown(result.plan, outcome, byId.get(outcome.instanceId)));
      const settled = rechecked.filter((outcome, index) => outcome !== result.outcomes[index] && outcome.status !== 'unknown');
      // On record before it is shown: a settled outcome must survive a restart like any other.
      if (settled.length > 0) await journal.append({ type: 'rechecked', operationId, at: at(), outcomes: settled as Array<Exclude<InstanceOutcome, { status: 'unknown' }>> });
      result.outcomes = rechecked;
      tally(result);
      emit(result);
      return result;
    },

    async settled(operationId) {
      return running.get(operationId)?.done ?? live(operationId) ?? options.fromJournal(operationId);
    },

    memory: () => ({ pendingPlans: plans.size, running: running.size, ended: ended.size, claimedInstances: inFlight.size().instances }),
  };
}
