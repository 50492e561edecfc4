import type { BatchPlan, InstanceOutcome } from '../../../shared/domain/ecs';
import type {
  BatchAnsweredRecord,
  BatchSentRecord,
  FinishedRecord,
  PlannedRecord,
  RecheckedRecord,
  SweepStartedRecord,
} from '../../../electron/journal/journal-records';

/** Records as the operation service would write them, small enough to read in a failing test's output. */

let clock = Date.parse('2026-03-01T08:00:00.000Z');
/** A later time at every call, so records read in the order they happened. */
export function tick(): string {
  clock += 1000;
  return new Date(clock).toISOString();
}

/** A detach of `kp-ops` from `instanceIds`, in batches of `batchSize`, with ClientTokens `<operationId>-t<index>`. */
export function planned(operationId: string, instanceIds: string[], batchSize = 2): PlannedRecord {
  const batches: BatchPlan[] = [];
  for (let start = 0; start < instanceIds.length; start += batchSize) {
    const index = batches.length;
    batches.push({ index, clientToken: `${operationId}-t${index}`, instanceIds: instanceIds.slice(start, start + batchSize) });
  }
  return {
    type: 'planned',
    operationId,
    at: tick(),
    profileId: 'profile-0001',
    profileName: 'prod',
    accessKeyHint: 'AKLT…9f2c',
    regionId: 'cn-beijing',
    action: 'detach-key-pair',
    keyPair: { keyPairId: 'kp-ops', keyPairName: 'ops' },
    forceStop: false,
    instanceIds,
    excluded: [{ instanceId: 'i-windows', reason: 'windows' }],
    batches,
  };
}

export function sent(operationId: string, batchIndex: number, attempt = 1): BatchSentRecord {
  return { type: 'batch-sent', operationId, at: tick(), batchIndex, attempt };
}

type Outcome<S extends InstanceOutcome['status']> = Extract<InstanceOutcome, { status: S }>;

export const succeeded = (instanceId: string): Outcome<'succeeded'> => ({ instanceId, status: 'succeeded', requestId: 'req-ok' });
export const failed = (instanceId: string, code = 'InvalidInstanceStatus'): Outcome<'failed'> => ({
  instanceId,
  status: 'failed',
  error: { code, message: 'The instance is not in a valid status.', httpStatus: 400, requestId: 'req-failed', action: 'DetachKeyPair' },
});
export const unknown = (instanceId: string): Outcome<'unknown'> => ({
  instanceId,
  status: 'unknown',
  reason: { code: 'ECS_RETRIES_EXHAUSTED', message: 'No answer after 3 attempts.', action: 'DetachKeyPair', attempts: 3 },
});

export function answered(operationId: string, batchIndex: number, outcomes: InstanceOutcome[]): BatchAnsweredRecord {
  return { type: 'batch-answered', operationId, at: tick(), batchIndex, outcomes };
}

export function rechecked(operationId: string, outcomes: RecheckedRecord['outcomes']): RecheckedRecord {
  return { type: 'rechecked', operationId, at: tick(), outcomes };
}

export function finished(operationId: string, state: FinishedRecord['state'] = 'finished'): FinishedRecord {
  return { type: 'finished', operationId, at: tick(), state };
}

/** A sweep confirmed over the given parts (each an operation of `profile-0001`'s region cn-beijing unless told). */
export function sweepStarted(sweepOperationId: string, parts: Array<{ operationId: string; profileId?: string; regionId?: string }>): SweepStartedRecord {
  return {
    type: 'sweep-started',
    operationId: sweepOperationId,
    at: tick(),
    keyPairName: 'ops',
    parts: parts.map((part) => ({
      operationId: part.operationId,
      profileId: part.profileId ?? 'profile-0001',
      profileName: part.profileId === undefined ? 'prod' : `name-${part.profileId}`,
      accountId: null,
      regionId: part.regionId ?? 'cn-beijing',
    })),
  };
}

/** A sweep's part: a planned record under the sweep. */
export function plannedPart(sweepOperationId: string, operationId: string, instanceIds: string[]): PlannedRecord {
  return { ...planned(operationId, instanceIds), sweepOperationId };
}
