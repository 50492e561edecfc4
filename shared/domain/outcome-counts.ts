import type { EcsErrorData, InstanceOutcome, OutcomeStatus } from './ecs';
import type { OperationProgress } from './operation';

/*
 * Plain functions over outcomes, kept apart from the schemas so that the renderer can use them without carrying
 * zod: a schema definition is a chain of calls that a bundler must keep once its module is imported.
 */

/** The progress count that holds each outcome status. */
export const progressCountOf = { succeeded: 'succeeded', failed: 'failed', unknown: 'unknown', 'not-sent': 'notSent' } as const satisfies Record<
  OutcomeStatus,
  keyof OperationProgress
>;

/** The four outcome counts of a list of outcomes, so counts and outcomes can never disagree. */
export function countOutcomes(outcomes: readonly InstanceOutcome[]): Pick<OperationProgress, 'succeeded' | 'failed' | 'unknown' | 'notSent'> {
  const counts = { succeeded: 0, failed: 0, unknown: 0, notSent: 0 };
  for (const outcome of outcomes) counts[progressCountOf[outcome.status]] += 1;
  return counts;
}

/** The error or reason an outcome carries, whatever its status; null for a success. */
export function outcomeDetail(outcome: InstanceOutcome): EcsErrorData | null {
  if (outcome.status === 'failed') return outcome.error;
  if (outcome.status === 'succeeded') return null;
  return outcome.reason;
}
