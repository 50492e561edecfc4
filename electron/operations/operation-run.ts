import type { BatchPlan, InstanceOutcome } from '../../shared/domain/ecs';
import { countOutcomes, progressCountOf, type OperationResult } from '../../shared/domain/operation';
import { AppError } from '../../shared/errors/app-error';
import type { ClientForProfile } from '../cloud/profile-clients';
import type { RegionKnowledge } from '../inventory/region-knowledge';
import type { JournalRecord, PlannedRecord } from '../journal/journal-records';
import { plannedWaves, type ReplayedWave } from '../journal/wave-replay';
import type { Logger } from '../logging/logger';
import type { ChangeOptions } from '../volcengine/ecs-actions';
import type { EcsClient } from '../volcengine/ecs-client';
import { runRollingOperation } from './rolling-operation';
import type { RebootTiming } from './rolling-reboot-run';
import { rollingReport } from './rolling-report';

/** Where every step is recorded before it is taken (see electron/journal/journal-file.ts). */
export interface OperationJournal {
  append(record: JournalRecord): Promise<void>;
}

/** An operation this process is running: its live result, its stop button, and its end. */
export interface RunningOperation {
  result: OperationResult;
  controller: AbortController;
  done: Promise<OperationResult>;
  /** A sweep's part: the sweep it is journaled under. */
  sweepOperationId?: string | undefined;
}

export interface OperationRunContext {
  knowledge: RegionKnowledge;
  clientFor: ClientForProfile;
  journal: OperationJournal;
  emit: (result: OperationResult) => void;
  timing: RebootTiming;
  now: () => Date;
  logger: Logger;
}

/** Counts the outcomes into the progress, so the two can never disagree. */
export function tally(result: OperationResult): void {
  Object.assign(result.progress, countOutcomes(result.outcomes));
}

/** Outcomes for instances nothing was sent for, because the operation could not begin. */
function neverSent(instanceIds: readonly string[], error: unknown): InstanceOutcome[] {
  const message = error instanceof AppError ? `Not sent: ${error.code}` : 'Not sent: the operation could not start.';
  return instanceIds.map((instanceId) => ({ instanceId, status: 'not-sent', reason: { code: 'ECS_NOT_SENT', message } }));
}

function plannedRecord(result: OperationResult, batches: readonly BatchPlan[], sweepOperationId?: string): PlannedRecord {
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
    ...(plan.replacing === undefined ? {} : { replacing: plan.replacing }),
    ...(plan.undoOf === undefined ? {} : { undoOf: plan.undoOf }),
    ...(sweepOperationId === undefined ? {} : { sweepOperationId }),
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
 * Sends `batches` for the operation and records every step; `result.outcomes` holds outcomes from before (a
 * resume). `fresh`: the plan is not on record yet. Every instance ends with one outcome, whatever happens.
 */
export async function runOperation(
  context: OperationRunContext,
  operation: RunningOperation,
  client: EcsClient | null,
  batches: readonly BatchPlan[],
  fresh: boolean,
  replayedWaves?: ReplayedWave[],
): Promise<OperationResult> {
  const { journal, logger, emit } = context;
  const at = () => context.now().toISOString();
  const { result } = operation;
  const { plan, progress, operationId } = result;
  const known = new Map(result.outcomes.map((outcome) => [outcome.instanceId, outcome]));
  const instanceIds = batches.flatMap((batch) => batch.instanceIds);
  // Which key these instances carry is in doubt until the answers are in: no detach is planned from them meanwhile.
  const keyChange = plan.action !== 'reboot' && plan.keyPair !== null ? plan.keyPair : null;
  const attached = plan.action === 'attach-key-pair' && keyChange !== null ? keyChange : undefined;
  if (keyChange !== null) context.knowledge.changing(plan.profileId, plan.regionId, instanceIds, attached);
  // A rolling reboot's waves: as the journal left them (a resume), or as planned.
  const waves = plan.rolling === undefined ? undefined : (replayedWaves ?? plannedWaves(plannedRecord(result, batches)) ?? []);
  let cancelled = false;
  let outcomes: InstanceOutcome[];
  try {
    if (client === null) client = await context.clientFor(plan.profileId, plan.regionId);
    try {
      const callbacks: ChangeOptions = {
        signal: operation.controller.signal,
        batches,
        onPlanned: async (planned) => {
          if (fresh) await journal.append(plannedRecord(result, planned, operation.sweepOperationId));
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
          ? await rolling(context, result, client, batches, fresh, waves, known, callbacks)
          : keyChange !== null
            ? // The ID alone, as the review listed it.
              await client[attached === undefined ? 'detachKeyPair' : 'attachKeyPair']({ instanceIds, keyPair: { keyPairId: keyChange.keyPairId } }, callbacks)
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
    if (fresh) await journal.append(plannedRecord(result, batches, operation.sweepOperationId)).catch(() => undefined);
  }
  for (const outcome of outcomes) known.set(outcome.instanceId, outcome);
  result.outcomes = plan.instanceIds.flatMap((instanceId) => known.get(instanceId) ?? []);
  tally(result);
  // What main knows of these instances follows the outcome: a detached instance no longer carries the key, an
  // attached one carries the attached key.
  if (keyChange !== null) context.knowledge.changed(plan.profileId, plan.regionId, outcomes, attached);
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
  context: OperationRunContext,
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
    journal: context.journal,
    emit: () => context.emit(result),
    timing: context.timing,
    now: context.now,
    logger: context.logger,
  });
}
