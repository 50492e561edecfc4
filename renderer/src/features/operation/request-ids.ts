import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { outcomeRequestId } from './outcome-facts';

/** Every RequestId the outcomes mention, once each, in first-seen order; outcomes without one are skipped. */
export function distinctRequestIds(outcomes: readonly InstanceOutcome[]): string[] {
  const seen = new Set<string>();
  for (const outcome of outcomes) {
    const requestId = outcomeRequestId(outcome);
    if (requestId !== undefined) seen.add(requestId);
  }
  return [...seen];
}
