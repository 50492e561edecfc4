import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { countOutcomes, outcomeDetail } from '../../../../shared/domain/outcome-counts';
import { type OutcomeStatus } from './outcome-facts';

export interface CodeCount {
  code: string;
  /** The last error behind a wrapping code such as ECS_RETRIES_EXHAUSTED; absent for any other. */
  lastCode?: string;
  count: number;
}

export interface OutcomeSummary {
  total: number;
  succeeded: number;
  failed: number;
  unknown: number;
  /** Never sent: cancelled, or stopped before the request left. Not failures. */
  notSent: number;
  /** Most frequent first, so the problem that hit most instances is read first. */
  failedByCode: CodeCount[];
  unknownByCode: CodeCount[];
  notSentByCode: CodeCount[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most frequent first, ties by code, so the order is stable from one render to the next. */
export function sortCodeCounts(counts: CodeCount[]): CodeCount[] {
  return counts.sort((a, b) => b.count - a.count || compareText(a.code, b.code) || compareText(a.lastCode ?? '', b.lastCode ?? ''));
}

/**
 * How many outcomes of `status` carry each error code, most frequent first (ties by code, for a stable order).
 * A wrapping code counts apart for each last error behind it: "gave up after InternalError" and "gave up after
 * IdempotentProcessing" call for different things.
 */
export function countByCode(outcomes: readonly InstanceOutcome[], status: Exclude<OutcomeStatus, 'succeeded'>): CodeCount[] {
  const counts = new Map<string, CodeCount>();
  for (const outcome of outcomes) {
    if (outcome.status !== status) continue;
    const error = outcomeDetail(outcome);
    const code = error?.code ?? '';
    const lastCode = error?.cause?.code;
    const key = `${code}\n${lastCode ?? ''}`;
    const entry = counts.get(key) ?? (lastCode === undefined ? { code, count: 0 } : { code, lastCode, count: 0 });
    entry.count += 1;
    counts.set(key, entry);
  }
  return sortCodeCounts([...counts.values()]);
}

export function summarizeOutcomes(outcomes: readonly InstanceOutcome[]): OutcomeSummary {
  return {
    total: outcomes.length,
    ...countOutcomes(outcomes),
    failedByCode: countByCode(outcomes, 'failed'),
    unknownByCode: countByCode(outcomes, 'unknown'),
    notSentByCode: countByCode(outcomes, 'not-sent'),
  };
}
