import type { InstanceOutcome, OutcomeStatus } from '../../../../shared/domain/ecs';
import { outcomeDetail } from '../../../../shared/domain/outcome-counts';

export type { OutcomeStatus };

/** Every outcome status, in the order screens list them: done, refused, never asked, to be checked. */
export const outcomeStatuses = ['succeeded', 'failed', 'not-sent', 'unknown'] as const satisfies readonly OutcomeStatus[];

/**
 * Every code an outcome answers to: its own and, behind a wrapping error such as `ECS_RETRIES_EXHAUSTED`, the last
 * error's. The admin who asks "which instances hit InternalError?" means those the app gave up on too.
 */
export function outcomeErrorCodes(outcome: InstanceOutcome): string[] {
  const error = outcomeDetail(outcome);
  if (error === null) return [];
  return error.cause === undefined || error.cause.code === error.code ? [error.code] : [error.code, error.cause.code];
}

/**
 * The RequestId to quote to Volcengine support for this instance. A wrapping error such as
 * `ECS_RETRIES_EXHAUSTED` has none of its own, but its last attempt's answer may: that one is the useful ID.
 */
export function outcomeRequestId(outcome: InstanceOutcome): string | undefined {
  if (outcome.status === 'succeeded') return nonEmpty(outcome.requestId);
  const error = outcomeDetail(outcome)!;
  return nonEmpty(error.requestId) ?? nonEmpty(error.cause?.requestId);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
