import {
  authorizationHeader,
  canonicalQueryString,
  canonicalRequest,
  credentialScope,
  deriveSigningKey,
  formatXDate,
  sha256Hex,
  signatureHex,
  stringToSign,
} from './signing-primitives';

export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Present for temporary (STS) credentials. An empty string means none: the CLI's config stores `""` then. */
  readonly sessionToken?: string | undefined;
}

export interface SignRequestInput {
  readonly method: string;
  /** The Host header's value, with the port when it is not the scheme's default (e.g. `127.0.0.1:8443`). */
  readonly host: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Sent, and signed unless the official signer never signs that name (see `unsignedHeaderNames`). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: string | undefined;
  readonly region: string;
  readonly service: string;
  readonly credentials: SigningCredentials;
  readonly date: Date;
}

export interface SignedRequest {
  /** Every header to send, Authorization included. */
  readonly headers: Record<string, string>;
  /** The exact query string to put in the URL (without `?`): the server signs what it receives. */
  readonly canonicalQuery: string;
}

/**
 * Headers the official signer refuses to sign. A transport or proxy may set or rewrite them (undici computes
 * Content-Length and adds a User-Agent), so signing them could break a request in transit; they are sent unsigned.
 */
const unsignedHeaderNames: ReadonlySet<string> = new Set([
  'content-type',
  'content-length',
  'user-agent',
  'presigned-expires',
  'expect',
]);

/** Headers this function computes; a caller's copy would contradict the signature, so it is refused. */
const signerOwnedHeaderNames: ReadonlySet<string> = new Set([
  'host',
  'x-date',
  'x-content-sha256',
  'x-security-token',
  'authorization',
]);

const httpToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** CR, LF and NUL would split or truncate a header on the wire while the signature covered something else. */
const forbiddenInHeaderValue = /[\r\n\0]/;
/** Printable ASCII without the separators of `Credential=<ak>/<scope>, SignedHeaders=...`. */
function isCredentialSegment(value: string): boolean {
  return /^[\x21-\x7E]+$/.test(value) && !/[/,;=]/.test(value);
}

// Messages name the field at fault and never its value: values include secrets and the user's resource names.
function assertValidInput(input: SignRequestInput): void {
  if (!httpToken.test(input.method)) throw new TypeError('method is not an HTTP method token');
  if (!/^\/[^\s?#]*$/.test(input.path)) throw new TypeError('path must start with "/" and hold no spaces, "?" or "#"');
  if (!/^[^\s/?#@]+$/.test(input.host)) throw new TypeError('host must be a bare host name with an optional port');
  if (!isCredentialSegment(input.region)) throw new TypeError('region is empty or holds a reserved character');
  if (!isCredentialSegment(input.service)) throw new TypeError('service is empty or holds a reserved character');
  const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;
  if (!isCredentialSegment(accessKeyId)) throw new TypeError('accessKeyId is empty or holds a reserved character');
  if (secretAccessKey.length === 0) throw new TypeError('secretAccessKey is empty');
  if (sessionToken !== undefined && forbiddenInHeaderValue.test(sessionToken)) {
    throw new TypeError('sessionToken holds a line break or NUL');
  }
  if (Object.keys(input.query).some((key) => key.length === 0)) throw new TypeError('a query key is empty');
}

/** The caller's headers, checked, as [name, value] pairs in the caller's spelling. */
function callerHeaderEntries(headers: Readonly<Record<string, string>> | undefined): Array<[string, string]> {
  const entries = Object.entries(headers ?? {});
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    if (!httpToken.test(name)) throw new TypeError('a header name is not an HTTP token');
    const lowercaseName = name.toLowerCase();
    if (signerOwnedHeaderNames.has(lowercaseName)) {
      throw new TypeError(`header "${lowercaseName}" is set by the signer`);
    }
    if (seen.has(lowercaseName)) throw new TypeError(`header "${lowercaseName}" is given more than once`);
    if (forbiddenInHeaderValue.test(value)) throw new TypeError(`header "${lowercaseName}" holds a line break or NUL`);
    seen.add(lowercaseName);
  }
  return entries;
}

/**
 * Signs a request with Volcengine's HMAC-SHA256 scheme (spec: "Request signing"). Pure: the date is an input, the
 * input is never mutated, nothing is logged, and the result holds fresh objects. Invalid input throws a TypeError
 * or RangeError naming the field at fault, never its value.
 */
export function signRequest(input: SignRequestInput): SignedRequest {
  assertValidInput(input);
  const extraHeaders = callerHeaderEntries(input.headers);
  const xDate = formatXDate(input.date);
  const shortDate = xDate.slice(0, 8);
  const canonicalQuery = canonicalQueryString(input.query);
  const bodySha256 = sha256Hex(input.body ?? '');
  const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;

  // The token travels in a header that is set before signing, so the signature covers it.
  const signerHeaders: Array<[string, string]> = [
    ['Host', input.host],
    ['X-Date', xDate],
    ['X-Content-Sha256', bodySha256],
    ...(sessionToken ? [['X-Security-Token', sessionToken] as [string, string]] : []),
  ];
  const sentHeaders = [...signerHeaders, ...extraHeaders];
  const signedHeaders = sentHeaders
    .map(([name]) => name)
    .filter((name) => !unsignedHeaderNames.has(name.toLowerCase()));

  // fromEntries defines own properties, so a header named `__proto__` cannot reach the prototype.
  const headersWithoutAuthorization = Object.fromEntries(sentHeaders);
  const requestText = canonicalRequest({
    method: input.method,
    path: input.path,
    canonicalQuery,
    headers: headersWithoutAuthorization,
    signedHeaders,
    bodySha256,
  });
  const scope = credentialScope(shortDate, input.region, input.service);
  const signingKey = deriveSigningKey(secretAccessKey, shortDate, input.region, input.service);
  const signature = signatureHex(signingKey, stringToSign(xDate, scope, requestText));

  return {
    headers: Object.fromEntries([
      ...sentHeaders,
      ['Authorization', authorizationHeader(accessKeyId, scope, signedHeaders, signature)],
    ]),
    canonicalQuery,
  };
}
