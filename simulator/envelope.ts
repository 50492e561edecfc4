import type { ApiError } from './api-error';

export const apiVersion = '2020-04-01';
export const serviceName = 'ecs';

export interface ResponseIdentity {
  readonly requestId: string;
  /** As the request named them, even when they are wrong: the real gateway echoes what it was asked. */
  readonly action: string;
  readonly version: string;
  /** The region of the credential scope; empty when the request carried none that could be read. */
  readonly region: string;
}

function metadata(identity: ResponseIdentity) {
  return {
    RequestId: identity.requestId,
    Action: identity.action,
    Version: identity.version,
    Service: serviceName,
    Region: identity.region,
  };
}

/** `{"ResponseMetadata":{...},"Result":{...}}`, the spec's success envelope. */
export function successEnvelope(identity: ResponseIdentity, result: unknown): string {
  return JSON.stringify({ ResponseMetadata: metadata(identity), Result: result });
}

/** The failure envelope: `Error` inside ResponseMetadata and no `Result` at all. */
export function errorEnvelope(identity: ResponseIdentity, error: ApiError): string {
  return JSON.stringify({
    ResponseMetadata: {
      ...metadata(identity),
      Error: { Code: error.code, CodeN: error.codeN, Message: error.message },
    },
  });
}

/**
 * Request IDs shaped like the real ones (a timestamp then hex), from a counter rather than randomness so that a
 * run can be replayed and its log compared.
 */
export function createRequestIdSource(now: () => Date): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    const stamp = now().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return `${stamp}${counter.toString(16).toUpperCase().padStart(18, '0')}`;
  };
}
