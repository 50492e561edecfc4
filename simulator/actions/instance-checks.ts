import { instanceErrorCodes } from '../api-error';
import type { InstanceOperationError, OperationDetail } from '../api-error';
import type { SimulatedInstance } from '../simulator-types';
import type { ActionContext } from './action-types';

export function failed(instanceId: string, Code: string, Message: string): OperationDetail {
  return { InstanceId: instanceId, Error: { Code, Message } };
}

export function succeeded(instanceId: string): OperationDetail {
  return { InstanceId: instanceId, Error: null };
}

/**
 * The instance, or the per-instance error for one that is missing from the request's region or that an injected
 * fault rate-limits. Shared by every batch action, whose OperationDetails report these the same way.
 */
export function findBatchTarget(
  context: ActionContext,
  instanceId: string,
): Readonly<SimulatedInstance> | OperationDetail {
  const instance = context.fleet.findInstance(context.regionId, instanceId);
  if (!instance) {
    return failed(instanceId, instanceErrorCodes.notFound, `The instance ${instanceId} does not exist in ${context.regionId}.`);
  }
  if (context.isInstanceFlowLimited(instanceId)) {
    return failed(instanceId, instanceErrorCodes.flowLimited, 'Request rate limit reached for this instance; retry later.');
  }
  return instance;
}

/** The spec's rules for key pair changes: Linux only, with the reset agent, and RUNNING or STOPPED. */
export function keyPairChangeBlocker(instance: Readonly<SimulatedInstance>): InstanceOperationError | undefined {
  if (instance.osType === 'Windows') {
    return { Code: instanceErrorCodes.windows, Message: 'Windows instances do not support key pairs.' };
  }
  if (!instance.hasResetAgent) {
    return {
      Code: instanceErrorCodes.noResetAgent,
      Message: 'The password-reset agent is not installed on the instance.',
    };
  }
  if (instance.status !== 'RUNNING' && instance.status !== 'STOPPED') {
    return {
      Code: instanceErrorCodes.badStatus,
      Message: `The instance is ${instance.status}; only RUNNING or STOPPED instances allow this operation.`,
    };
  }
  return undefined;
}
