import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { OperationAction, OperationResult } from '../../../../shared/domain/operation';
import { countByCode, type CodeCount } from './outcome-summary';
import { isRetryableOutcome } from './retry-selection';

export interface KnownFailures {
  /** In the order of the selection given. */
  instanceIds: string[];
  /** Their causes, most frequent first. */
  codes: CodeCount[];
}

export interface DetachScope {
  profileId: string;
  regionId: string;
  keyPair: KeyPairRef;
  /** A detach's failures say nothing about an attach of the same key, and the other way round. */
  action: Exclude<OperationAction, 'reboot'>;
}

/**
 * The selected instances that the last detach (or attach) of the same key pair, in the same region and profile, could not
 * change for a reason that needs the admin to act first (no reset agent, Windows, access denied...). Sending them
 * again unchanged would fail the same way, so the screen says so before a new plan is made. Empty when the last
 * operation was something else, or when none of the selection failed that way.
 */
export function knownToFailAgain(result: OperationResult | null, scope: DetachScope, selectedIds: readonly string[]): KnownFailures {
  const none = { instanceIds: [], codes: [] };
  if (result === null || selectedIds.length === 0) return none;
  const { plan } = result;
  const same = plan.action === scope.action && plan.profileId === scope.profileId && plan.regionId === scope.regionId && plan.keyPair?.keyPairId === scope.keyPair.keyPairId;
  if (!same) return none;
  const hopeless = new Map(
    result.outcomes.filter((outcome) => outcome.status === 'failed' && !isRetryableOutcome(outcome, plan.action)).map((outcome) => [outcome.instanceId, outcome]),
  );
  if (hopeless.size === 0) return none;
  const selected = selectedIds.filter((id) => hopeless.has(id));
  return { instanceIds: selected, codes: countByCode(selected.map((id) => hopeless.get(id)!), 'failed') };
}

/** Why nothing of a result can be retried, as message keys to show beside the disabled button (empty when some can). */
export function whyNothingToRetry(result: Pick<OperationResult, 'plan' | 'outcomes'>, retryable: number): Array<'allSucceeded' | 'needsChange' | 'unknownReboot'> {
  if (retryable > 0) return [];
  const failed = result.outcomes.some((outcome) => outcome.status === 'failed');
  const unknown = result.outcomes.some((outcome) => outcome.status === 'unknown');
  if (!failed && !unknown) return ['allSucceeded'];
  return [...(failed ? (['needsChange'] as const) : []), ...(unknown && result.plan.action === 'reboot' ? (['unknownReboot'] as const) : [])];
}
