import { EcsError } from './ecs-error';

export const defaultEcsEndpoint = 'https://open.volcengineapi.com';

/**
 * Where a client sends its requests: the endpoint given (a private gateway, the simulator) or Volcengine's public
 * one. The one rule for it, so what the review names is where the requests go.
 */
export function resolveEcsEndpoint(endpoint: string | null | undefined): URL {
  let url: URL;
  try {
    url = new URL(endpoint ?? defaultEcsEndpoint);
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
