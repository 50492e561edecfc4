import { afterEach, describe, expect, it } from 'vitest';
import { listRegion, type RegionListingClient, type RegionListingState } from '../../../electron/inventory/region-listing';
import { startEcsSimulator, type EcsSimulator, type EcsSimulatorOptions } from '../../../simulator/ecs-simulator';
import { makeInstance } from '../../../simulator/fleet-builders';
import { generateFleet } from '../../../simulator/fleet-generator';
import type { EcsClient } from '../../../electron/volcengine/ecs-client';
import { EcsError } from '../../../electron/volcengine/ecs-error';
import type { Instance } from '../../../shared/domain/ecs';
import { createTestClient, testCredentials } from '../volcengine/support/ecs-test-client';

let simulator: EcsSimulator | undefined;
let client: EcsClient | undefined;

afterEach(async () => {
  await client?.close();
  await simulator?.close();
  simulator = undefined;
  client = undefined;
});

async function start(options: Omit<EcsSimulatorOptions, 'credentials'>): Promise<{ simulator: EcsSimulator; client: EcsClient }> {
  simulator = await startEcsSimulator({ credentials: [testCredentials], ...options });
  client = createTestClient(simulator.url);
  return { simulator, client };
}

/** Runs a listing and keeps everything it handed over. */
async function listWith(listingClient: RegionListingClient, options: { zonesAtOnce?: number; signal?: AbortSignal; onInstances?: () => void } = {}) {
  const delivered: Instance[] = [];
  const states: RegionListingState[] = [];
  const outcome = await listRegion({
    client: listingClient,
    zonesAtOnce: options.zonesAtOnce ?? 4,
    signal: options.signal ?? new AbortController().signal,
    onInstances: (instances) => {
      delivered.push(...instances);
      options.onInstances?.();
    },
    onChange: (state) => states.push(state),
  });
  return { outcome, delivered, states };
}

const idsOf = (instances: readonly Instance[]) => instances.map((instance) => instance.instanceId).sort();
const requestsOf = (sim: EcsSimulator, action: string) => sim.requests.filter((request) => request.action === action);

describe('a region listed zone by zone', () => {
  it('reads every instance once, in the unfiltered first page plus one listing per zone, on very uneven zones', async () => {
    const { simulator: sim, client: ecs } = await start({ generate: { seed: 3, instances: 2_345, regions: ['cn-beijing'], zoneWeights: [60, 25, 10, 5, 0] } });
    const unfiltered = await ecs.describeInstances();
    sim.clearRequests();

    const { outcome, delivered } = await listWith(ecs, { zonesAtOnce: 2 });

    expect(outcome).toMatchObject({ complete: true, cancelled: false, error: null, mode: 'zones', zonesError: null, received: 2_345, totalCount: 2_345 });
    expect(delivered).toHaveLength(2_345);
    expect(idsOf(delivered)).toEqual(idsOf(unfiltered));
    // The same facts as the unfiltered listing, instance for instance.
    const byId = new Map(unfiltered.map((instance) => [instance.instanceId, instance]));
    for (const instance of delivered) expect(instance).toEqual(byId.get(instance.instanceId));
    expect(outcome.zones.map((zone) => zone.state)).toEqual(['complete', 'complete', 'complete', 'complete', 'complete']);
    expect(outcome.zones.at(-1)).toMatchObject({ received: 0, totalCount: 0 });
    const perZone = outcome.zones.reduce((sum, zone) => sum + Math.max(1, Math.ceil(zone.received / 100)), 0);
    expect(requestsOf(sim, 'DescribeInstances')).toHaveLength(1 + perZone);
    expect(requestsOf(sim, 'DescribeZones')).toHaveLength(1);
  });

  it('stops after the first page when it holds the whole region, and never lists the zones', async () => {
    const { simulator: sim, client: ecs } = await start({ generate: { seed: 4, instances: 60, regions: ['cn-beijing'] } });
    sim.clearRequests();
    const { outcome, delivered } = await listWith(ecs);
    expect(outcome).toMatchObject({ complete: true, mode: 'sequential', received: 60 });
    expect(delivered).toHaveLength(60);
    expect(requestsOf(sim, 'DescribeInstances')).toHaveLength(1);
  });

  it('falls back to one sequence, without reading anything twice, when DescribeZones fails, and says why', async () => {
    const { simulator: sim, client: ecs } = await start({
      generate: { seed: 5, instances: 730, regions: ['cn-beijing'] },
      faults: [{ kind: 'api-error', code: 'AccessDenied', action: 'DescribeZones' }],
    });
    sim.clearRequests();
    const { outcome, delivered } = await listWith(ecs);
    expect(outcome).toMatchObject({ complete: true, mode: 'sequential', received: 730 });
    expect(outcome.zonesError).toMatchObject({ code: 'CLOUD_REQUEST_FAILED', cloud: { code: 'AccessDenied' } });
    expect(new Set(idsOf(delivered)).size).toBe(730);
    expect(requestsOf(sim, 'DescribeInstances')).toHaveLength(8);
  });

  it('lists the region in one sequence when DescribeZones did not name a zone that holds instances', async () => {
    const region = generateFleet({ seed: 6, instances: 400, regions: ['cn-beijing'], zoneWeights: [1, 1, 1] }).regions[0]!;
    // An instance in a zone the account's DescribeZones does not show (a retired zone, say), far down the list.
    const hidden = makeInstance({ instanceId: 'i-hiddenzone0000000001', zoneId: 'cn-beijing-retired' });
    const { client: ecs } = await start({ fleet: { regions: [{ ...region, instances: [...region.instances, hidden] }] } });
    const { outcome, delivered } = await listWith(ecs);
    expect(outcome).toMatchObject({ complete: true, mode: 'sequential', received: 401 });
    expect(outcome.zonesError).toMatchObject({ cloud: { code: 'ECS_ZONES_INCOMPLETE' } });
    expect(idsOf(delivered)).toContain(hidden.instanceId);
  });

  it('marks a zone whose listing fails as failed, lists the others whole, and calls the region incomplete', async () => {
    const { client: ecs } = await start({ generate: { seed: 7, instances: 900, regions: ['cn-beijing'], zoneWeights: [3, 2, 1] } });
    const zones = await ecs.describeZones();
    const broken = zones[1]!.zoneId;
    const failing: RegionListingClient = {
      describeZones: (...args) => ecs.describeZones(...args),
      describeInstancesPage: (...args) => ecs.describeInstancesPage(...args),
      listInstances: async (filter, options) => {
        if (filter.zoneId !== broken) return ecs.listInstances(filter, options);
        throw new EcsError({ kind: 'api', code: 'InternalError', message: 'zone listing broke', httpStatus: 500, mayHaveTakenEffect: false });
      },
    };
    const all = await ecs.describeInstances();
    const { outcome, delivered } = await listWith(failing);
    expect(outcome.complete).toBe(false);
    expect(outcome.error).toMatchObject({ code: 'CLOUD_REQUEST_FAILED', cloud: { code: 'InternalError' } });
    expect(outcome.zones.find((zone) => zone.zoneId === broken)).toMatchObject({ state: 'failed', error: { cloud: { code: 'InternalError' } } });
    expect(outcome.zones.filter((zone) => zone.state === 'complete')).toHaveLength(2);
    const others = all.filter((instance) => instance.zoneId !== broken).map((instance) => instance.instanceId);
    expect(idsOf(delivered)).toEqual(expect.arrayContaining(others));
  });

  it('stops on cancel, keeps what arrived, and says it was cancelled', async () => {
    const { client: ecs } = await start({ generate: { seed: 8, instances: 3_000, regions: ['cn-beijing'] }, latencyMs: 5 });
    const controller = new AbortController();
    let pages = 0;
    const { outcome, delivered } = await listWith(ecs, {
      signal: controller.signal,
      onInstances: () => {
        pages += 1;
        if (pages === 3) controller.abort();
      },
    });
    expect(outcome).toMatchObject({ complete: false, cancelled: true, error: null });
    expect(delivered.length).toBeGreaterThan(0);
    expect(delivered.length).toBeLessThan(3_000);
    expect(outcome.received).toBe(delivered.length);
  });

  it('fails when the first page fails: nothing was read', async () => {
    const { client: ecs } = await start({
      generate: { seed: 9, instances: 300, regions: ['cn-beijing'] },
      faults: [{ kind: 'api-error', code: 'AccessDenied', action: 'DescribeInstances' }],
    });
    await expect(listWith(ecs)).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
