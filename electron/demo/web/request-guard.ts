import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Why a request is turned away, and the status that says so (its body is empty: nothing else is given away). */
export type Refusal = { status: 401 | 403; reason: 'token' | 'host' | 'origin' | 'address' };

const loopbackAddresses = new Set(['127.0.0.1', '::ffff:127.0.0.1']);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

/** Compares digests, so neither the token's length nor its first differing character shows in the timing. */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(single(headers.authorization) ?? '');
  return match?.[1];
}

/**
 * Checks every request, files included: it comes from this machine, and it names this server as `host`. The Host
 * check is what defeats DNS rebinding: a page on evil.example whose name was re-pointed at 127.0.0.1 still sends
 * `Host: evil.example:<port>`.
 */
export function refuseForeign(remoteAddress: string | undefined, headers: IncomingHttpHeaders, host: string): Refusal | undefined {
  if (remoteAddress === undefined || !loopbackAddresses.has(remoteAddress)) return { status: 403, reason: 'address' };
  if (single(headers.host) !== host) return { status: 403, reason: 'host' };
  return undefined;
}

/**
 * Checks a call to the API on top of `refuseForeign`: no other site's page may make it (its `Origin`, when the
 * browser sends one, is this server's; Fetch Metadata, when sent, says same-origin), and it carries the token.
 */
export function refuseApiCall(headers: IncomingHttpHeaders, origin: string, token: string): Refusal | undefined {
  const requestOrigin = headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== origin) return { status: 403, reason: 'origin' };
  const fetchSite = single(headers['sec-fetch-site']);
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return { status: 403, reason: 'origin' };
  if (!tokenMatches(bearerToken(headers), token)) return { status: 401, reason: 'token' };
  return undefined;
}
