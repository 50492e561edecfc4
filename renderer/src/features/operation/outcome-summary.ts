import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { outcomeErrorCode, type OutcomeStatus } from './outcome-facts';

export interface CodeCount {
  code: string;
  count: number;
}

export interface OutcomeSummary {
  total: number;
  succeeded: number;
  failed: number;
  unknown: number;
  /** Most frequent first, so the problem that hit most instances is read first. */
  failedByCode: CodeCount[];
  unknownByCode: CodeCount[];
}

/** Most frequent first, ties by code, so the order is stable from one render to the next. */
export function sortedCodeCounts(counts: ReadonlyMap<string, number>): CodeCount[] {
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** How many outcomes of `status` carry each error code, most frequent first (ties by code, for a stable order). */
export function countByCode(outcomes: readonly InstanceOutcome[], status: Exclude<OutcomeStatus, 'succeeded'>): CodeCount[] {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    if (outcome.status !== status) continue;
    const code = outcomeErrorCode(outcome) ?? '';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return sortedCodeCounts(counts);
}

export function summarizeOutcomes(outcomes: readonly InstanceOutcome[]): OutcomeSummary {
  let succeeded = 0;
  let failed = 0;
  let unknown = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'succeeded') succeeded += 1;
    else if (outcome.status === 'failed') failed += 1;
    else unknown += 1;
  }
  return {
    total: outcomes.length,
    succeeded,
    failed,
    unknown,
    failedByCode: countByCode(outcomes, 'failed'),
    unknownByCode: countByCode(outcomes, 'unknown'),
  };
}
