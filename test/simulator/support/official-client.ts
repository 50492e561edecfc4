import { createRequire } from 'node:module';

/**
 * A typed door to the official Node SDK's generic client, `Service` (@volcengine/openapi, lib/base/service.js),
 * used to prove the simulator answers a real SDK caller. CommonJS with `any`-typed declarations, hence `require`
 * and the narrow interface below (as test/electron/volcengine/support/official-signer.ts does for its Signer).
 *
 * How it calls: GET with the parameters in the query, signed with only the headers it set itself, which for an
 * empty body is `x-date` alone (never `host`); a 10 s timeout and no retries.
 */
export interface OfficialServiceOptions {
  readonly host: string;
  readonly protocol: 'http:' | 'https:';
  readonly region: string;
  readonly serviceName: string;
  readonly accessKeyId: string;
  readonly secretKey: string;
  readonly sessionToken?: string | undefined;
  readonly defaultVersion: string;
}

export interface OfficialResponse {
  readonly ResponseMetadata: {
    readonly RequestId: string;
    readonly Action?: string;
    readonly Region?: string;
    readonly Error?: { readonly Code?: string; readonly Message: string };
  };
  readonly Result?: unknown;
}

interface OfficialFetchParams {
  readonly Action: string;
  readonly Version?: string;
  readonly method: 'GET';
  readonly query: Record<string, string>;
}

export interface OfficialService {
  fetchOpenAPI(params: OfficialFetchParams): Promise<OfficialResponse>;
}

interface OfficialSdk {
  Service: new (options: OfficialServiceOptions) => OfficialService;
}

const officialSdk = createRequire(import.meta.url)('@volcengine/openapi') as OfficialSdk;

export function createOfficialService(options: OfficialServiceOptions): OfficialService {
  return new officialSdk.Service(options);
}
