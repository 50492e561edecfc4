import { apiError } from '../api-error';
import { booleanParam, isApiError } from '../query-params';
import type { QueryParams } from '../query-params';
import { errorOutcome, resultOutcome } from './action-types';
import type { MutatingAction } from './action-types';
import { validateClientToken } from './batch-params';
import { performReboot, rebootBlocker, validateForceStop } from './reboot-instances';

function validate(params: QueryParams) {
  if (params.get('InstanceId') === undefined) return apiError('MissingParameter', 'InstanceId is required.');
  const dryRun = booleanParam(params, 'DryRun', false);
  return validateForceStop(params) ?? (isApiError(dryRun) ? dryRun : undefined) ?? validateClientToken(params);
}

/**
 * RebootInstance: one instance, so its failures are request-level errors, and a success is ResponseMetadata only
 * (no Result). A dry run that passes every check answers DryRunOperation and changes nothing.
 */
export function createRebootInstance(): MutatingAction {
  return {
    kind: 'mutating',
    validate,
    run(context) {
      const instanceId = context.params.get('InstanceId') ?? '';
      const instance = context.fleet.findInstance(context.regionId, instanceId);
      if (!instance) {
        return errorOutcome(apiError('InvalidInstance.NotFound', `The instance ${instanceId} does not exist.`));
      }
      const blocker = rebootBlocker(instance);
      if (blocker) return errorOutcome(apiError('InvalidInstanceStatus', blocker));
      if (context.params.get('DryRun') === 'true') {
        return errorOutcome(apiError('DryRunOperation', 'The request would have succeeded; DryRun was set.'));
      }
      performReboot(context, instanceId);
      return resultOutcome(undefined);
    },
  };
}
