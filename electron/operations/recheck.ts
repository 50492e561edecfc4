import type { Instance, InstanceOutcome } from '../../shared/domain/ecs';
import type { OperationPlan } from '../../shared/domain/operation';

/**
 * What DescribeInstances says about an `unknown` detach outcome: the key pair gone means the detach happened; still
 * bound means it did not (safe to retry, with a new request); anything else (the instance gone, a reboot, which
 * leaves no trace) stays unknown. The RequestId of the request that left the outcome unknown stays on the settled
 * one: it is what Volcengine support needs to trace what happened to that instance.
 */
export function settleUnknown(plan: OperationPlan, outcome: InstanceOutcome, instance: Instance | undefined): InstanceOutcome {
  if (outcome.status !== 'unknown' || plan.action !== 'detach-key-pair' || plan.keyPair === null || instance === undefined) {
    return outcome;
  }
  const requestId = outcome.reason.requestId ?? outcome.reason.cause?.requestId;
  const stillBound = instance.keyPairId === plan.keyPair.keyPairId;
  if (!stillBound) return requestId === undefined ? { instanceId: outcome.instanceId, status: 'succeeded' } : { instanceId: outcome.instanceId, status: 'succeeded', requestId };
  const cause = { code: outcome.reason.code, message: outcome.reason.message, ...(requestId === undefined ? {} : { requestId }) };
  return {
    instanceId: outcome.instanceId,
    status: 'failed',
    error: { code: 'ECS_NOT_APPLIED', message: 'A re-check found the key pair still bound.', ...(outcome.reason.action === undefined ? {} : { action: outcome.reason.action }), cause },
  };
}
