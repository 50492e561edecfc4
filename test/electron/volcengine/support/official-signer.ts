import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { SignRequestInput } from '../../../../electron/volcengine/sign';

/**
 * A typed door to the official Node SDK's `Signer` (@volcengine/openapi, lib/base/sign.js), used only as the
 * reference the project's signer is compared with. It is CommonJS without usable types, hence `require`.
 *
 * What it signs by default: EVERY header in `request.headers` except authorization, content-type,
 * content-length, user-agent, presigned-expires and expect. `addAuthorization` itself adds only `X-Date`,
 * `X-Security-Token` (when the credentials carry a token) and `X-Content-Sha256` (only when the body is
 * non-empty). So for an empty-body GET it signs `x-date` alone, and never `host` unless told to.
 */
interface OfficialRequest {
  region: string;
  method: string;
  pathname: string;
  params: Record<string, string>;
  headers: Record<string, string>;
  body?: string | undefined;
}

interface OfficialCredentials {
  accessKeyId: string;
  secretKey: string;
  sessionToken?: string | undefined;
}

interface OfficialSigner {
  request: OfficialRequest;
  addAuthorization(credentials: OfficialCredentials, date: Date): void;
  canonicalString(): string;
}

interface OfficialSdk {
  Signer: new (request: OfficialRequest, serviceName: string) => OfficialSigner;
}

interface OfficialSignModule {
  queryParamsToString(params: Record<string, string>): string;
}

const requireFromHere = createRequire(import.meta.url);
const officialSdk = requireFromHere('@volcengine/openapi') as OfficialSdk;
const officialSignModule = requireFromHere('@volcengine/openapi/lib/base/sign') as OfficialSignModule;

export interface OfficialSignature {
  /** The headers after `addAuthorization`, Authorization included. */
  readonly headers: Record<string, string>;
  /** What the SDK puts in the URL: its query string built from the params its constructor sorted. */
  readonly canonicalQuery: string;
  readonly canonicalRequest: string;
}

function signWith(request: OfficialRequest, input: SignRequestInput): OfficialSignature {
  const signer = new officialSdk.Signer(request, input.service);
  signer.addAuthorization(
    {
      accessKeyId: input.credentials.accessKeyId,
      secretKey: input.credentials.secretAccessKey,
      sessionToken: input.credentials.sessionToken,
    },
    input.date,
  );
  return {
    headers: { ...signer.request.headers },
    canonicalQuery: officialSignModule.queryParamsToString(signer.request.params),
    canonicalRequest: signer.canonicalString(),
  };
}

/**
 * The official signer configured to sign the project's header set: handing it `Host` and `X-Content-Sha256`
 * (plus the caller's headers) makes it sign host;x-content-sha256;x-date[;x-security-token][;extra...], the set
 * the published vectors were produced with. The body hash is computed here with node:crypto, independently of
 * the code under test; the SDK overwrites it with its own for a non-empty body anyway.
 */
export function signWithOfficialSigner(input: SignRequestInput): OfficialSignature {
  const body = input.body ?? '';
  return signWith(
    {
      region: input.region,
      method: input.method,
      pathname: input.path,
      params: { ...input.query },
      headers: {
        Host: input.host,
        'X-Content-Sha256': createHash('sha256').update(body).digest('hex'),
        ...input.headers,
      },
      body: input.body,
    },
    input,
  );
}

/** The official signer exactly as a caller of `new Signer(request, service)` with no headers would use it. */
export function signWithOfficialDefaults(input: SignRequestInput): OfficialSignature {
  return signWith(
    {
      region: input.region,
      method: input.method,
      pathname: input.path,
      params: { ...input.query },
      headers: {},
      body: input.body,
    },
    input,
  );
}

export function officialQueryString(params: Record<string, string>): string {
  return officialSignModule.queryParamsToString(params);
}
