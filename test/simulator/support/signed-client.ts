import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { signRequest } from '../../../electron/volcengine/sign';
import type { SigningCredentials } from '../../../electron/volcengine/sign';

export interface HttpReply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface OperationDetailJson {
  readonly InstanceId: string;
  readonly Error: { readonly Code: string; readonly Message: string } | null;
}

export interface Envelope<TResult = Record<string, unknown>> {
  readonly ResponseMetadata: {
    readonly RequestId: string;
    readonly Action: string;
    readonly Version: string;
    readonly Service: string;
    readonly Region: string;
    readonly Error?: { readonly Code: string; readonly CodeN: number; readonly Message: string };
  };
  readonly Result?: TResult;
}

export function parseEnvelope<TResult = Record<string, unknown>>(reply: HttpReply): Envelope<TResult> {
  return JSON.parse(reply.text) as Envelope<TResult>;
}

export function errorCodeOf(reply: HttpReply): string | undefined {
  return parseEnvelope(reply).ResponseMetadata.Error?.Code;
}

/** Sends exactly the given path and headers on a fresh connection (no keep-alive, so faults hit one request). */
export function sendRaw(
  port: number,
  pathWithQuery: string,
  headers: Record<string, string>,
  timeoutMs = 10_000,
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: pathWithQuery, method: 'GET', headers, agent: false });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error('client timeout')));
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    outgoing.end();
  });
}

export interface CallOptions {
  readonly region?: string;
  readonly service?: string;
  readonly date?: Date;
  readonly credentials?: SigningCredentials;
  /** Rewrites the signed query before sending, to simulate tampering on the way. */
  readonly tamperQuery?: (query: string) => string;
  /** Rewrites the signed headers before sending. */
  readonly tamperHeaders?: (headers: Record<string, string>) => Record<string, string>;
  readonly timeoutMs?: number;
}

export interface SignedClient {
  /** Signs `query` as given (Action and Version included by the caller) and sends it. */
  send(query: Record<string, string>, options?: CallOptions): Promise<HttpReply>;
  /** An ECS call: Action, Version=2020-04-01 and the parameters. */
  ecs(action: string, params?: Record<string, string>, options?: CallOptions): Promise<HttpReply>;
}

export function createSignedClient(
  port: number,
  defaults: { readonly credentials: SigningCredentials; readonly region?: string; readonly now?: () => Date },
): SignedClient {
  const send = (query: Record<string, string>, options: CallOptions = {}) => {
    const signed = signRequest({
      method: 'GET',
      host: `127.0.0.1:${port}`,
      path: '/',
      query,
      region: options.region ?? defaults.region ?? 'cn-beijing',
      service: options.service ?? 'ecs',
      credentials: options.credentials ?? defaults.credentials,
      date: options.date ?? defaults.now?.() ?? new Date(),
    });
    const queryText = options.tamperQuery ? options.tamperQuery(signed.canonicalQuery) : signed.canonicalQuery;
    const headers = options.tamperHeaders ? options.tamperHeaders({ ...signed.headers }) : signed.headers;
    return sendRaw(port, `/?${queryText}`, headers, options.timeoutMs);
  };
  return {
    send,
    ecs: (action, params = {}, options) => send({ Action: action, Version: '2020-04-01', ...params }, options),
  };
}

/** `{ 'InstanceIds.1': a, 'InstanceIds.2': b }` from a name and values. */
export function listParam(name: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value, index) => [`${name}.${index + 1}`, value]));
}
