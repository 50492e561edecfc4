import { countOutcomes, type OperationResult } from '../../shared/domain/operation';
import { outcomesOf, type ReplayedOperation } from '../journal/journal-replay';
import { plannedRequestFor } from '../operations/plan-builder';
import { breakdownOf } from '../operations/plan-summary';
import { rollingReport, thresholdNotSentMessage } from '../operations/rolling-report';

/** Running in this process (so not interrupted), or ended; an operation with neither is interrupted. */
export type LiveState = 'running' | 'cancelling' | null;

/**
 * An operation as the journal tells it, in the shape the app shows any operation. Instances the journal has no
 * answer for: `unknown` when their request was sent (it may have been applied), `not-sent` when it never was.
 */
export function resultFromJournal(operation: ReplayedOperation, live: LiveState): OperationResult {
  const { planned, finished } = operation;
  const instances = planned.instances ?? [];
  const stoppedAt = operation.waves?.find((wave) => wave.ended?.verdict === 'stopped');
  // The waves after one over the threshold were never sent: say why, as the live run did.
  const afterStop = new Set(operation.waves?.filter((wave) => stoppedAt !== undefined && wave.index > stoppedAt.index).flatMap((wave) => wave.instanceIds));
  const outcomes = outcomesOf(operation).map((outcome) =>
    outcome.status === 'not-sent' && stoppedAt !== undefined && afterStop.has(outcome.instanceId)
      ? { ...outcome, reason: { ...outcome.reason, message: thresholdNotSentMessage(stoppedAt.index) } }
      : outcome,
  );
  const byId = new Map(outcomes.map((outcome) => [outcome.instanceId, outcome]));
  const plan = {
    planId: planned.operationId,
    action: planned.action,
    profileId: planned.profileId,
    profileName: planned.profileName,
    accessKeyHint: planned.accessKeyHint,
    accountId: planned.accountId ?? null,
    endpoint: planned.endpoint ?? null,
    regionId: planned.regionId,
    keyPair: planned.keyPair,
    forceStop: planned.forceStop,
    instanceIds: planned.instanceIds,
    instances,
    excluded: planned.excluded,
    // What the review showed of what was left behind is not recorded: the journal keeps what was sent.
    leftBehind: [],
    breakdown: breakdownOf(instances),
    estimate: null,
    requests: planned.batches.map((batch) => plannedRequestFor(planned, batch)),
    confirmationText: null,
    ...(planned.replacing === undefined ? {} : { replacing: planned.replacing }),
    ...(planned.undoOf === undefined ? {} : { undoOf: planned.undoOf }),
    ...(planned.rolling === undefined || operation.waves === undefined
      ? {}
      : {
          rolling: {
            mode: planned.rolling.mode,
            waveSize: planned.rolling.waveSize,
            waitMinutes: planned.rolling.waitMinutes,
            failurePercent: planned.rolling.failurePercent,
            waves: operation.waves.map((wave) => ({ index: wave.index, zoneId: wave.zoneId, firstBatch: wave.firstBatch, batchCount: wave.batchCount, instanceIds: wave.instanceIds })),
          },
        }),
  };
  return {
    operationId: planned.operationId,
    plan,
    startedAt: planned.at,
    finishedAt: finished?.at ?? null,
    progress: {
      operationId: planned.operationId,
      state: finished?.state ?? live ?? 'interrupted',
      total: planned.instanceIds.length,
      ...countOutcomes(outcomes),
      requestsTotal: planned.batches.length,
      requestsSent: operation.batches.filter((batch) => batch.sentAt !== null).length,
      requestsAnswered: operation.batches.filter((batch) => batch.answeredAt !== null).length,
    },
    outcomes,
    ...(operation.waves === undefined
      ? {}
      : { rolling: rollingReport(operation.waves, (id) => byId.get(id), { current: null, operationEnded: finished !== null }) }),
  };
}
