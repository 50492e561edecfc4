import { EcsError } from './ecs-error';
import { defaultEndpointFor } from './endpoints';

/**
 * Where a client for `regionId` sends its requests: the profile's own endpoint when it names one (a private
 * gateway, a proxy, the simulator), which always wins; otherwise HTTPS to the host the official SDKs use for that
 * region. The one rule for it, so what the review and the History name is where the requests went.
 */
export function resolveEcsEndpoint(endpoint: string | null | undefined, regionId: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint ?? `https://${defaultEndpointFor(regionId)}`);
  } catch {
    url = new URL('invalid:');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new EcsError({
      kind: 'request-invalid',
      code: 'ECS_REQUEST_INVALID',
      message: 'The endpoint must be an http(s) URL without credentials, query or fragment.',
      mayHaveTakenEffect: false,
    });
  }
  return url;
}
