import { notSentCodes, type BatchPlan, type InstanceOutcome } from '../../shared/domain/ecs';
import type { ExposureReport } from '../../shared/domain/exposure';
import { countOutcomes } from '../../shared/domain/operation';
import type { JournalRecord, PlannedRecord, SweepStartedRecord } from './journal-records';
import { applyWaveRecord, plannedWaves, type ReplayedWave } from './wave-replay';

/*
 * Folds journal records into what each operation did, for recovery (the active file) and history (the archives
 * in order, then the active file). Pure: records in, state out.
 *
 * Replay is idempotent over repeats, because rotation copies an unfinished operation's records into the new active
 * file (and a crash during rotation can leave a whole file in two places): an identical planned or finished record
 * seen again is a copy and changes nothing; batch and re-check records are "latest wins", so replaying a copy of a
 * sequence and then the rest gives the same state as replaying it once.
 */

export interface ReplayedBatch {
  batch: BatchPlan;
  /** When its first send was recorded; null when it was never sent. */
  sentAt: string | null;
  /** The highest attempt recorded; 0 when never sent. */
  attempts: number;
  /** When its latest answer was recorded; null when no answer was. */
  answeredAt: string | null;
}

export interface ReplayedOperation {
  operationId: string;
  planned: PlannedRecord;
  /** One per planned batch, in order. */
  batches: ReplayedBatch[];
  /** The latest recorded outcome of each instance that has one: batch answers and re-check settlements, in record order. */
  outcomes: Map<string, InstanceOutcome>;
  /** When each outcome in `outcomes` was recorded (its batch answer or its re-check), for "rebooted since". */
  outcomeAt: Map<string, string>;
  /** A rolling reboot's waves (wave-replay.ts); absent for any other operation, and in journals older than waves. */
  waves?: ReplayedWave[] | undefined;
  /** How it ended; null when it has no finished record: interrupted, if no operation is running. */
  finished: { state: 'finished' | 'cancelled'; at: string } | null;
  /** The latest "still exposed" check recorded; null when none was (journals from before it have none). */
  exposure: ExposureReport | null;
}

/** A record replay could not apply, with why; `index` is its position in the records given. */
export interface IgnoredRecord {
  index: number;
  operationId: string;
  reason: string;
}

export interface JournalReplay {
  /** In the order they were planned. */
  operations: ReplayedOperation[];
  /** The sweeps confirmed, in order: each names its parts, which are among `operations` once they started. */
  sweeps: SweepStartedRecord[];
  ignored: IgnoredRecord[];
}


export interface OutcomeCounts {
  /** Planned instances; each is in exactly one of the four counts after it. */
  total: number;
  succeeded: number;
  failed: number;
  unknown: number;
  notSent: number;
  /** Left out of the plan, with their reasons in the planned record. */
  excluded: number;
}

function startOperation(planned: PlannedRecord): ReplayedOperation {
  return {
    operationId: planned.operationId,
    planned,
    batches: planned.batches.map((batch) => ({ batch, sentAt: null, attempts: 0, answeredAt: null })),
    outcomes: new Map(),
    outcomeAt: new Map(),
    waves: plannedWaves(planned),
    finished: null,
    exposure: null,
  };
}

/** Why a record does not fit its operation, or null when it does. */
function misfit(
  operation: ReplayedOperation,
  record: Exclude<JournalRecord, { type: 'planned' | 'sweep-started' | 'finished' | 'exposure-checked' | `wave-${string}` }>,
): string | null {
  if (record.type === 'rechecked') {
    const planned = new Set(operation.planned.instanceIds);
    return record.outcomes.every((outcome) => planned.has(outcome.instanceId)) ? null : 'a re-checked instance is not in the plan';
  }
  const batch = operation.batches[record.batchIndex];
  if (batch === undefined) return `the plan has no batch ${record.batchIndex}`;
  if (record.type === 'batch-answered') {
    const inBatch = new Set(batch.batch.instanceIds);
    if (!record.outcomes.every((outcome) => inBatch.has(outcome.instanceId))) return `an answered instance is not in batch ${record.batchIndex}`;
  }
  return null;
}

export function replayJournal(records: readonly JournalRecord[]): JournalReplay {
  const operations = new Map<string, ReplayedOperation>();
  const sweeps = new Map<string, SweepStartedRecord>();
  const ignored: IgnoredRecord[] = [];
  const ignore = (index: number, operationId: string, reason: string) => ignored.push({ index, operationId, reason });

  records.forEach((record, index) => {
    if (record.type === 'sweep-started') {
      // A copy made by rotation is the same record; a different one under the same ID is not this sweep's.
      const seen = sweeps.get(record.operationId);
      if (seen === undefined) sweeps.set(record.operationId, record);
      else if (JSON.stringify(seen) !== JSON.stringify(record)) ignore(index, record.operationId, 'a second, different sweep record');
      return;
    }
    const operation = operations.get(record.operationId);
    if (record.type === 'planned') {
      if (operation === undefined) operations.set(record.operationId, startOperation(record));
      else if (JSON.stringify(operation.planned) !== JSON.stringify(record)) ignore(index, record.operationId, 'a second, different planned record');
      return;
    }
    if (operation === undefined) {
      ignore(index, record.operationId, 'no planned record before it (it may be in an older file)');
      return;
    }
    if (record.type === 'finished') {
      const same = operation.finished?.state === record.state && operation.finished.at === record.at;
      if (operation.finished === null) operation.finished = { state: record.state, at: record.at };
      else if (!same) ignore(index, record.operationId, 'the operation had already ended');
      return;
    }
    if (record.type === 'exposure-checked') {
      // Latest wins; checks are written in the order they were made.
      operation.exposure = record.report;
      return;
    }
    if (record.type === 'wave-started' || record.type === 'wave-checked' || record.type === 'wave-ended') {
      const waveMisfit = applyWaveRecord(operation.waves, record);
      if (waveMisfit !== null) ignore(index, record.operationId, waveMisfit);
      return;
    }
    const reason = misfit(operation, record);
    if (reason !== null) {
      ignore(index, record.operationId, reason);
      return;
    }
    if (record.type === 'rechecked') {
      for (const outcome of record.outcomes) {
        operation.outcomes.set(outcome.instanceId, outcome);
        operation.outcomeAt.set(outcome.instanceId, record.at);
      }
      return;
    }
    const batch = operation.batches[record.batchIndex]!;
    if (record.type === 'batch-sent') {
      batch.sentAt ??= record.at;
      batch.attempts = Math.max(batch.attempts, record.attempt);
    } else {
      batch.answeredAt = record.at;
      for (const outcome of record.outcomes) {
        operation.outcomes.set(outcome.instanceId, outcome);
        operation.outcomeAt.set(outcome.instanceId, record.at);
      }
    }
  });

  return { operations: [...operations.values()], sweeps: [...sweeps.values()], ignored };
}

/**
 * Journals written before `not-sent` was an outcome of its own recorded a batch cancelled before it left as `failed`
 * with `ECS_CANCELLED` or `ECS_NOT_SENT`: read those as what they were.
 */
function asRecordedToday(outcome: InstanceOutcome): InstanceOutcome {
  if (outcome.status !== 'failed' || !(notSentCodes as readonly string[]).includes(outcome.error.code)) return outcome;
  return { instanceId: outcome.instanceId, status: 'not-sent', reason: outcome.error };
}

/**
 * Exactly one outcome per planned instance, in plan order: the recorded one; `unknown` with `ECS_INTERRUPTED` when
 * its batch was sent but no answer was recorded; `not-sent` when its batch was never sent (nothing reached
 * Volcengine): `ECS_CANCELLED` in a cancelled operation, `ECS_NOT_SENT` otherwise (an interrupted operation sends it
 * when resumed).
 */
export function outcomesOf(operation: ReplayedOperation): InstanceOutcome[] {
  const { planned, finished } = operation;
  const notSent = {
    code: finished?.state === 'cancelled' ? 'ECS_CANCELLED' : 'ECS_NOT_SENT',
    message: 'Not sent.',
    action: ({ reboot: 'RebootInstances', 'detach-key-pair': 'DetachKeyPair', 'attach-key-pair': 'AttachKeyPair' } as const)[planned.action],
  };
  return operation.batches.flatMap(({ batch, sentAt, attempts }) =>
    batch.instanceIds.map((instanceId): InstanceOutcome => {
      const outcome = operation.outcomes.get(instanceId);
      if (outcome !== undefined) return asRecordedToday(outcome);
      if (sentAt === null) return { instanceId, status: 'not-sent', reason: notSent };
      return {
        instanceId,
        status: 'unknown',
        reason: {
          code: 'ECS_INTERRUPTED',
          message: 'The request was sent, but no answer was recorded: the app stopped before it came or could be saved.',
          attempts,
        },
      };
    }),
  );
}

/**
 * The batches to send again when resuming an interrupted operation: every batch without a recorded answer, whole
 * and with its original ClientToken, so Volcengine applies each at most once (a ClientToken must come back with the
 * very same parameters, so a batch is never trimmed, even when a re-check settled some of its instances). Empty for
 * an operation that ended: a cancelled operation's unsent batches stay unsent.
 */
export function resumableBatches(operation: ReplayedOperation): BatchPlan[] {
  if (operation.finished !== null) return [];
  return operation.batches.filter((batch) => batch.answeredAt === null).map((batch) => batch.batch);
}

export function countsOf(operation: ReplayedOperation): OutcomeCounts {
  const outcomes = outcomesOf(operation);
  return { total: outcomes.length, ...countOutcomes(outcomes), excluded: operation.planned.excluded.length };
}
