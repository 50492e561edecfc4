import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { outcomeErrorCode, type OutcomeStatus } from './outcome-facts';

export interface OutcomeFilter {
  status: OutcomeStatus | 'all';
  /** An error code to match, or null for any. */
  code: string | null;
}

export const noOutcomeFilter: OutcomeFilter = { status: 'all', code: null };

export function filterOutcomes(outcomes: readonly InstanceOutcome[], filter: OutcomeFilter): readonly InstanceOutcome[] {
  if (filter.status === 'all' && filter.code === null) return outcomes;
  return outcomes.filter(
    (outcome) =>
      (filter.status === 'all' || outcome.status === filter.status) && (filter.code === null || outcomeErrorCode(outcome) === filter.code),
  );
}
