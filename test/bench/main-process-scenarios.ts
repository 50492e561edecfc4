import { makeInstance, makeKeyPair } from '../../electron/simulator/fleet-builders';
import type { FleetDefinition } from '../../electron/simulator/simulator-types';
import { valueOf } from '../electron/support/app-under-test';
import { round, type Measurement } from './bench-results';
import { startBenchCore } from './bench-core';

const latencyMs = 50;
const regionId = 'cn-beijing';
/** The API's most per request (DescribeInstances MaxResults, InstanceIds.N). */
const perRequest = 100;

interface InventoryRun {
  instanceRequests: number;
  otherRequests: number;
  wallMs: number;
  instances: number;
}

/** One full inventory load of a region through window.api, timed from the call to its answer. */
async function loadInventory(instances: number, pageSize: number | undefined): Promise<InventoryRun> {
  const bench = await startBenchCore(
    { generate: { seed: 8, instances, regions: [regionId] }, latencyMs },
    pageSize === undefined ? {} : { instancePageSize: pageSize },
  );
  try {
    bench.simulator.clearRequests();
    const started = performance.now();
    const inventory = valueOf(await bench.api.inventory.load({ profileId: bench.profileId, regionId, jobId: 'bench-load' }));
    const wallMs = performance.now() - started;
    const actions = bench.simulator.requests.map((request) => request.action);
    const instanceRequests = actions.filter((action) => action === 'DescribeInstances').length;
    return { instanceRequests, otherRequests: actions.length - instanceRequests, wallMs, instances: inventory.instances.length };
  } finally {
    await bench.close();
  }
}

/**
 * Inventory of N instances at 50 ms per request. The ideal is one request per 100 instances, each one round trip,
 * one after another (NextToken makes paging sequential). The baseline pages at the API's default size of 10.
 */
export async function inventoryScenarios(instances: number, options: { measureBaseline: boolean; baselineFrom?: InventoryRun }): Promise<{ measurements: Measurement[]; baseline: InventoryRun | undefined }> {
  const pages = Math.ceil(instances / perRequest);
  const idealMs = pages * latencyMs;
  const run = await loadInventory(instances, undefined);
  if (run.instances !== instances) throw new Error(`inventory loaded ${run.instances} of ${instances} instances`);
  let baseline: InventoryRun | undefined;
  let note: string | undefined;
  if (options.measureBaseline) {
    baseline = await loadInventory(instances, 10);
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
        target: { equals: pages },
        baseline: baseline?.instanceRequests ?? null,
        note: `plus ${run.otherRequests} DescribeKeyPairs request(s)`,
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
    const inventory = valueOf(await bench.api.inventory.load({ profileId: bench.profileId, regionId, jobId: 'bench-load' }));
    const keyPair = { keyPairId: 'kp-benchmark000000000001', keyPairName: 'bench-key' };
    const plan = valueOf(
      await bench.api.operations.plan({
        profileId: bench.profileId,
        regionId,
        action: 'detach-key-pair',
        keyPair,
        forceStop: false,
        instanceIds: inventory.instances.map((instance) => instance.instanceId),
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
