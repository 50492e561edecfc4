import { request, type Dispatcher } from 'undici';
import { EcsError } from './ecs-error';
import { classifyNetworkError, type ProxyEndpoint } from './network-errors';

export interface HttpAnswer {
  status: number;
  /** Lowercase names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export interface HttpGetOptions {
  timeoutMs: number;
  /** Cancels the request; the transport then throws an `ECS_CANCELLED` error. */
  signal?: AbortSignal | undefined;
}

/** One HTTP GET, nothing more: no retries, no parsing. Network failures throw a classified `EcsError`. */
export interface HttpTransport {
  get(url: string, headers: Record<string, string>, options: HttpGetOptions): Promise<HttpAnswer>;
}

export interface UndiciTransportDependencies {
  dispatcher: Dispatcher;
  /** The proxies `dispatcher` may go through, so failing to reach one is reported as a proxy failure. */
  proxies?: readonly ProxyEndpoint[];
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

export function createUndiciTransport(dependencies: UndiciTransportDependencies): HttpTransport {
  const proxies = dependencies.proxies ?? [];
  return {
    async get(url, headers, options) {
      const timeout = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        timeout.abort();
      }, options.timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
      try {
        // The timer spans the whole exchange, body included: a server that trickles bytes must time out too.
        const answer = await request(url, { method: 'GET', headers, dispatcher: dependencies.dispatcher, signal });
        const body = await answer.body.text();
        return { status: answer.statusCode, headers: flattenHeaders(answer.headers), body };
      } catch (error) {
        if (options.signal?.aborted) {
          throw new EcsError({
            kind: 'cancelled',
            code: 'ECS_CANCELLED',
            message: 'The request was cancelled before an answer arrived.',
            mayHaveTakenEffect: true,
          });
        }
        if (timedOut) {
          // The timer may fire while connecting or after the request went out; it cannot tell which, so it
          // must assume the worse.
          throw new EcsError({
            kind: 'network',
            code: 'ECS_NETWORK_TIMEOUT',
            message: `No complete answer within ${options.timeoutMs} ms.`,
            mayHaveTakenEffect: true,
          });
        }
        const failure = classifyNetworkError(error, proxies);
        throw new EcsError({
          kind: 'network',
          code: failure.code,
          message: `Network failure (${failure.detail}).`,
          mayHaveTakenEffect: failure.mayHaveReachedServer,
        });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
