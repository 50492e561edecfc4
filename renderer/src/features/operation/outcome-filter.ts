import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { outcomeErrorCodes, type OutcomeStatus } from './outcome-facts';
import { sortCodeCounts, type CodeCount } from './outcome-summary';

export interface OutcomeFilter {
  status: OutcomeStatus | 'all';
  /** An error code to match, the outcome's own or its last error's (see outcomeErrorCodes); null for any. */
  code: string | null;
}

export const noOutcomeFilter: OutcomeFilter = { status: 'all', code: null };

/** `only`: the instances of a chosen "still exposed" bucket (see exposure-panel.tsx); null for all. */
export function filterOutcomes(outcomes: readonly InstanceOutcome[], filter: OutcomeFilter, only: ReadonlySet<string> | null = null): readonly InstanceOutcome[] {
  if (filter.status === 'all' && filter.code === null && only === null) return outcomes;
  const { code } = filter;
  return outcomes.filter(
    (outcome) =>
      (filter.status === 'all' || outcome.status === filter.status) &&
      (code === null || outcomeErrorCodes(outcome).includes(code)) &&
      (only === null || only.has(outcome.instanceId)),
  );
}

/**
 * The codes the code filter offers, each with how many instances choosing it leaves: the same matching as
 * filterOutcomes, so the count is what the table then shows. An instance the app gave up on after InternalError
 * counts under ECS_RETRIES_EXHAUSTED and under InternalError.
 */
export function filterCodeChoices(outcomes: readonly InstanceOutcome[]): CodeCount[] {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    for (const code of outcomeErrorCodes(outcome)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return sortCodeCounts([...counts].map(([code, count]) => ({ code, count })));
}
