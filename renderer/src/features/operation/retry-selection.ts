import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import type { OperationAction, OperationResult, PlanRequest } from '../../../../shared/domain/operation';
import { lookupEcsError } from '../../../../shared/errors/ecs-error-catalogue';

/**
 * Whether running the instance again makes sense without the admin changing anything: a request never sent, a
 * failure whose code the catalogue calls retryable, or an unknown detach or attach. Those are safe to send again
 * because the new plan is built from a fresh inventory, which leaves out the instances already changed (the key
 * gone, or already bound). An unknown reboot is not: nothing shows whether it happened, and a new request would
 * reboot again an instance that did; whether to take that chance is the admin's to decide, by selecting it.
 */
export function isRetryableOutcome(outcome: InstanceOutcome, action: OperationAction): boolean {
  if (outcome.status === 'not-sent') return true;
  if (outcome.status === 'unknown') return action !== 'reboot';
  if (outcome.status === 'failed') return lookupEcsError(outcome.error.code).retryable;
  return false;
}

export function retryableInstanceIds(outcomes: readonly InstanceOutcome[], action: OperationAction): string[] {
  return outcomes.filter((outcome) => isRetryableOutcome(outcome, action)).map((outcome) => outcome.instanceId);
}

/** A plan request for the retryable instances of `result`, as the original asked; null when there are none. */
export function buildRetryRequest(result: Pick<OperationResult, 'plan' | 'outcomes'>): PlanRequest | null {
  const { plan } = result;
  const instanceIds = retryableInstanceIds(result.outcomes, plan.action);
  if (instanceIds.length === 0) return null;
  return {
    profileId: plan.profileId,
    regionId: plan.regionId,
    action: plan.action,
    keyPair: plan.keyPair,
    forceStop: plan.forceStop,
    instanceIds,
  };
}
