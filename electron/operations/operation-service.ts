import type { BatchPlan, Instance, InstanceOutcome } from '../../shared/domain/ecs';
import { countOutcomes, progressCountOf, type OperationPlan, type OperationProgress, type OperationResult, type PlanRequest } from '../../shared/domain/operation';
import type { Settings } from '../../shared/domain/settings';
import { AppError } from '../../shared/errors/app-error';
import type { ClientForProfile } from '../cloud/profile-clients';
import type { ProfileService } from '../credentials/profile-service';
import type { RegionKnowledge } from '../inventory/region-knowledge';
import { resultFromJournal } from '../history/journal-results';
import type { JournalRecord, PlannedRecord } from '../journal/journal-records';
import { resumableBatches, type ReplayedOperation } from '../journal/journal-replay';
import type { Logger } from '../logging/logger';
import { cloudError } from '../cloud/profile-clients';
import type { EcsClient } from '../volcengine/ecs-client';
import type { ChangeOptions } from '../volcengine/ecs-actions';
import { copyWaves, plannedWaves, type ReplayedWave } from '../journal/wave-replay';
import { buildPlan, type StoredPlan } from './plan-builder';
import { settleUnknown } from './recheck';
import { runRollingOperation } from './rolling-operation';
import { defaultRebootTiming, type RebootTiming } from './rolling-reboot-run';
import { rollingReport } from './rolling-report';

export interface OperationService {
  plan(request: PlanRequest): Promise<OperationPlan>;
  /** Whether a plan is waiting to be started (made, not yet started). */
  isPending(planId: string): boolean;
  /** Starts a reviewed plan (once) and returns at once; progress goes to `onProgress`. */
  start(planId: string, confirmation: string | null): { operationId: string };
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
  get(operationId: string): OperationResult;
  /** Whether this process is running the operation (not ended, not merely in the journal). */
  isRunning(operationId: string): boolean;
  /** Whether this process holds the operation (started, resumed, re-checked or abandoned here). */
  isKnown(operationId: string): boolean;
  /** Resolves when the operation has a final outcome for every instance. */
  settled(operationId: string): Promise<OperationResult>;
  /** Asks Volcengine about the instances whose outcome is unknown, and settles what it can. */
  recheck(operationId: string): Promise<OperationResult>;
}

/** Where every step is recorded before it is taken (see electron/journal/journal-file.ts). */
export interface OperationJournal {
  append(record: JournalRecord): Promise<void>;
}

export interface OperationServiceOptions {
  profiles: ProfileService;
  /** What main read of each region: plans are checked against it, and a change makes its bindings stale. */
  knowledge: RegionKnowledge;
  clientFor: ClientForProfile;
  journal: OperationJournal;
  /** The journal's account of an operation, for resuming one from an earlier run of the app. */
  findInJournal: (operationId: string) => Promise<ReplayedOperation | undefined>;
  onProgress: (progress: OperationProgress) => void;
  /** Read for each plan: the pace changes are sent at (for the estimate), and how reboots roll out in waves. */
  settings: () => Pick<Settings, 'changeRequestsPerSecond' | 'requestConcurrency' | 'rebootWaveMode' | 'rebootWaveSize' | 'rebootWaitMinutes' | 'rebootFailurePercent'>;
  logger: Logger;
  newId: () => string;
  now: () => Date;
  /** How often a rolling reboot's wave is checked and how long its minutes are (tests shorten them). */
  rebootTiming?: RebootTiming | undefined;
}

interface RunningOperation {
  result: OperationResult;
  controller: AbortController;
  done: Promise<OperationResult>;
}

/** Counts the outcomes into the progress, so the two can never disagree. */
function tally(result: OperationResult): void {
  Object.assign(result.progress, countOutcomes(result.outcomes));
}

/** Outcomes for instances nothing was sent for, because the operation could not begin. */
function neverSent(instanceIds: readonly string[], error: unknown): InstanceOutcome[] {
  const message = error instanceof AppError ? `Not sent: ${error.code}` : 'Not sent: the operation could not start.';
  return instanceIds.map((instanceId) => ({ instanceId, status: 'not-sent', reason: { code: 'ECS_NOT_SENT', message } }));
}

function plannedRecord(result: OperationResult, batches: readonly BatchPlan[]): PlannedRecord {
  const { plan } = result;
  return {
    type: 'planned',
    operationId: result.operationId,
    at: result.startedAt,
    profileId: plan.profileId,
    profileName: plan.profileName,
    accessKeyHint: plan.accessKeyHint,
    accountId: plan.accountId,
    endpoint: plan.endpoint,
    regionId: plan.regionId,
    action: plan.action,
    keyPair: plan.keyPair,
    forceStop: plan.forceStop,
    instanceIds: plan.instanceIds,
    instances: plan.instances,
    excluded: plan.excluded,
    batches: [...batches],
    ...(plan.rolling === undefined
      ? {}
      : {
          rolling: {
            mode: plan.rolling.mode,
            waveSize: plan.rolling.waveSize,
            waitMinutes: plan.rolling.waitMinutes,
            failurePercent: plan.rolling.failurePercent,
            waves: plan.rolling.waves.map((wave) => ({ zoneId: wave.zoneId, batchCount: wave.batchCount })),
          },
        }),
  };
}

/**
 * Plans and runs bulk changes. The plan is made in main from what main read; it runs exactly as reviewed (the
 * reviewed batches and ClientTokens are what is sent). Every step is in the journal before it is taken: the plan
 * before the first request, each send before it leaves, each answer before the next step, and the end. Every
 * instance ends with one outcome, whatever happens, and an interrupted operation can be resumed.
 */
export function createOperationService(options: OperationServiceOptions): OperationService {
  const plans = new Map<string, StoredPlan>();
  const operations = new Map<string, RunningOperation>();
  const { journal, logger } = options;
  const at = () => options.now().toISOString();

  const emit = (result: OperationResult) => options.onProgress({ ...result.progress });

  /** Sends `batches` for the operation and records every step; `known` holds outcomes from before (a resume). */
  async function run(operation: RunningOperation, client: EcsClient | null, batches: readonly BatchPlan[], fresh: boolean, replayedWaves?: ReplayedWave[]): Promise<OperationResult> {
    const { result } = operation;
    const { plan, progress, operationId } = result;
    const known = new Map(result.outcomes.map((outcome) => [outcome.instanceId, outcome]));
    const instanceIds = batches.flatMap((batch) => batch.instanceIds);
    // Which instances carry the key pair is about to change: a new plan must wait for the key pair to be listed again.
    const bindingsChange = () => {
      if (plan.action === 'detach-key-pair') options.knowledge.invalidateBindings(plan.profileId, plan.regionId);
    };
    bindingsChange();
    // A rolling reboot's waves: as the journal left them (a resume), or as planned.
    const waves = plan.rolling === undefined ? undefined : (replayedWaves ?? plannedWaves(plannedRecord(result, batches)) ?? []);
    let cancelled = false;
    let outcomes: InstanceOutcome[];
    try {
      if (client === null) client = await options.clientFor(plan.profileId, plan.regionId);
      try {
        const callbacks: ChangeOptions = {
          signal: operation.controller.signal,
          batches,
          onPlanned: async (planned) => {
            if (fresh) await journal.append(plannedRecord(result, planned));
          },
          onBatchSent: async (batch, attempt) => {
            await journal.append({ type: 'batch-sent', operationId, at: at(), batchIndex: batch.index, attempt });
            if (attempt === 1) progress.requestsSent += 1;
            emit(result);
          },
          onBatchFinished: async (batch, batchOutcomes, sent) => {
            if (sent) {
              await journal.append({ type: 'batch-answered', operationId, at: at(), batchIndex: batch.index, outcomes: [...batchOutcomes] });
              progress.requestsAnswered += 1;
            }
            for (const outcome of batchOutcomes) progress[progressCountOf[outcome.status]] += 1;
            emit(result);
          },
        };
        const answer =
          waves !== undefined
            ? await rolling(result, client, batches, fresh, waves, known, callbacks)
            : plan.action === 'detach-key-pair' && plan.keyPair !== null
              ? await client.detachKeyPair({ instanceIds, keyPair: { keyPairId: plan.keyPair.keyPairId } }, callbacks)
              : await client.rebootInstances({ instanceIds, forceStop: plan.forceStop }, callbacks);
        outcomes = answer.outcomes;
        cancelled = answer.stopped?.reason === 'cancelled';
        if (answer.stopped?.reason === 'callback-failed') logger.error('the journal could not record a step; the operation stopped sending', { operationId });
      } finally {
        await client.close();
      }
    } catch (error) {
      logger.error('operation could not run', { operationId, errorName: error instanceof Error ? error.name : typeof error });
      outcomes = neverSent(instanceIds, error);
      // Still on record, so history shows what was asked and that nothing was sent.
      if (fresh) await journal.append(plannedRecord(result, batches)).catch(() => undefined);
    }
    for (const outcome of outcomes) known.set(outcome.instanceId, outcome);
    result.outcomes = plan.instanceIds.flatMap((instanceId) => known.get(instanceId) ?? []);
    tally(result);
    bindingsChange();
    progress.state = cancelled ? 'cancelled' : 'finished';
    result.finishedAt = at();
    if (waves !== undefined) {
      const byId = new Map(result.outcomes.map((outcome) => [outcome.instanceId, outcome]));
      result.rolling = rollingReport(waves, (id) => byId.get(id), { current: null, operationEnded: true });
      delete progress.wave;
    }
    try {
      await journal.append({ type: 'finished', operationId, at: result.finishedAt, state: progress.state });
    } catch {
      // Every outcome is on record already; without this line the next start shows it as interrupted, to resume.
      logger.error('the end of the operation could not be recorded', { operationId });
    }
    emit(result);
    return result;
  }

  /** A rolling reboot: the planned record first (when fresh), then wave by wave (rolling-reboot-run.ts). */
  async function rolling(
    result: OperationResult,
    client: EcsClient,
    batches: readonly BatchPlan[],
    fresh: boolean,
    waves: ReplayedWave[],
    known: ReadonlyMap<string, InstanceOutcome>,
    callbacks: ChangeOptions,
  ) {
    if (fresh) await callbacks.onPlanned?.(batches);
    return runRollingOperation({
      result,
      client,
      batches,
      waves,
      known,
      callbacks,
      journal,
      emit: () => emit(result),
      timing: options.rebootTiming ?? defaultRebootTiming,
      now: options.now,
      logger,
    });
  }

  function track(result: OperationResult, start: (operation: RunningOperation) => Promise<OperationResult>): RunningOperation {
    const operation = { result, controller: new AbortController() } as RunningOperation;
    operations.set(result.operationId, operation);
    operation.done = start(operation);
    emit(result);
    return operation;
  }

  const isLive = (operation: RunningOperation | undefined) => operation !== undefined && ['running', 'cancelling'].includes(operation.result.progress.state);

  return {
    async plan(request) {
      const { knowledge } = options;
      const instances = knowledge.instances(request.profileId, request.regionId) ?? new Map();
      let bound: ReadonlyMap<string, Instance> | null = null;
      if (request.action === 'detach-key-pair' && request.keyPair !== null) {
        // A detach rests on a complete, fresh listing of the key pair's instances, never on a partial region.
        bound = knowledge.boundTo(request.profileId, request.regionId, request.keyPair.keyPairId) ?? null;
        if (bound === null) throw new AppError('INVENTORY_NOT_LOADED', 'List the instances bound to the key pair before planning.');
      } else if (instances.size === 0) {
        throw new AppError('INVENTORY_NOT_LOADED', 'List the instances before planning.');
      }
      const profile = await options.profiles.get(request.profileId);
      const settings = options.settings();
      const rolling =
        request.action === 'reboot'
          ? { mode: settings.rebootWaveMode, waveSize: settings.rebootWaveSize, waitMinutes: settings.rebootWaitMinutes, failurePercent: settings.rebootFailurePercent }
          : undefined;
      const stored = buildPlan({ request, profile, instances, bound, planId: options.newId(), newClientToken: options.newId, settings, rolling });
      plans.set(stored.plan.planId, stored);
      return stored.plan;
    },

    isPending(planId) {
      return plans.has(planId);
    },

    start(planId, confirmation) {
      const stored = plans.get(planId);
      if (stored === undefined) throw new AppError('PLAN_NOT_FOUND', 'No such plan, or it was already started.');
      if (stored.plan.instanceIds.length === 0) throw new AppError('PLAN_EMPTY', 'The plan has no instance.');
      if (stored.plan.confirmationText !== null && confirmation !== stored.plan.confirmationText) {
        throw new AppError('PLAN_CONFIRMATION_MISMATCH', 'The typed confirmation does not match.');
      }
      plans.delete(planId);
      const operationId = options.newId();
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
      track(result, (operation) => run(operation, null, stored.batches, true));
      return { operationId };
    },

    async resume(operationId) {
      if (isLive(operations.get(operationId))) throw new AppError('OPERATION_NOT_RESUMABLE', 'The operation is running.');
      const replayed = await options.findInJournal(operationId);
      if (replayed === undefined) throw new AppError('OPERATION_NOT_FOUND', 'The journal has no such operation.');
      if (replayed.finished !== null) throw new AppError('OPERATION_NOT_RESUMABLE', 'The operation has ended.');
      const batches = resumableBatches(replayed);
      const resending = new Set(batches.flatMap((batch) => batch.instanceIds));
      // Before anything is sent: without keys (a removed profile, a locked keychain) the operation stays resumable.
      const client = await options.clientFor(replayed.planned.profileId, replayed.planned.regionId).catch((error: unknown) => {
        throw cloudError(error);
      });
      const result = resultFromJournal(replayed, 'running');
      result.outcomes = result.outcomes.filter((outcome) => !resending.has(outcome.instanceId));
      tally(result);
      result.progress.requestsSent -= batches.filter((batch) => replayed.batches[batch.index]?.sentAt !== null).length;
      track(result, (operation) => run(operation, client, batches, false, replayed.waves === undefined ? undefined : copyWaves(replayed.waves)));
      return { operationId };
    },

    cancel(operationId) {
      const operation = operations.get(operationId);
      if (operation === undefined || operation.result.progress.state !== 'running') return false;
      operation.result.progress.state = 'cancelling';
      operation.controller.abort();
      emit(operation.result);
      return true;
    },

    get(operationId) {
      const operation = operations.get(operationId);
      if (operation === undefined) throw new AppError('OPERATION_NOT_FOUND', 'No such operation.');
      return operation.result;
    },

    isRunning(operationId) {
      return isLive(operations.get(operationId));
    },

    isKnown(operationId) {
      return operations.has(operationId);
    },

    async abandon(operationId) {
      if (isLive(operations.get(operationId))) throw new AppError('OPERATION_NOT_RESUMABLE', 'The operation is running.');
      const replayed = await options.findInJournal(operationId);
      if (replayed === undefined) throw new AppError('OPERATION_NOT_FOUND', 'The journal has no such operation.');
      if (replayed.finished !== null) throw new AppError('OPERATION_NOT_RESUMABLE', 'The operation has ended.');
      const finishedAt = at();
      await journal.append({ type: 'finished', operationId, at: finishedAt, state: 'cancelled' });
      const result = resultFromJournal({ ...replayed, finished: { state: 'cancelled', at: finishedAt } }, null);
      operations.set(operationId, { result, controller: new AbortController(), done: Promise.resolve(result) });
      return result;
    },

    async recheck(operationId) {
      let operation = operations.get(operationId);
      if (operation === undefined) {
        // An operation from an earlier run of the app: its record is the journal's.
        const replayed = await options.findInJournal(operationId);
        if (replayed === undefined) throw new AppError('OPERATION_NOT_FOUND', 'No such operation.');
        const fromJournal = resultFromJournal(replayed, null);
        operation = { result: fromJournal, controller: new AbortController(), done: Promise.resolve(fromJournal) };
        operations.set(operationId, operation);
      }
      const result = await operation.done;
      const unknown = result.outcomes.filter((outcome) => outcome.status === 'unknown').map((outcome) => outcome.instanceId);
      if (unknown.length === 0) return result;
      const client = await options.clientFor(result.plan.profileId, result.plan.regionId);
      let instances;
      try {
        instances = await client.describeInstances({ instanceIds: unknown });
      } catch (error) {
        throw cloudError(error);
      } finally {
        await client.close();
      }
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

    settled(operationId) {
      const operation = operations.get(operationId);
      if (operation === undefined) return Promise.reject(new AppError('OPERATION_NOT_FOUND', 'No such operation.'));
      return operation.done;
    },
  };
}
