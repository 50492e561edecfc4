import { apiError } from '../api-error';
import type { ApiError } from '../api-error';
import type { QueryParams } from '../query-params';

const maxInstanceIdsPerRequest = 100;
const maxClientTokenLength = 64;

/** InstanceIds.N is required and holds at most 100 IDs (DetachKeyPair, AttachKeyPair, RebootInstances). */
export function validateInstanceIds(params: QueryParams): ApiError | undefined {
  const instanceIds = params.list('InstanceIds');
  if (instanceIds.length === 0) return apiError('MissingParameter.InstanceIds', 'InstanceIds is required.');
  return validateInstanceIdLimit(instanceIds);
}

export function validateInstanceIdLimit(instanceIds: readonly string[]): ApiError | undefined {
  if (instanceIds.length > maxInstanceIdsPerRequest) {
    return apiError(
      'LimitExceeded.MaximumInstanceIds',
      `At most ${maxInstanceIdsPerRequest} InstanceIds are allowed; the request has ${instanceIds.length}.`,
    );
  }
  return undefined;
}

/** ClientToken: optional, ASCII only, at most 64 characters. */
export function validateClientToken(params: QueryParams): ApiError | undefined {
  const token = params.get('ClientToken');
  if (token === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- ASCII is exactly the range the spec allows
  if (token.length > maxClientTokenLength || !/^[\x00-\x7F]+$/.test(token)) {
    return apiError('InvalidClientToken.Malformed', 'ClientToken must be ASCII and at most 64 characters.');
  }
  return undefined;
}
