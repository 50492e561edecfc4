/**
 * `value` as a URL when it is a bare origin, `scheme://host[:port]` with nothing after the host (no credentials,
 * path, query or fragment); undefined otherwise. Endpoints and proxies are both origins, and anything more in them
 * is either a mistake or a secret in the wrong place.
 */
export function parseOriginUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const bare = url.hostname !== '' && url.username === '' && url.password === '' && url.pathname === '/' && url.search === '' && url.hash === '';
  return bare ? url : undefined;
}
