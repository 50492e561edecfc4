import type { EcsErrorData, InstanceOutcome } from '../../../../shared/domain/ecs';

export type OutcomeStatus = InstanceOutcome['status'];

/** The error behind a failed or unknown outcome (Volcengine's code or the client's own), or null for a success. */
export function outcomeError(outcome: InstanceOutcome): EcsErrorData | null {
  if (outcome.status === 'failed') return outcome.error;
  if (outcome.status === 'unknown') return outcome.reason;
  return null;
}

export function outcomeErrorCode(outcome: InstanceOutcome): string | null {
  return outcomeError(outcome)?.code ?? null;
}

/**
 * The RequestId to quote to Volcengine support for this instance. A wrapping error such as
 * `ECS_RETRIES_EXHAUSTED` has none of its own, but its last attempt's answer may: that one is the useful ID.
 */
export function outcomeRequestId(outcome: InstanceOutcome): string | undefined {
  if (outcome.status === 'succeeded') return nonEmpty(outcome.requestId);
  const error = outcome.status === 'failed' ? outcome.error : outcome.reason;
  return nonEmpty(error.requestId) ?? nonEmpty(error.cause?.requestId);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
