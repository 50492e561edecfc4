import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { createEcsActions, type EcsActions } from './ecs-actions';
import { createEcsCaller } from './ecs-caller';
import { resolveEcsEndpoint } from './ecs-endpoint';
import { createUndiciTransport, type HttpTransport } from './http-transport';
import type { ProxyEndpoint } from './network-errors';
import { createProxyDispatcher, type ProxySetting } from './proxy-dispatcher';
import { createRequestPacer, type RequestPacer } from './request-pacer';
import { defaultRetryPolicyOptions, type RetryPolicyOptions } from './retry-policy';
import type { SigningCredentials } from './sign';

export interface EcsClientOptions {
  /** The whole exchange, body included. The official SDKs use 10 s (Node) to 30 s + 30 s (Python). */
  requestTimeoutMs: number;
  connectTimeoutMs: number;
  /** Batches of a change in flight at once. */
  batchConcurrency: number;
  /**
   * DetachKeyPair, AttachKeyPair and RebootInstances sends per second, retries included, spread evenly (see
   * request-pacer.ts); Infinity sends as fast as the concurrency allows.
   */
  changeRequestsPerSecond: number;
  /** DescribeInstances page size; 100 (the most the API allows) except in the benchmark's baseline. */
  instancePageSize: number;
  retry: RetryPolicyOptions;
}

const defaultEcsClientOptions: EcsClientOptions = {
  requestTimeoutMs: 30_000,
  connectTimeoutMs: 10_000,
  batchConcurrency: 4,
  instancePageSize: 100,
  changeRequestsPerSecond: 20,
  retry: defaultRetryPolicyOptions,
};

export interface EcsClientDependencies {
  /**
   * A private gateway or the simulator (`http://127.0.0.1:<port>`); without it, HTTPS to the region's own host as
   * the official SDKs choose it (endpoints.ts).
   */
  endpoint?: string | undefined;
  /** Only in the signature's credential scope (spec: "Transport"). */
  region: string;
  /** Read before every send, so a key changed in the keychain is used from the next request on. */
  credentials: () => Promise<SigningCredentials>;
  /** How to reach the endpoint, in order of precedence: a whole transport, an undici dispatcher, a proxy setting. */
  transport?: HttpTransport | undefined;
  dispatcher?: Dispatcher | undefined;
  /** When `dispatcher` goes through proxies, where they are (for telling proxy failures apart). */
  dispatcherProxies?: readonly ProxyEndpoint[] | undefined;
  proxy?: ProxySetting | undefined;
  now?: (() => number) | undefined;
  random?: (() => number) | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** ASCII, at most 64 characters (spec: ClientToken). */
  newClientToken?: (() => string) | undefined;
  /**
   * Paces every read, retries included. Flow limits are the account's, so the app shares one per profile across
   * all its clients (see cloud/profile-clients.ts); reads are unpaced without it.
   */
  readPacer?: RequestPacer | undefined;
  /**
   * Paces DetachKeyPair, AttachKeyPair and RebootInstances sends. The app shares one per profile (the account's
   * flow limits); without it the client paces its own changes at `changeRequestsPerSecond`.
   */
  changePacer?: RequestPacer | undefined;
  options?: (Partial<Omit<EcsClientOptions, 'retry'>> & { retry?: Partial<RetryPolicyOptions> | undefined }) | undefined;
}

export interface EcsClient extends EcsActions {
  readonly endpoint: string;
  readonly region: string;
  /** Closes connections the client opened itself; a dispatcher or transport passed in stays open. */
  close(): Promise<void>;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function transportFor(dependencies: EcsClientDependencies, options: EcsClientOptions): { transport: HttpTransport; owned?: Dispatcher } {
  if (dependencies.transport) return { transport: dependencies.transport };
  if (dependencies.dispatcher) {
    return { transport: createUndiciTransport({ dispatcher: dependencies.dispatcher, proxies: dependencies.dispatcherProxies ?? [] }) };
  }
  const { dispatcher, proxies } = createProxyDispatcher(dependencies.proxy ?? { mode: 'direct' }, { connectTimeoutMs: options.connectTimeoutMs });
  return { transport: createUndiciTransport({ dispatcher, proxies }), owned: dispatcher };
}

/** The resilient ECS client: signed, retried, validated calls and batched changes, with every dependency injectable. */
export function createEcsClient(dependencies: EcsClientDependencies): EcsClient {
  const endpoint = resolveEcsEndpoint(dependencies.endpoint, dependencies.region);
  const options: EcsClientOptions = {
    ...defaultEcsClientOptions,
    ...dependencies.options,
    retry: { ...defaultEcsClientOptions.retry, ...dependencies.options?.retry },
  };
  const { transport, owned } = transportFor(dependencies, options);
  const call = createEcsCaller({
    endpoint,
    region: dependencies.region,
    credentials: dependencies.credentials,
    transport,
    requestTimeoutMs: options.requestTimeoutMs,
    retry: {
      options: options.retry,
      now: dependencies.now ?? Date.now,
      random: dependencies.random ?? Math.random,
      sleep: dependencies.sleep ?? defaultSleep,
    },
  });
  const actions = createEcsActions({
    call,
    batchConcurrency: options.batchConcurrency,
    instancePageSize: options.instancePageSize,
    // Real time, not the injectable clock and sleep of the retry policy: the pace is of sends on the wire, and a
    // test that records or shortens retry waits must not see the pacer's waits among them.
    changePacer:
      dependencies.changePacer ?? createRequestPacer({ ratePerSecond: options.changeRequestsPerSecond, now: () => performance.now(), sleep: defaultSleep }),
    readPacer: dependencies.readPacer,
    newClientToken: dependencies.newClientToken ?? randomUUID,
  });
  return {
    ...actions,
    endpoint: endpoint.origin,
    region: dependencies.region,
    close: async () => {
      await owned?.close();
    },
  };
}
