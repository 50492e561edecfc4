import type { InstanceReturn, ReturnState } from '../../../../shared/domain/rolling-reboot';

export type ReturnCounts = Record<ReturnState, number>;

export function countReturns(returns: readonly InstanceReturn[]): ReturnCounts {
  const counts: ReturnCounts = { back: 0, 'not-back': 0, unconfirmed: 0, failed: 0, 'not-sent': 0, pending: 0, waiting: 0 };
  for (const entry of returns) counts[entry.state] += 1;
  return counts;
}

/** What needs a look after a rolling reboot: not back in time, not confirmed back, or the reboot failed; worst first. */
export function troubledReturns(returns: readonly InstanceReturn[]): InstanceReturn[] {
  const rank: Partial<Record<ReturnState, number>> = { 'not-back': 0, failed: 1, unconfirmed: 2 };
  return returns.filter((entry) => rank[entry.state] !== undefined).sort((a, b) => rank[a.state]! - rank[b.state]! || a.waveIndex - b.waveIndex);
}
