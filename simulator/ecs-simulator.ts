/**
 * A faithful Volcengine ECS OpenAPI server on loopback, for tests, benchmarks and the app's demo mode. It follows
 * electron/volcengine/volcengine-ecs-spec.md: GET with every parameter in the query, `Action` and
 * `Version=2020-04-01`, HMAC-SHA256 signatures verified like the real gateway, and the JSON envelope
 * `{"ResponseMetadata":{RequestId,Action,Version,Service,Region[,Error]},"Result":{...}}`.
 *
 * Actions: DescribeRegions, DescribeInstances, DescribeKeyPairs, DescribeZones, DetachKeyPair, AttachKeyPair,
 * RebootInstances, RebootInstance. The region comes from the signature's credential scope and selects that
 * region's fleet. DescribeZones lists the zones the region's definition declares, in that order, empty ones
 * included, and never pages (MaxResults and NextToken are ignored; unknown ZoneIds.N are left out, not refused). A
 * hand-made fleet whose instances sit in an undeclared zone thereby plays a DescribeZones that misses a zone.
 *
 * Options (EcsSimulatorOptions):
 * - host / port: where to listen; 127.0.0.1 and 0 (any free port) by default.
 * - credentials: the accepted access keys; one with `sessionToken` is an STS key whose requests must carry the
 *   token in X-Security-Token.
 * - fleet: an explicit account (see fleet-builders.ts), or `generate: { seed, instances, regions?, zoneWeights? }`
 *   for a seeded one (fleet-generator.ts; zoneWeights gives every region that many zones, filled by weight, 0 for
 *   an empty zone). Without either, a 100-instance fleet from seed 1.
 * - latencyMs: time spent on every routed request before anything is applied (after a ClientToken is reserved, so
 *   a concurrent duplicate sees it in flight and gets 412 IdempotentProcessing).
 * - flowLimit: `{ ratePerSecond, burst }`, a token bucket for the whole simulator; over it, 429 FlowLimitExceeded
 *   with Retry-After (whole seconds). Checked after authentication. Off when absent (also `setFlowLimit`).
 * - readFlowLimit: the same, a second bucket that only the Describe* actions draw from (also
 *   `setReadFlowLimit`), for a gateway that limits reads apart from writes. With both set a read needs a token
 *   from each; a refused request takes none, and Retry-After is the longer wait. Off when absent.
 * - faults: FaultRule[] (fault-injection.ts), each matched by `action`, by the instances a request names
 *   (`instanceIds`) and by count (`skip`: let the first N through; `times`: the next N matching requests;
 *   `every`: every Nth). Kinds:
 *   internal-error (500), destroy-before-apply, destroy-after-apply (the change happens, the client never hears),
 *   html-502 (a proxy's page), truncated-json, empty-body, slow-reply (`delayMs`, default 35 s),
 *   instance-flow-limit (per-instance FlowLimitExceeded in OperationDetails), api-error (`code`, any of
 *   api-error.ts, answered with its status and `retryAfterSeconds` as Retry-After; nothing applied).
 * - rebootDurationMs: how long a rebooted instance shows REBOOTING (0 by default: it stays RUNNING); also
 *   `setRebootDuration`.
 * - rebootTrouble: `[{ instanceIds, ending }]`, reboots that go wrong after they were accepted (as a bad image or a
 *   full disk makes them): `stays-rebooting` never comes back, `error` ends in ERROR after the reboot duration.
 *   Also `setRebootTrouble`. The request itself still succeeds, as it does on Volcengine.
 * - now: the clock for signature time checks, the flow limit and reboots; the real clock by default.
 * - clockOffsetMs: added to that clock (also `setClockOffset`), so the gateway's time drifts from the client's and
 *   signed requests past the 15-minute window are refused with 403 InvalidTimestamp, as a skewed clock causes.
 * - invalidTimestampStatus: 403 (default, the ECS page's status for that refusal) or 400 (the platform page's).
 * - requireSignedHost: SignedHeaders must name host (default false: Volcengine accepts whatever set the client
 *   signed, x-date alone for the official Node client; true is a stricter rule than the service's).
 * - hostRegions: `{ host: regionIds }`, which regions a `Host` serves (host-routing.ts; also `setHostRegions`); a
 *   host not named serves every region, and without it every host does. A region that exists but is asked of the
 *   wrong host is answered 404 ServiceNotFound. `officialHostLayout(regions)` gives Volcengine's own layout.
 *
 * Choices where the spec is silent are documented where they are made: detaching a key pair that is not the one
 * bound answers a per-instance `InvalidKeyPair.NotBound` (actions/key-pair-operation.ts); an unknown region in
 * the scope is `InvalidCredential`; a region asked of the wrong host is `ServiceNotFound`; a missing X-Date is `MissingRequestInfo` (request-auth.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionOutcome, RebootEnding } from './actions/action-types';
import { createChangeCounter } from './change-counter';
import { createDelayScheduler } from './delay-scheduler';
import { createFaultInjector } from './fault-injection';
import type { FaultRule } from './fault-injection';
import { generateFleet } from './fleet-generator';
import type { GenerateFleetOptions } from './fleet-generator';
import { createFleetState } from './fleet-state';
import type { FleetState } from './fleet-state';
import { createFlowLimiter } from './flow-limiter';
import type { FlowLimit, FlowLimiter } from './flow-limiter';
import { createRequestHandler } from './http-handler';
import { createHostRouting } from './host-routing';
import type { HostRegions } from './host-routing';
import { createIdempotencyStore } from './idempotency-store';
import { createRequestVerifier } from './request-auth';
import { createRequestLog } from './request-log';
import type { LoggedRequest } from './request-log';
import { createRouter, isReadAction } from './router';
import type { FleetDefinition, SimulatorCredential } from './simulator-types';

export interface EcsSimulatorOptions {
  readonly host?: string | undefined;
  readonly port?: number | undefined;
  readonly credentials: readonly SimulatorCredential[];
  readonly fleet?: FleetDefinition | undefined;
  readonly generate?: GenerateFleetOptions | undefined;
  readonly latencyMs?: number | undefined;
  readonly flowLimit?: FlowLimit | null | undefined;
  /** A bucket for Describe* actions alone, on top of `flowLimit`. */
  readonly readFlowLimit?: FlowLimit | null | undefined;
  readonly faults?: readonly FaultRule[] | undefined;
  readonly rebootDurationMs?: number | undefined;
  readonly rebootTrouble?: readonly RebootTrouble[] | undefined;
  readonly now?: (() => Date) | undefined;
  /** Milliseconds added to `now`: the simulated gateway's clock is that far ahead (negative: behind). */
  readonly clockOffsetMs?: number | undefined;
  /** The status of a clock-skew InvalidTimestamp: 403 (default, the ECS page) or 400 (the platform page). */
  readonly invalidTimestampStatus?: 400 | 403 | undefined;
  /** Whether SignedHeaders must include host (default false, as Volcengine; see authorization-header.ts). */
  readonly requireSignedHost?: boolean | undefined;
  /** Which regions each `Host` serves (host-routing.ts); every host serves every region without it. */
  readonly hostRegions?: HostRegions | undefined;
}

/** Instances whose reboots go wrong (see `rebootTrouble`). */
export interface RebootTrouble {
  readonly instanceIds: readonly string[];
  readonly ending: Exclude<RebootEnding, 'running'>;
}

export interface EcsSimulator {
  /** `http://127.0.0.1:<port>`, the endpoint to configure. */
  readonly url: string;
  readonly port: number;
  /** The live account; change it through its methods to set up a test's state. */
  readonly fleet: FleetState;
  /** How many times an instance was actually changed by DetachKeyPair, AttachKeyPair or a reboot. */
  changeCount(instanceId: string): number;
  changeCounts(): ReadonlyMap<string, number>;
  resetChangeCounts(): void;
  /** Every request received, in arrival-completion order. */
  readonly requests: readonly LoggedRequest[];
  clearRequests(): void;
  /** Mutating requests that reserved a ClientToken and have not been applied yet. */
  inFlightCount(): number;
  setFaults(rules: readonly FaultRule[]): void;
  addFault(rule: FaultRule): void;
  setLatency(latencyMs: number): void;
  /**
   * Ends every wait now (slow replies and latency alike): the answers go out at once. A test holds a page with a
   * slow reply to look at a listing in progress, however slowly the machine runs, then lets it finish.
   */
  releaseWaits(): void;
  /** Replaces the bucket (full); null removes the limit. */
  setFlowLimit(limit: FlowLimit | null): void;
  /** Replaces the read bucket (full); null removes it. See `readFlowLimit`. */
  setReadFlowLimit(limit: FlowLimit | null): void;
  setCredentials(credentials: readonly SimulatorCredential[]): void;
  setRebootDuration(ms: number): void;
  /** Replaces the reboots that go wrong; see `rebootTrouble`. */
  setRebootTrouble(trouble: readonly RebootTrouble[]): void;
  /** Moves the gateway's clock away from the real one (0 puts it back); see `clockOffsetMs`. */
  setClockOffset(offsetMs: number): void;
  /** Replaces the host layout (undefined: every host serves every region again); see `hostRegions`. */
  setHostRegions(layout: HostRegions | undefined): void;
  close(): Promise<void>;
}

const defaultFleetOptions: GenerateFleetOptions = { seed: 1, instances: 100 };

function checkedOffset(value: number | undefined): number {
  const ms = value ?? 0;
  if (!Number.isFinite(ms)) throw new RangeError('clockOffsetMs must be a finite number');
  return ms;
}

function endingsOf(trouble: readonly RebootTrouble[]): Map<string, RebootEnding> {
  return new Map(trouble.flatMap((rule) => rule.instanceIds.map((instanceId) => [instanceId, rule.ending] as const)));
}

function checkedDelay(name: string, value: number | undefined): number {
  const ms = value ?? 0;
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`${name} must be a finite number >= 0`);
  return ms;
}

export async function startEcsSimulator(options: EcsSimulatorOptions): Promise<EcsSimulator> {
  const clock = options.now ?? (() => new Date());
  let clockOffsetMs = checkedOffset(options.clockOffsetMs);
  const now = () => (clockOffsetMs === 0 ? clock() : new Date(clock().getTime() + clockOffsetMs));
  const fleet = createFleetState(options.fleet ?? generateFleet(options.generate ?? defaultFleetOptions));
  const changes = createChangeCounter();
  const log = createRequestLog();
  const delays = createDelayScheduler();
  const faults = createFaultInjector(options.faults ?? []);
  const idempotency = createIdempotencyStore<ActionOutcome>();
  let credentials = new Map(options.credentials.map((credential) => [credential.accessKeyId, credential]));
  let latencyMs = checkedDelay('latencyMs', options.latencyMs);
  let rebootDurationMs = checkedDelay('rebootDurationMs', options.rebootDurationMs);
  let rebootEndings = endingsOf(options.rebootTrouble ?? []);
  let flowLimiter: FlowLimiter | undefined = options.flowLimit ? createFlowLimiter(options.flowLimit) : undefined;
  let readFlowLimiter: FlowLimiter | undefined = options.readFlowLimit ? createFlowLimiter(options.readFlowLimit) : undefined;
  let hostRegions = options.hostRegions;
  let closed = false;

  const handler = createRequestHandler({
    verify: createRequestVerifier({
      findCredential: (accessKeyId) => credentials.get(accessKeyId),
      isServedRegion: (regionId) => fleet.region(regionId) !== undefined,
      routeHost: createHostRouting(() => hostRegions),
      invalidTimestampStatus: options.invalidTimestampStatus ?? 403,
      requireSignedHost: options.requireSignedHost ?? false,
    }),
    route: createRouter({
      fleet,
      changes,
      idempotency,
      nowMs: () => now().getTime(),
      wait: delays.wait,
      latencyMs: () => latencyMs,
      rebootDurationMs: () => rebootDurationMs,
      rebootEnding: (instanceId) => rebootEndings.get(instanceId) ?? 'running',
      isClosed: () => closed,
    }),
    faults,
    flowLimiter: () => flowLimiter,
    readFlowLimiter: () => readFlowLimiter,
    isReadAction,
    fleet,
    log,
    now,
    wait: delays.wait,
  });

  const server = createServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    fleet,
    changeCount: changes.count,
    changeCounts: changes.snapshot,
    resetChangeCounts: changes.reset,
    requests: log.entries,
    clearRequests: log.clear,
    inFlightCount: idempotency.inFlightCount,
    setFaults: faults.replace,
    addFault: faults.add,
    setLatency(value) {
      latencyMs = checkedDelay('latencyMs', value);
    },
    releaseWaits: delays.releaseAll,
    setFlowLimit(limit) {
      flowLimiter = limit ? createFlowLimiter(limit) : undefined;
    },
    setReadFlowLimit(limit) {
      readFlowLimiter = limit ? createFlowLimiter(limit) : undefined;
    },
    setCredentials(list) {
      credentials = new Map(list.map((credential) => [credential.accessKeyId, credential]));
    },
    setRebootDuration(ms) {
      rebootDurationMs = checkedDelay('rebootDurationMs', ms);
    },
    setRebootTrouble(trouble) {
      rebootEndings = endingsOf(trouble);
    },
    setClockOffset(offsetMs) {
      clockOffsetMs = checkedOffset(offsetMs);
    },
    setHostRegions(layout) {
      hostRegions = layout;
    },
    async close() {
      if (closed) return;
      closed = true;
      delays.releaseAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
