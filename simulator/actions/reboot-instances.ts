import { instanceErrorCodes } from '../api-error';
import type { OperationDetail } from '../api-error';
import { booleanParam, isApiError } from '../query-params';
import type { QueryParams } from '../query-params';
import type { SimulatedInstance } from '../simulator-types';
import { resultOutcome } from './action-types';
import type { ActionContext, MutatingAction } from './action-types';
import { validateClientToken, validateInstanceIds } from './batch-params';
import { failed, findBatchTarget, succeeded } from './instance-checks';

export function validateForceStop(params: QueryParams) {
  const forceStop = booleanParam(params, 'ForceStop', false);
  return isApiError(forceStop) ? forceStop : undefined;
}

/** Only a RUNNING instance can be rebooted; a STOPPED one has nothing to restart. */
export function rebootBlocker(instance: Readonly<SimulatedInstance>): string | undefined {
  return instance.status === 'RUNNING'
    ? undefined
    : `The instance is ${instance.status}; only RUNNING instances can be rebooted.`;
}

/**
 * Applies a reboot that passed its checks; with a reboot duration the instance shows REBOOTING for that long. A
 * reboot a test made go wrong stays REBOOTING, or ends in ERROR (a status the spec lists) after that duration.
 */
export function performReboot(context: ActionContext, instanceId: string): void {
  const ending = context.rebootEnding(instanceId);
  if (ending === 'stays-rebooting') context.fleet.startReboot(instanceId, Number.POSITIVE_INFINITY);
  else if (ending === 'error') context.fleet.startReboot(instanceId, context.nowMs + context.rebootDurationMs, 'ERROR');
  else if (context.rebootDurationMs > 0) context.fleet.startReboot(instanceId, context.nowMs + context.rebootDurationMs);
  context.changes.record(instanceId);
}

function rebootOne(context: ActionContext, instanceId: string): OperationDetail {
  const target = findBatchTarget(context, instanceId);
  if ('InstanceId' in target) return target;
  const blocker = rebootBlocker(target);
  if (blocker) return failed(instanceId, instanceErrorCodes.badStatus, blocker);
  performReboot(context, instanceId);
  return succeeded(instanceId);
}

/** RebootInstances: per-instance OperationDetails like the key pair actions. ForceStop changes nothing simulated. */
export function createRebootInstances(): MutatingAction {
  return {
    kind: 'mutating',
    validate: (params) => validateInstanceIds(params) ?? validateForceStop(params) ?? validateClientToken(params),
    run: (context) =>
      resultOutcome({ OperationDetails: context.params.list('InstanceIds').map((id) => rebootOne(context, id)) }),
  };
}
