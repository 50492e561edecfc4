import { Agent } from 'undici';
import { createFaultInjector, type FaultRule, type FaultTarget } from '../../../../simulator/fault-injection';
import { createEcsClient, type EcsClient, type EcsClientDependencies } from '../../../../electron/volcengine/ecs-client';
import { createUndiciTransport, type HttpTransport } from '../../../../electron/volcengine/http-transport';
import { closedPort } from '../../../support/closed-port';

/** Failures that happen before a request reaches any server, so the simulator cannot produce them itself. */
export type NetworkFailure = 'dns' | 'refused';

/** Which requests meet a network failure: the simulator's own rule fields, so both kinds of fault aim alike. */
export type NetworkFaultRule = Pick<FaultRule, 'action' | 'instanceIds' | 'region' | 'params' | 'skip' | 'times'> & { failure: NetworkFailure };

export interface FaultyNetworkOptions {
  /** The client's whole-request timeout; far below the 5 s the settings allow, so a timeout cell takes a second, not a minute. */
  requestTimeoutMs: number;
  /** The longest a retry wait really sleeps; the wait the client asked for is still recorded in `waits`. */
  realSleepCapMs: number;
}

export interface FaultyNetwork {
  /** For the app core: the real client, over a transport that sends the chosen requests where they cannot arrive. */
  createEcsClient: (dependencies: EcsClientDependencies) => EcsClient;
  addFault(rule: NetworkFaultRule): void;
  clearFaults(): void;
  /** Every wait between attempts the clients asked for, in ms (a `Retry-After` must show up here). */
  readonly waits: number[];
  close(): Promise<void>;
}

/** The host a DNS failure is sent to: `.invalid` never resolves (RFC 6761), so the resolver's real error comes back. */
export const unresolvableHost = 'kpd-reliability-matrix.invalid';

function targetOf(url: URL, region: string): FaultTarget {
  const query = url.searchParams;
  const listed = [...query.keys()].filter((key) => /^InstanceIds\.\d+$/.test(key)).map((key) => query.get(key) ?? '');
  const single = query.get('InstanceId');
  return {
    action: query.get('Action') ?? '',
    region,
    instanceIds: listed.length > 0 ? listed : single === null ? [] : [single],
    param: (name) => query.get(name) ?? undefined,
  };
}

/**
 * The app's own ECS client (signing, retries, error mapping, undici), with three test-only changes: a short request
 * timeout, retry waits recorded and shortened, and a network that fails on demand. A DNS failure rewrites the
 * request's host to an unresolvable name and a refused connection points it at a closed loopback port, so the
 * errors are the operating system's, classified by the app's own code.
 */
export async function createFaultyNetwork(options: FaultyNetworkOptions): Promise<FaultyNetwork> {
  const refusedPort = await closedPort();
  const agent = new Agent({ connect: { timeout: 2_000 } });
  const direct = createUndiciTransport({ dispatcher: agent });
  // The simulator's matcher decides which requests fail (skip, times, action, region, instances); the rule's
  // kind is a placeholder, as the failure is looked up by rule.
  const injector = createFaultInjector();
  const failures = new Map<FaultRule, NetworkFailure>();
  const waits: number[] = [];

  const transportFor = (region: string): HttpTransport => ({
    get(url, headers, getOptions) {
      const parsed = new URL(url);
      const rule = injector.next(targetOf(parsed, region));
      const failure = rule === undefined ? undefined : failures.get(rule);
      if (failure === 'dns') parsed.hostname = unresolvableHost;
      if (failure === 'refused') {
        parsed.hostname = '127.0.0.1';
        parsed.port = String(refusedPort);
      }
      return direct.get(parsed.toString(), headers, getOptions);
    },
  });

  return {
    createEcsClient: (dependencies) =>
      createEcsClient({
        ...dependencies,
        transport: transportFor(dependencies.region),
        sleep: async (ms) => {
          waits.push(ms);
          await new Promise((resolve) => setTimeout(resolve, Math.min(ms, options.realSleepCapMs)));
        },
        options: { ...dependencies.options, requestTimeoutMs: options.requestTimeoutMs },
      }),
    addFault({ failure, ...match }) {
      const rule: FaultRule = { kind: 'destroy-before-apply', ...match };
      failures.set(rule, failure);
      injector.add(rule);
    },
    clearFaults() {
      injector.replace([]);
      failures.clear();
    },
    waits,
    close: () => agent.close(),
  };
}
