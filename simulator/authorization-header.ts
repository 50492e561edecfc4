import { apiError } from './api-error';
import type { ApiError } from './api-error';

const signingAlgorithm = 'HMAC-SHA256';

export interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly shortDate: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** `Key=Value` components after the algorithm, split on commas with any spacing around them. */
function components(rest: string): Map<string, string> {
  const byName = new Map<string, string>();
  for (const part of rest.split(',')) {
    const trimmed = part.trim();
    const equals = trimmed.indexOf('=');
    if (equals > 0) byName.set(trimmed.slice(0, equals), trimmed.slice(equals + 1).trim());
  }
  return byName;
}

/**
 * Parses `HMAC-SHA256 Credential=<AK>/<date>/<region>/<service>/request, SignedHeaders=a;b, Signature=<hex>`.
 * A header that is present but has no signature is MissingSignature; any other shape is InvalidAuthorization.
 * Which headers are signed is the client's choice (spec: "Transport"): the official Node client signs only the
 * headers it set, often x-date alone, and Volcengine accepts it, so this does too. `requireSignedHost` is the
 * stricter rule for a test that wants it (an unsigned Host lets a signed request be replayed against another
 * endpoint, which is why the app's own signer always signs it).
 */
export function parseAuthorizationHeader(value: string, requireSignedHost = false): ParsedAuthorization | ApiError {
  const prefix = `${signingAlgorithm} `;
  if (!value.startsWith(prefix)) {
    return apiError('InvalidAuthorization', `The Authorization header must start with "${signingAlgorithm}".`);
  }
  const parts = components(value.slice(prefix.length));
  const credential = parts.get('Credential');
  const signedHeaderList = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!credential || !signedHeaderList) {
    return apiError('InvalidAuthorization', 'The Authorization header needs Credential and SignedHeaders.');
  }
  if (!signature) return apiError('MissingSignature', 'The Authorization header carries no Signature.');
  const scope = credential.split('/');
  const [accessKeyId, shortDate, region, service, terminator] = scope;
  if (scope.length !== 5 || !accessKeyId || !shortDate || !region || !service || terminator !== 'request') {
    return apiError('InvalidAuthorization', 'Credential must be <AccessKeyId>/<date>/<region>/<service>/request.');
  }
  if (!/^\d{8}$/.test(shortDate)) return apiError('InvalidAuthorization', 'The credential scope date must be YYYYMMDD.');
  const signedHeaders = signedHeaderList.split(';').map((name) => name.trim().toLowerCase());
  if (signedHeaders.some((name) => name === '')) {
    return apiError('InvalidAuthorization', 'SignedHeaders holds an empty header name.');
  }
  if (requireSignedHost && !signedHeaders.includes('host')) return apiError('InvalidAuthorization', 'SignedHeaders must include host.');
  return { accessKeyId, shortDate, region, service, signedHeaders, signature };
}

/**
 * The region a request's scope names, read without verifying anything, so that even an error answered before
 * verification (or a fault) can fill the envelope's Region as the real gateway does.
 */
export function regionHint(authorization: string | undefined): string {
  const match = authorization ? /Credential=[^/,\s]*\/[^/,\s]*\/([^/,\s]+)\//.exec(authorization) : null;
  return match?.[1] ?? '';
}
