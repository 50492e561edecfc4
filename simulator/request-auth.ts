import { timingSafeEqual } from 'node:crypto';
import {
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  deriveSigningKey,
  signatureHex,
  stringToSign,
} from '../electron/volcengine/signing-primitives';
import { apiError } from './api-error';
import type { ApiError } from './api-error';
import { parseAuthorizationHeader } from './authorization-header';
import { serviceName } from './envelope';
import type { HostRouting } from './host-routing';
import type { QueryPair } from './query-params';
import { isApiError } from './query-params';
import type { SimulatorCredential } from './simulator-types';

/** The spec: "the signature is valid for about 900 s", in either direction. */
const maxClockSkewMs = 15 * 60 * 1000;

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly queryPairs: readonly QueryPair[];
  /** Lowercase names, as Node delivers them. */
  readonly headers: Readonly<Record<string, string>>;
  /** Of the body actually received, never the client's claim in X-Content-Sha256. */
  readonly bodySha256: string;
}

export type AuthOutcome =
  | { readonly ok: true; readonly accessKeyId: string; readonly regionId: string }
  | { readonly ok: false; readonly error: ApiError };

export interface RequestVerifierDependencies {
  readonly findCredential: (accessKeyId: string) => SimulatorCredential | undefined;
  readonly isServedRegion: (regionId: string) => boolean;
  /** Whether the host the request reached serves the region it signed for (host-routing.ts). */
  readonly routeHost: HostRouting;
  /** 403 (the ECS common-error page) or 400 (the platform's): Volcengine's pages disagree (spec: signing). */
  readonly invalidTimestampStatus: 400 | 403;
  /** See parseAuthorizationHeader; false, as Volcengine, unless a test wants the stricter rule. */
  readonly requireSignedHost: boolean;
}

export type RequestVerifier = (request: ReceivedRequest, now: Date) => AuthOutcome;

function fail(error: ApiError): AuthOutcome {
  return { ok: false, error };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `YYYYMMDDTHHMMSSZ` to epoch ms, or undefined for anything else (including 20210230T...). */
function parseXDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(time);
  const roundTrips = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour;
  return roundTrips && minute < 60 && second < 60 ? time : undefined;
}

/**
 * Verifies a request the way the real gateway does: it rebuilds the canonical request from what it received
 * (re-canonicalizing the received query and using exactly the headers SignedHeaders names, however few: the
 * official Node client signs x-date alone), derives the signing key
 * from the scope, and compares signatures. Checks run cheapest-and-most-specific first, so each misconfiguration
 * gets its own error code rather than a generic SignatureDoesNotMatch.
 */
export function createRequestVerifier(dependencies: RequestVerifierDependencies): RequestVerifier {
  return (request, now) => {
    const authorization = request.headers.authorization;
    if (!authorization) return fail(apiError('MissingAuthenticationToken', 'The request carries no Authorization header.'));
    const parsed = parseAuthorizationHeader(authorization, dependencies.requireSignedHost);
    if (isApiError(parsed)) return fail(parsed);

    const xDate = request.headers['x-date'];
    if (!xDate) return fail(apiError('MissingRequestInfo', 'The request carries no X-Date header.'));
    const signedAt = parseXDate(xDate);
    // A malformed X-Date is reported as a timestamp problem: the client's fix (its date handling) is the same.
    if (signedAt === undefined) return fail(apiError('InvalidTimestamp', 'X-Date must be YYYYMMDDTHHMMSSZ in UTC.'));

    const credential = dependencies.findCredential(parsed.accessKeyId);
    if (!credential) return fail(apiError('InvalidAccessKey', 'The access key ID does not exist.'));
    if (parsed.service !== serviceName) {
      return fail(apiError('InvalidCredential', `The credential scope names service "${parsed.service}", not "${serviceName}".`));
    }
    // The region travels only in the scope; a region this endpoint does not serve makes the scope invalid.
    if (!dependencies.isServedRegion(parsed.region)) {
      return fail(apiError('InvalidCredential', `The credential scope names region "${parsed.region}", which is not served.`));
    }
    // A region that exists but lives behind another host (a bootstrap region sent to open.volcengineapi.com, or
    // the reverse). The spec is silent on the answer; the gateway knows no ECS service for that region under this
    // name, so ServiceNotFound (404) is the most plausible, and it is not retried, as it must not be.
    if (dependencies.routeHost(request.headers.host, parsed.region) === 'other-host') {
      return fail(apiError('ServiceNotFound', `This endpoint serves no ECS for region "${parsed.region}"; send it to that region's endpoint.`));
    }
    if (parsed.shortDate !== xDate.slice(0, 8)) {
      return fail(apiError('InvalidCredential', 'The credential scope date does not match X-Date.'));
    }
    if (Math.abs(now.getTime() - signedAt) > maxClockSkewMs) {
      const skewed = apiError('InvalidTimestamp', 'X-Date is more than 15 minutes away from the server time.');
      return fail({ ...skewed, httpStatus: dependencies.invalidTimestampStatus });
    }
    if (credential.sessionToken) {
      const token = request.headers['x-security-token'];
      if (!token || !sameText(token, credential.sessionToken)) {
        return fail(apiError('InvalidSecretToken', 'The security token is missing or does not match the access key.'));
      }
    }

    let requestText: string;
    try {
      requestText = canonicalRequest({
        method: request.method,
        path: request.path,
        canonicalQuery: canonicalQueryString(request.queryPairs),
        headers: request.headers,
        signedHeaders: parsed.signedHeaders,
        bodySha256: request.bodySha256,
      });
    } catch {
      return fail(apiError('InvalidAuthorization', 'A header named in SignedHeaders is not in the request.'));
    }
    const scope = credentialScope(parsed.shortDate, parsed.region, parsed.service);
    const signingKey = deriveSigningKey(credential.secretAccessKey, parsed.shortDate, parsed.region, parsed.service);
    const expected = signatureHex(signingKey, stringToSign(xDate, scope, requestText));
    if (!sameText(expected, parsed.signature)) {
      return fail(apiError('SignatureDoesNotMatch', 'The request signature does not match the one computed by the server.'));
    }
    return { ok: true, accessKeyId: parsed.accessKeyId, regionId: parsed.region };
  };
}
