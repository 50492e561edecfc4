import { createHash, createHmac } from 'node:crypto';

/**
 * The building blocks of Volcengine's HMAC-SHA256 request signature (spec: "Request signing"), kept pure and
 * separate from `signRequest` so that a server (the local ECS simulator) can rebuild a signature from a request it
 * received with exactly the same code the client signed it with.
 */

const signingAlgorithm = 'HMAC-SHA256';

/** The scope's last segment and the last HMAC step of the signing key. */
const scopeTerminator = 'request';

export const emptyBodySha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * encodeURIComponent already leaves exactly `A-Z a-z 0-9 - _ . ~` plus these five literal, writes uppercase hex and
 * encodes UTF-8; only these five need the extra step.
 */
const literalForEncodeUriComponentOnly = /[!'()*]/g;

/**
 * Percent-encodes every UTF-8 byte except `A-Z a-z 0-9 - _ . ~`, in uppercase hex (space is `%20`, `*` is `%2A`).
 * A string holding a lone UTF-16 surrogate has no UTF-8 form: it is refused rather than silently rewritten (the
 * official Node signer turns it into an empty string, Node's Buffer into U+FFFD), since either rewrite would send
 * something other than what the caller asked for.
 */
export function percentEncode(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // The value itself stays out of the message: query values can be names the user considers private.
    throw new TypeError('Cannot percent-encode a string that is not well-formed Unicode (it has a lone surrogate)');
  }
  return encoded.replace(
    literalForEncodeUriComponentOnly,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Encoded pairs are pure ASCII, so comparing them as JS strings (UTF-16 code units) is the byte order the spec
 * asks for. Sorting happens AFTER encoding: sorting the raw keys would order `[` before `A`, or an emoji before a
 * full-width character, differently from their encoded bytes.
 */
function compareEncodedPairs(a: readonly [string, string], b: readonly [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
}

/**
 * The canonical query, which is also the exact query string to send. Pairs are accepted as well as a record
 * because a server verifying a request may receive the same key twice.
 */
export function canonicalQueryString(
  query: Readonly<Record<string, string>> | ReadonlyArray<readonly [string, string]>,
): string {
  const pairs: ReadonlyArray<readonly [string, string]> = Array.isArray(query)
    ? (query as ReadonlyArray<readonly [string, string]>)
    : Object.entries(query as Readonly<Record<string, string>>);
  return pairs
    .map(([key, value]): readonly [string, string] => [percentEncode(key), percentEncode(value)])
    .sort(compareEncodedPairs)
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}

function padded(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYYMMDDTHHMMSSZ` in UTC; milliseconds are dropped, never rounded, as the official signers do. */
export function formatXDate(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('Cannot format an invalid Date as X-Date');
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('X-Date needs a year between 0000 and 9999');
  return (
    `${padded(year, 4)}${padded(date.getUTCMonth() + 1, 2)}${padded(date.getUTCDate(), 2)}` +
    `T${padded(date.getUTCHours(), 2)}${padded(date.getUTCMinutes(), 2)}${padded(date.getUTCSeconds(), 2)}Z`
  );
}

/** Lowercase hex SHA-256; strings are hashed as their UTF-8 bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Lowercased and sorted, as both the canonical request and the Authorization header list them. Duplicates are
 * kept: a verifier must rebuild exactly what a client claimed to sign, and a repeated name then signs twice.
 */
export function normalizeSignedHeaderNames(signedHeaders: readonly string[]): string[] {
  return signedHeaders.map((name) => name.toLowerCase()).sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
}

/**
 * Runs of whitespace become one space and the ends are trimmed: the official Node signer does this
 * (`/\s+/g` -> `' '`, then trim), so a value with a doubled space or a tab must be canonicalized the same way.
 */
function canonicalHeaderValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Header names are case-insensitive, so two spellings of one name make the value to sign ambiguous. */
function headersByLowercaseName(headers: Readonly<Record<string, string>>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lowercaseName = name.toLowerCase();
    if (byName.has(lowercaseName)) {
      throw new TypeError(`Header "${lowercaseName}" is given more than once (names differ only in case)`);
    }
    byName.set(lowercaseName, value);
  }
  return byName;
}

export interface CanonicalRequestParts {
  readonly method: string;
  readonly path: string;
  readonly canonicalQuery: string;
  /** Every header of the request, in any case; only those named in `signedHeaders` are used. */
  readonly headers: Readonly<Record<string, string>>;
  /** The names to sign, in any case and any order. */
  readonly signedHeaders: readonly string[];
  readonly bodySha256: string;
}

/**
 * `METHOD\nPATH\nQUERY\n<name:value\n per signed header>\nSIGNED;HEADERS\nBODY_HASH`. The method is uppercased as
 * the official signer does. A signed header that is missing is an error: signing it as empty would let a verifier
 * accept a request that lost a header on the way.
 */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  const headers = headersByLowercaseName(parts.headers);
  const names = normalizeSignedHeaderNames(parts.signedHeaders);
  const headerLines = names.map((name) => {
    const value = headers.get(name);
    if (value === undefined) throw new TypeError(`Signed header "${name}" is not among the request's headers`);
    return `${name}:${canonicalHeaderValue(value)}\n`;
  });
  return [
    parts.method.toUpperCase(),
    parts.path,
    parts.canonicalQuery,
    headerLines.join(''),
    names.join(';'),
    parts.bodySha256,
  ].join('\n');
}

export function credentialScope(shortDate: string, region: string, service: string): string {
  return `${shortDate}/${region}/${service}/${scopeTerminator}`;
}

/** The canonical request is hashed here, so callers pass its text, not its hash. */
export function stringToSign(xDate: string, scope: string, canonicalRequestText: string): string {
  return `${signingAlgorithm}\n${xDate}\n${scope}\n${sha256Hex(canonicalRequestText)}`;
}

function hmac(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** The secret is used as raw UTF-8 bytes with no prefix (unlike AWS's `AWS4` + secret). */
export function deriveSigningKey(secretAccessKey: string, shortDate: string, region: string, service: string): Buffer {
  const dateKey = hmac(secretAccessKey, shortDate);
  const regionKey = hmac(dateKey, region);
  const serviceKey = hmac(regionKey, service);
  return hmac(serviceKey, scopeTerminator);
}

export function signatureHex(signingKey: Uint8Array, stringToSignText: string): string {
  return createHmac('sha256', signingKey).update(stringToSignText).digest('hex');
}

export function authorizationHeader(
  accessKeyId: string,
  scope: string,
  signedHeaders: readonly string[],
  signature: string,
): string {
  const names = normalizeSignedHeaderNames(signedHeaders).join(';');
  return `${signingAlgorithm} Credential=${accessKeyId}/${scope}, SignedHeaders=${names}, Signature=${signature}`;
}
