import { apiError, instanceErrorCodes } from '../api-error';
import type { OperationDetail } from '../api-error';
import type { QueryParams } from '../query-params';
import type { SimulatedKeyPair } from '../simulator-types';
import { errorOutcome, resultOutcome } from './action-types';
import type { ActionContext, MutatingAction } from './action-types';
import { validateClientToken, validateInstanceIds } from './batch-params';
import { failed, findBatchTarget, keyPairChangeBlocker, succeeded } from './instance-checks';

export type KeyPairOperation = 'detach' | 'attach';

function validate(params: QueryParams) {
  return (
    validateInstanceIds(params) ??
    (params.get('KeyPairName') === undefined && params.get('KeyPairId') === undefined
      ? apiError('MissingParameter.KeyPairNameAndKeyPairId', 'KeyPairName or KeyPairId is required.')
      : undefined) ??
    validateClientToken(params)
  );
}

/** The spec: "when both are set KeyPairId wins". */
function findKeyPair(context: ActionContext): Readonly<SimulatedKeyPair> | undefined {
  const keyPairId = context.params.get('KeyPairId');
  if (keyPairId !== undefined) return context.fleet.findKeyPairById(context.regionId, keyPairId);
  const keyPairName = context.params.get('KeyPairName');
  return keyPairName === undefined ? undefined : context.fleet.findKeyPairByName(context.regionId, keyPairName);
}

function applyToInstance(
  operation: KeyPairOperation,
  context: ActionContext,
  keyPair: Readonly<SimulatedKeyPair>,
  instanceId: string,
): OperationDetail {
  const target = findBatchTarget(context, instanceId);
  if ('InstanceId' in target) return target;
  const blocker = keyPairChangeBlocker(target);
  if (blocker) return { InstanceId: instanceId, Error: blocker };
  if (operation === 'detach') {
    // The spec does not say what the real service does when asked to detach a key pair that is not the one bound
    // to the instance (or when none is bound). The simulator refuses per instance and changes nothing: succeeding
    // silently would let a client count as "detached" an instance that still trusts another key, and detaching
    // whatever key is bound would remove a key the user never chose. A client written against this behaviour
    // reads every OperationDetail and re-checks the instance, which is safe whichever way the real service acts.
    if (target.keyPairId !== keyPair.keyPairId) {
      return failed(
        instanceId,
        instanceErrorCodes.keyPairNotBound,
        `The key pair ${keyPair.keyPairName} is not bound to the instance ${instanceId}.`,
      );
    }
    context.fleet.updateInstance(instanceId, { keyPairName: '', keyPairId: '' });
  } else {
    // Attach overwrites whatever was bound, as the spec says.
    context.fleet.updateInstance(instanceId, { keyPairName: keyPair.keyPairName, keyPairId: keyPair.keyPairId });
  }
  // Every applied operation counts, even an attach of the key already bound: the counter measures what the
  // service did, which is what "a retry never applies twice" is about.
  context.changes.record(instanceId);
  return succeeded(instanceId);
}

/**
 * DetachKeyPair and AttachKeyPair: the same request, the same per-instance OperationDetails (HTTP 200 even when
 * some or all instances fail), mirror-image effects. IDs are processed in order, so a repeated ID sees the state
 * its earlier copy left.
 */
export function createKeyPairOperation(operation: KeyPairOperation): MutatingAction {
  return {
    kind: 'mutating',
    validate,
    run(context) {
      const keyPair = findKeyPair(context);
      if (!keyPair) return errorOutcome(apiError('InvalidKeyPair.NotFound', 'The key pair does not exist.'));
      const details = context.params
        .list('InstanceIds')
        .map((instanceId) => applyToInstance(operation, context, keyPair, instanceId));
      return resultOutcome({ OperationDetails: details });
    },
  };
}
