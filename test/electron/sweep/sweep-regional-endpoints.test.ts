import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsClient } from '../../../electron/volcengine/ecs-client';
import { officialHostLayout } from '../../../simulator/host-routing';
import { bindSharedKeyPair } from '../../../simulator/shared-key-pair';
import type { Sweep } from '../../../shared/domain/sweep';
import { listInventory } from '../support/list-inventory';
import { simulatedVolcengineNetwork } from '../support/simulated-volcengine-network';
import { startAppUnderTest, testKeys, valueOf, type AppUnderTest } from '../support/app-under-test';

const keyPairName = 'departed-admin';
// A bootstrap region, which the official SDKs send to its own host, and an ordinary one, sent to the shared host.
const regions = ['ap-southeast-2', 'cn-beijing'];
const hostOf: Record<string, string> = { 'ap-southeast-2': 'ecs.ap-southeast-2.volcengineapi.com', 'cn-beijing': 'open.volcengineapi.com' };

let app: AppUnderTest;
let profileId: string;

beforeAll(async () => {
  // The simulator answers under Volcengine's own layout: each host serves only its regions, as the real ones do.
  // The network needs the simulator's address, known only once the app under test has started it.
  const network: { dispatcher?: ReturnType<typeof simulatedVolcengineNetwork> } = {};
  app = await startAppUnderTest(
    { generate: { seed: 16, instances: 200, regions }, hostRegions: officialHostLayout(regions) },
    { createEcsClient: (dependencies) => createEcsClient({ ...dependencies, dispatcher: network.dispatcher }) },
  );
  network.dispatcher = simulatedVolcengineNetwork(app.simulator.url, Object.values(hostOf));
  bindSharedKeyPair(app.simulator.fleet, { keyPairName, instancesPerRegion: 20, regionIds: regions });
  // A profile in a bootstrap region with no endpoint of its own: every request goes where the official SDKs send it.
  profileId = valueOf(await app.api.profiles.create({ name: 'sydney', ...testKeys, region: 'ap-southeast-2' })).id;
});
afterAll(async () => {
  await app.close();
});

const foundIn = (sweep: Sweep, regionId: string) => {
  const account = sweep.accounts[0];
  const region = account?.state === 'searched' ? account.regions.find((candidate) => candidate.regionId === regionId) : undefined;
  if (region?.state !== 'found') throw new Error(`expected ${keyPairName} in ${regionId}, got ${region?.state}`);
  return region;
};

describe('endpoints per region', () => {
  it('tests the connection of a profile in a bootstrap region at that region’s own host', async () => {
    app.simulator.clearRequests();
    const result = valueOf(await app.api.profiles.testConnection({ id: profileId }));
    expect(result.ok).toBe(true);
    expect(app.simulator.requests.map((entry) => [entry.action, entry.host])).toEqual([['DescribeRegions', hostOf['ap-southeast-2']]]);
  });

  it('lists the inventory of each region at that region’s host', async () => {
    for (const regionId of regions) {
      app.simulator.clearRequests();
      const listed = await listInventory({ api: app.api, events: app.events, profileId }, { kind: 'region' }, regionId);
      expect(listed.instances.length).toBe(app.simulator.fleet.region(regionId)!.instances.length);
      const reads = app.simulator.requests.filter((entry) => entry.region === regionId);
      expect(reads.length).toBeGreaterThan(0);
      // Whatever else the listing asked (the region list, signed for the profile's own region), each went to its host.
      expect(app.simulator.requests.filter((entry) => entry.host !== hostOf[entry.region])).toEqual([]);
    }
  });

  it('sends a sweep over a bootstrap region and an ordinary one to each region’s host, and says so in the plan and the History', async () => {
    app.simulator.clearRequests();
    const sweep = valueOf(await app.api.sweep.find({ profileIds: [profileId], keyPairName, jobId: 'sweep-endpoints-1' }));
    const plan = valueOf(
      await app.api.sweep.plan({
        sweepId: sweep.sweepId,
        parts: regions.map((regionId) => ({ profileId, regionId, instanceIds: foundIn(sweep, regionId).instances.map((instance) => instance.instanceId) })),
      }),
    );
    expect(Object.fromEntries(plan.plans.map((part) => [part.regionId, part.endpoint]))).toEqual({
      'ap-southeast-2': `https://${hostOf['ap-southeast-2']}`,
      'cn-beijing': `https://${hostOf['cn-beijing']}`,
    });
    const started = valueOf(await app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: keyPairName }));
    for (const { regionId, operationId } of started.operations) {
      const result = await app.core.operations.settled(operationId);
      // Some instances refuse per instance (no reset agent, a status); none fails for where its request went.
      expect(result.outcomes.filter((outcome) => outcome.status === 'succeeded').length).toBeGreaterThan(0);
      expect(result.outcomes.filter((outcome) => outcome.status === 'unknown' || outcome.status === 'not-sent')).toEqual([]);
      const history = valueOf(await app.api.history.get({ operationId }));
      expect(history.plan.endpoint).toBe(`https://${hostOf[regionId]}`);
    }

    const requests = app.simulator.requests;
    for (const regionId of regions) {
      const ofRegion = requests.filter((entry) => entry.region === regionId);
      expect([...new Set(ofRegion.map((entry) => entry.action))]).toEqual(expect.arrayContaining(['DescribeKeyPairs', 'DescribeInstances', 'DetachKeyPair']));
      expect(new Set(ofRegion.map((entry) => entry.host))).toEqual(new Set([hostOf[regionId]]));
    }
    expect(requests.filter((entry) => entry.httpStatus !== 200)).toEqual([]);
  });

  it('lets a profile’s own endpoint win, and shows the gateway’s ServiceNotFound when that endpoint does not serve the region', async () => {
    const pinned = valueOf(
      await app.api.profiles.create({ name: 'pinned', ...testKeys, region: 'ap-southeast-2', endpoint: `https://${hostOf['cn-beijing']}` }),
    );
    app.simulator.clearRequests();
    const result = valueOf(await app.api.profiles.testConnection({ id: pinned.id }));
    expect(result).toMatchObject({ ok: false, error: { code: 'ServiceNotFound', httpStatus: 404 } });
    expect(app.simulator.requests.map((entry) => [entry.region, entry.host, entry.errorCode])).toEqual([['ap-southeast-2', hostOf['cn-beijing'], 'ServiceNotFound']]);
  });
});
