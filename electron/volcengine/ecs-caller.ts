import type { z } from 'zod';
import { EcsError, isEcsError } from './ecs-error';
import type { HttpTransport } from './http-transport';
import { parseEnvelope, type ParsedAnswer } from './response-envelope';
import { signRequest, type SignedRequest, type SigningCredentials } from './sign';
import { withRetries, type RetryRuntime } from './with-retries';

const ecsApiVersion = '2020-04-01';
const ecsService = 'ecs';

export interface EcsCallerDependencies {
  endpoint: URL;
  region: string;
  /** Read before every send: the keychain is the source of truth, and the admin may change keys mid-operation. */
  credentials: () => Promise<SigningCredentials>;
  transport: HttpTransport;
  requestTimeoutMs: number;
  retry: RetryRuntime;
}

export interface CallOptions {
  /** Cancels a read: aborts the request in flight and any wait between attempts. */
  signal?: AbortSignal | undefined;
  /** Awaited before each send (the journal records the send first). */
  onAttempt?: ((attempt: number) => void | Promise<void>) | undefined;
}

/** One signed, retried, validated ECS call. Every action goes through it. */
export type EcsCaller = <T>(
  action: string,
  params: Readonly<Record<string, string>>,
  resultSchema: z.ZodType<T>,
  options?: CallOptions,
) => Promise<ParsedAnswer<T>>;

async function readCredentials(read: () => Promise<SigningCredentials>): Promise<SigningCredentials> {
  try {
    return await read();
  } catch {
    // The provider's own error is not copied: it is the keychain's to report, and its text is not ours to vouch for.
    throw new EcsError({
      kind: 'credentials',
      code: 'ECS_CREDENTIALS_UNAVAILABLE',
      message: 'The access key could not be read.',
      mayHaveTakenEffect: false,
    });
  }
}

function secretsOf(credentials: SigningCredentials, headers: Record<string, string>): string[] {
  const authorization = headers.Authorization ?? '';
  const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1];
  return [credentials.secretAccessKey, credentials.sessionToken ?? '', authorization, signature ?? ''].filter((secret) => secret.length > 0);
}

export function createEcsCaller(dependencies: EcsCallerDependencies): EcsCaller {
  const { endpoint, transport, retry } = dependencies;
  const path = endpoint.pathname === '' ? '/' : endpoint.pathname;

  function sign(action: string, query: Record<string, string>, credentials: SigningCredentials): SignedRequest {
    try {
      return signRequest({
        method: 'GET',
        host: endpoint.host,
        path,
        query,
        region: dependencies.region,
        service: ecsService,
        credentials,
        date: new Date(retry.now()),
      });
    } catch (error) {
      // The signer names the field at fault, never its value, so its message is safe to keep.
      const reason = error instanceof Error ? error.message : 'unknown reason';
      throw new EcsError({
        kind: 'request-invalid',
        code: 'ECS_REQUEST_INVALID',
        message: `The request could not be signed: ${reason}.`,
        action,
        mayHaveTakenEffect: false,
      });
    }
  }

  async function attemptOnce<T>(action: string, query: Record<string, string>, resultSchema: z.ZodType<T>, signal: AbortSignal | undefined) {
    const credentials = await readCredentials(dependencies.credentials);
    const signed = sign(action, query, credentials);
    const url = `${endpoint.origin}${path}?${signed.canonicalQuery}`;
    try {
      const answer = await transport.get(url, signed.headers, { timeoutMs: dependencies.requestTimeoutMs, signal });
      return parseEnvelope(answer, { action, secrets: secretsOf(credentials, signed.headers), receivedAt: retry.now() }, resultSchema);
    } catch (error) {
      if (isEcsError(error) && error.action === undefined) throw error.with({ action });
      throw error;
    }
  }

  return async (action, params, resultSchema, options = {}) => {
    const query = { ...params, Action: action, Version: ecsApiVersion };
    return withRetries(() => attemptOnce(action, query, resultSchema, options.signal), retry, {
      signal: options.signal,
      onAttempt: options.onAttempt,
    });
  };
}
