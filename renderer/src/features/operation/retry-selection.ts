import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import type { OperationResult, PlanRequest } from '../../../../shared/domain/operation';
import { lookupEcsError } from '../../../../shared/errors/ecs-error-catalogue';

/**
 * Whether running the instance again makes sense without the admin changing anything: a failure whose code the
 * catalogue calls retryable, or an unknown outcome. Unknowns are included because the new plan is built from a
 * fresh inventory, which leaves out the instances whose key pair is already gone.
 */
export function isRetryableOutcome(outcome: InstanceOutcome): boolean {
  if (outcome.status === 'unknown') return true;
  if (outcome.status === 'failed') return lookupEcsError(outcome.error.code).retryable;
  return false;
}

export function retryableInstanceIds(outcomes: readonly InstanceOutcome[]): string[] {
  return outcomes.filter(isRetryableOutcome).map((outcome) => outcome.instanceId);
}

/** A plan request for the retryable instances of `result`, as the original asked; null when there are none. */
export function buildRetryRequest(result: Pick<OperationResult, 'plan' | 'outcomes'>): PlanRequest | null {
  const instanceIds = retryableInstanceIds(result.outcomes);
  if (instanceIds.length === 0) return null;
  const { plan } = result;
  return {
    profileId: plan.profileId,
    regionId: plan.regionId,
    action: plan.action,
    keyPair: plan.keyPair,
    forceStop: plan.forceStop,
    instanceIds,
  };
}
