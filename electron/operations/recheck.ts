import { hasKey } from '../../shared/domain/detachability';
import type { Instance, InstanceOutcome } from '../../shared/domain/ecs';
import type { OperationPlan } from '../../shared/domain/operation';

/**
 * What DescribeInstances says about an `unknown` detach or attach outcome: the change visible (a detach's key pair
 * gone, an attach's key pair bound) means it happened; the instance as it was means it did not (safe to retry, with
 * a new request); anything else (the instance gone, a reboot, which leaves no trace) stays unknown. The RequestId of
 * the request that left the outcome unknown stays on the settled one: it is what Volcengine support needs to trace
 * what happened to that instance.
 */
export function settleUnknown(plan: OperationPlan, outcome: InstanceOutcome, instance: Instance | undefined): InstanceOutcome {
  if (outcome.status !== 'unknown' || plan.action === 'reboot' || plan.keyPair === null || instance === undefined) {
    return outcome;
  }
  const requestId = outcome.reason.requestId ?? outcome.reason.cause?.requestId;
  const applied = plan.action === 'attach-key-pair' ? hasKey(instance, plan.keyPair) : instance.keyPairId !== plan.keyPair.keyPairId;
  if (applied) return requestId === undefined ? { instanceId: outcome.instanceId, status: 'succeeded' } : { instanceId: outcome.instanceId, status: 'succeeded', requestId };
  const cause = { code: outcome.reason.code, message: outcome.reason.message, ...(requestId === undefined ? {} : { requestId }) };
  const message = plan.action === 'attach-key-pair' ? 'A re-check found the key pair not bound.' : 'A re-check found the key pair still bound.';
  return {
    instanceId: outcome.instanceId,
    status: 'failed',
    error: { code: 'ECS_NOT_APPLIED', message, ...(outcome.reason.action === undefined ? {} : { action: outcome.reason.action }), cause },
  };
}
