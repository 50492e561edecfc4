import { makeInstance, makeKeyPair } from '../../simulator/fleet-builders';
import type { FleetDefinition } from '../../simulator/simulator-types';
import { valueOf, type AppUnderTest } from '../electron/support/app-under-test';
import { listInventory } from '../electron/support/list-inventory';
import { round, type Measurement } from './bench-results';
import { startBenchCore } from './bench-core';

const latencyMs = 50;
const regionId = 'cn-beijing';
/** The API's most per request (DescribeInstances MaxResults, InstanceIds.N). */
const perRequest = 100;

interface InventoryRun {
  instanceRequests: number;
  otherRequests: number;
  /** The DescribeInstances requests the listing needs: the unfiltered first page, then every zone's pages. */
  idealRequests: number;
  wallMs: number;
  instances: number;
  mode: string | null;
}

/** One page of a listing per zone's 100 (or `pageSize`) instances, plus the first unfiltered page. */
function requestsFor(bench: AppUnderTest, pageSize: number): number {
  const counts = new Map<string, number>();
  for (const instance of bench.simulator.fleet.region(regionId)!.instances) counts.set(instance.zoneId, (counts.get(instance.zoneId) ?? 0) + 1);
  return 1 + [...counts.values()].reduce((sum, count) => sum + Math.ceil(count / pageSize), 0);
}

/**
 * One listing of a whole region through window.api, as choosing it does (the key pairs alongside), timed from the
 * call to the end of both; the settings are the app's defaults unless `readRate` is given.
 */
async function listRegion(options: { instances: number; pageSize?: number; zoneWeights?: number[]; readRate?: number }): Promise<InventoryRun> {
  const bench = await startBenchCore(
    { generate: { seed: 8, instances: options.instances, regions: [regionId], ...(options.zoneWeights ? { zoneWeights: options.zoneWeights } : {}) }, latencyMs },
    options.pageSize === undefined ? {} : { instancePageSize: options.pageSize },
    { recordEvents: false },
  );
  try {
    if (options.readRate !== undefined) valueOf(await bench.api.settings.update({ readRequestsPerSecond: options.readRate }));
    bench.simulator.clearRequests();
    const started = performance.now();
    const [listing] = await Promise.all([
      bench.api.inventory.list({ profileId: bench.profileId, regionId, jobId: 'bench-list', scope: { kind: 'region' } }),
      bench.api.inventory.listKeyPairs({ profileId: bench.profileId, regionId }),
    ]);
    const wallMs = performance.now() - started;
    const progress = valueOf(listing);
    if (progress.state !== 'complete') throw new Error(`the listing ended ${progress.state}`);
    const actions = bench.simulator.requests.map((request) => request.action);
    const instanceRequests = actions.filter((action) => action === 'DescribeInstances').length;
    return {
      instanceRequests,
      otherRequests: actions.length - instanceRequests,
      idealRequests: requestsFor(bench, options.pageSize ?? perRequest),
      wallMs,
      instances: progress.received,
      mode: progress.mode,
    };
  } finally {
    await bench.close();
  }
}

/**
 * Inventory of N instances at 50 ms per request, at the app's default settings (20 reads per second). The ideal is
 * one request per 100 instances, each one round trip, one after another: what NextToken paging costs, and what
 * the default read pace allows even when zones are listed side by side. The baseline pages at the API's default
 * size of 10.
 */
export async function inventoryScenarios(instances: number, options: { measureBaseline: boolean; baselineFrom?: InventoryRun }): Promise<{ measurements: Measurement[]; baseline: InventoryRun | undefined }> {
  const pages = Math.ceil(instances / perRequest);
  const idealMs = pages * latencyMs;
  const run = await listRegion({ instances });
  if (run.instances !== instances) throw new Error(`the listing read ${run.instances} of ${instances} instances`);
  let baseline: InventoryRun | undefined;
  let note: string | undefined;
  if (options.measureBaseline) {
    baseline = await listRegion({ instances, pageSize: 10 });
  } else if (options.baselineFrom) {
    // Paging is linear (each page costs the same), so a 50,000-instance baseline of 5,000 requests is the
    // 10,000-instance one scaled; measuring it would spend four of the bench's minutes on a known answer.
    const scale = instances / options.baselineFrom.instances;
    baseline = { ...options.baselineFrom, instanceRequests: Math.ceil(instances / 10), wallMs: options.baselineFrom.wallMs * scale, instances };
    note = 'baseline scaled from the 10k baseline (BENCH_FULL=1 measures it)';
  }
  const label = `Inventory ${instances / 1000}k`;
  return {
    baseline,
    measurements: [
      {
        name: label,
        metric: 'DescribeInstances requests',
        value: run.instanceRequests,
        unit: 'req',
        // One page per 100 instances of each zone, and the first unfiltered page that shows rows after one round trip.
        target: { equals: run.idealRequests },
        baseline: baseline?.instanceRequests ?? null,
        note: `listed ${run.mode === 'zones' ? 'zone by zone' : 'in one sequence'}: the first unfiltered page, then ceil(n/100) per zone (${pages} for the region as one); plus ${run.otherRequests} other request(s) (DescribeZones, DescribeKeyPairs)`,
      },
      {
        name: label,
        metric: `wall time (ideal ${round(idealMs / 1000, 2)} s)`,
        value: round(run.wallMs / 1000, 2),
        unit: 's',
        target: { max: round((idealMs * 1.1) / 1000, 2) },
        baseline: baseline === undefined ? null : round(baseline.wallMs / 1000, 2),
        ...(note === undefined ? {} : { note }),
      },
      {
        name: label,
        metric: 'wall time / ideal',
        value: round(run.wallMs / idealMs, 3),
        unit: '×',
        target: { max: 1.1 },
        baseline: baseline === undefined ? null : round(baseline.wallMs / idealMs, 2),
      },
    ],
  };
}

/** Four zones holding 8, 4, 2 and 1 fifteenths of the region: a real region's zones are rarely even. */
const unevenZones = [8, 4, 2, 1];
/** A read pace that does not bind at 50 ms a request: four zones side by side send 80 a second at most. */
const unboundReadRate = 100;

/**
 * A region of N instances in four uneven zones, listed zone by zone. The zone-parallel ideal is the largest zone's
 * pages, one round trip each (the others finish within it); the sequential ideal is every page one after another.
 */
export async function zoneParallelScenarios(instances: number): Promise<Measurement[]> {
  const run = await listRegion({ instances, zoneWeights: unevenZones, readRate: unboundReadRate });
  if (run.instances !== instances || run.mode !== 'zones') throw new Error(`the zone listing read ${run.instances} of ${instances} (${run.mode})`);
  const bench = await startBenchCore({ generate: { seed: 8, instances, regions: [regionId], zoneWeights: unevenZones } }, {}, { recordEvents: false });
  const counts = new Map<string, number>();
  for (const instance of bench.simulator.fleet.region(regionId)!.instances) counts.set(instance.zoneId, (counts.get(instance.zoneId) ?? 0) + 1);
  await bench.close();
  const zonePages = [...counts.values()].map((count) => Math.ceil(count / perRequest));
  const parallelIdealMs = Math.max(...zonePages) * latencyMs;
  const sequentialIdealMs = Math.ceil(instances / perRequest) * latencyMs;
  const label = `Inventory ${instances / 1000}k, 4 uneven zones`;
  const note = `zones of ${[...counts.values()].map((count) => count.toLocaleString('en-US')).join(' / ')} instances; ${run.wallMs.toFixed(0)} ms in all; ${run.instanceRequests} DescribeInstances requests; read pace ${unboundReadRate}/s (the default 20/s would bind at 50 ms a request)`;
  return [
    {
      name: label,
      metric: `wall time / zone-parallel ideal (${round(parallelIdealMs / 1000, 2)} s)`,
      value: round(run.wallMs / parallelIdealMs, 3),
      unit: '×',
      target: { max: 1.15 },
      baseline: null,
      note,
    },
    {
      name: label,
      metric: `wall time / sequential ideal (${round(sequentialIdealMs / 1000, 2)} s)`,
      value: round(run.wallMs / sequentialIdealMs, 3),
      unit: '×',
      target: null,
      baseline: null,
    },
  ];
}

/** N running Linux instances, all bound to one key pair: every one of them is detachable. */
function detachFleet(instances: number): FleetDefinition {
  const keyPair = makeKeyPair({ keyPairId: 'kp-benchmark000000000001', keyPairName: 'bench-key' });
  return {
    regions: [
      {
        regionId,
        zoneIds: ['cn-beijing-a'],
        keyPairs: [keyPair],
        instances: Array.from({ length: instances }, (_, index) =>
          makeInstance({ instanceId: `i-bench${String(index).padStart(13, '0')}`, keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName }),
        ),
      },
    ],
  };
}

interface DetachRun {
  requests: number;
  flowLimited: number;
  wallMs: number;
  succeeded: number;
}

/** Loads, plans and runs a detach of every instance through window.api; timed from start to the last outcome. */
async function detachAll(instances: number, flowLimit: { ratePerSecond: number; burst: number }, concurrency: number | undefined): Promise<DetachRun> {
  const bench = await startBenchCore({ fleet: detachFleet(instances), latencyMs: 0 });
  try {
    if (concurrency !== undefined) valueOf(await bench.api.settings.update({ requestConcurrency: concurrency }));
    // Set-up, not measured: the key pair's instances listed as choosing it does, at the fastest read pace.
    valueOf(await bench.api.settings.update({ readRequestsPerSecond: 100 }));
    const keyPair = { keyPairId: 'kp-benchmark000000000001', keyPairName: 'bench-key' };
    const listed = await listInventory(bench, { kind: 'key-pair', keyPair }, regionId);
    const plan = valueOf(
      await bench.api.operations.plan({
        profileId: bench.profileId,
        regionId,
        action: 'detach-key-pair',
        keyPair,
        forceStop: false,
        instanceIds: listed.instances.map((instance) => instance.instanceId),
      }),
    );
    // The latency and the flow limit apply to the operation only, not to the set-up above.
    bench.simulator.setLatency(latencyMs);
    bench.simulator.setFlowLimit(flowLimit);
    bench.simulator.clearRequests();
    const started = performance.now();
    const { operationId } = valueOf(await bench.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
    const result = await bench.core.operations.settled(operationId);
    const wallMs = performance.now() - started;
    const detaches = bench.simulator.requests.filter((request) => request.action === 'DetachKeyPair');
    return {
      requests: detaches.length,
      flowLimited: detaches.filter((request) => request.errorCode === 'FlowLimitExceeded').length,
      wallMs,
      succeeded: result.outcomes.filter((outcome) => outcome.status === 'succeeded').length,
    };
  } finally {
    await bench.close();
  }
}

/**
 * Detach of N instances at 50 ms latency under a flow limit of 20 requests per second. The flow limit is a token
 * bucket holding 2 tokens, so that a client sending exactly 20 per second is not refused for a millisecond of
 * jitter. The ideal: the first 2 requests at once, then one every 50 ms, the last answered one latency later.
 * The baseline sends one batch at a time (the concurrency setting at 1).
 */
export async function detachScenarios(instances: number): Promise<Measurement[]> {
  const flowLimit = { ratePerSecond: 20, burst: 2 };
  const requests = Math.ceil(instances / perRequest);
  const idealMs = (Math.max(0, requests - flowLimit.burst) / flowLimit.ratePerSecond) * 1000 + latencyMs;
  const run = await detachAll(instances, flowLimit, undefined);
  const baseline = await detachAll(instances, flowLimit, 1);
  const label = `Detach ${instances / 1000}k`;
  return [
    {
      name: label,
      metric: 'DetachKeyPair requests',
      value: run.requests,
      unit: 'req',
      target: { equals: requests },
      baseline: baseline.requests,
      note: `${run.flowLimited} refused with FlowLimitExceeded (baseline ${baseline.flowLimited}); ${run.succeeded} of ${instances} succeeded (baseline ${baseline.succeeded})`,
    },
    {
      name: label,
      metric: `wall time (ideal ${round(idealMs / 1000, 2)} s)`,
      value: round(run.wallMs / 1000, 2),
      unit: 's',
      target: { max: round((idealMs * 1.1) / 1000, 2) },
      baseline: round(baseline.wallMs / 1000, 2),
    },
    {
      name: label,
      metric: 'wall time / ideal',
      value: round(run.wallMs / idealMs, 3),
      unit: '×',
      target: { max: 1.1 },
      baseline: round(baseline.wallMs / idealMs, 2),
    },
    {
      name: label,
      metric: 'instances detached',
      value: run.succeeded,
      unit: '',
      target: { equals: instances },
      baseline: baseline.succeeded,
    },
  ];
}
