/**
 * scheme://host[:port] of a URL. Not `URL.origin`: Node's URL (which main uses) treats a custom scheme as
 * non-special and reports its origin as "null", which would either match nothing or, compared carelessly, anything.
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? undefined : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}
