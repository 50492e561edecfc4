import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { makeInstance } from '../../simulator/fleet-builders';
import { instanceTypes } from '../../simulator/fleet-catalog';
import { generateFleet } from '../../simulator/fleet-generator';
import { createSignedClient, listParam, parseEnvelope } from './support/signed-client';
import type { SignedClient } from './support/signed-client';
import { testCredentials } from './support/test-fleet';

interface ZonesResult {
  Zones: Array<{ ZoneId: string; InstanceTypes: string[]; VolumeTypes: string[] }>;
}

const catalogueTypes = instanceTypes.map(([type]) => type.id);
// cn-beijing-c gets no instance at all; cn-shanghai keeps the catalogue's three zones by the same weights.
const fleet = generateFleet({ seed: 11, instances: 600, regions: ['cn-beijing', 'cn-shanghai'], zoneWeights: [3, 1, 0, 1] });

describe('ECS simulator DescribeZones', () => {
  let simulator: EcsSimulator;
  let client: SignedClient;

  beforeAll(async () => {
    simulator = await startEcsSimulator({ credentials: [testCredentials], fleet });
    client = createSignedClient(simulator.port, { credentials: testCredentials });
  });
  afterAll(() => simulator.close());

  const describeZones = async (params: Record<string, string> = {}, region = 'cn-beijing') => {
    const reply = await client.ecs('DescribeZones', params, { region });
    expect(reply.status).toBe(200);
    const envelope = parseEnvelope<ZonesResult>(reply);
    expect(envelope.ResponseMetadata).toMatchObject({ Action: 'DescribeZones', Region: region });
    if (!envelope.Result) throw new Error('DescribeZones answered without a Result');
    return envelope.Result;
  };

  it('lists the signed region\'s zones in their defined order, an empty zone included, with types and no paging', async () => {
    const beijing = fleet.regions[0];
    expect(beijing?.instances.some((instance) => instance.zoneId === 'cn-beijing-c')).toBe(false);
    const result = await describeZones();
    expect(Object.keys(result)).toEqual(['Zones']);
    expect(result.Zones.map((zone) => zone.ZoneId)).toEqual(['cn-beijing-a', 'cn-beijing-b', 'cn-beijing-c', 'cn-beijing-d']);
    for (const zone of result.Zones) {
      expect(zone.InstanceTypes).toEqual(catalogueTypes);
      expect(zone.VolumeTypes).toEqual(['ESSD_PL0', 'ESSD_FlexPL', 'PTSSD']);
    }
    const shanghai = await describeZones({}, 'cn-shanghai');
    expect(shanghai.Zones.map((zone) => zone.ZoneId)).toEqual(['cn-shanghai-a', 'cn-shanghai-b', 'cn-shanghai-c', 'cn-shanghai-d']);
  });

  it('answers only the zones ZoneIds.N names, in the region\'s order, leaving unknown IDs out rather than refusing', async () => {
    const result = await describeZones(listParam('ZoneIds', ['cn-beijing-d', 'cn-nowhere-x', 'cn-beijing-a', 'cn-shanghai-a', 'cn-beijing-d']));
    expect(result.Zones.map((zone) => zone.ZoneId)).toEqual(['cn-beijing-a', 'cn-beijing-d']);
    const none = await describeZones(listParam('ZoneIds', ['cn-nowhere-x']));
    expect(none.Zones).toEqual([]);
  });

  it('ignores MaxResults and NextToken, even ones DescribeInstances would refuse', async () => {
    const all = await describeZones();
    expect(await describeZones({ MaxResults: '1' })).toEqual(all);
    expect(await describeZones({ MaxResults: '100000', NextToken: 'not-a-token' })).toEqual(all);
  });

  it('is a read: it changes nothing and is logged like any other request', async () => {
    simulator.clearRequests();
    await describeZones(listParam('ZoneIds', ['cn-beijing-a']));
    expect(simulator.requests).toEqual([expect.objectContaining({ action: 'DescribeZones', httpStatus: 200, errorCode: undefined }) as unknown]);
    expect(simulator.changeCounts().size).toBe(0);
  });
});

describe('ECS simulator DescribeZones on a hand-made fleet', () => {
  it('lists only the zones the definition declares, with any extra instance type their instances run', async () => {
    const simulator = await startEcsSimulator({
      credentials: [testCredentials],
      fleet: {
        regions: [
          {
            regionId: 'cn-beijing',
            zoneIds: ['cn-beijing-b', 'cn-beijing-a'],
            keyPairs: [],
            instances: [
              makeInstance({ instanceId: 'i-inzoneb000000000001', zoneId: 'cn-beijing-b', instanceTypeId: 'ecs.custom.huge' }),
              makeInstance({ instanceId: 'i-inzonee000000000002', zoneId: 'cn-beijing-e', instanceTypeId: 'ecs.custom.tiny' }),
            ],
          },
        ],
      },
    });
    try {
      const client = createSignedClient(simulator.port, { credentials: testCredentials });
      const result = parseEnvelope<ZonesResult>(await client.ecs('DescribeZones')).Result;
      // cn-beijing-e holds an instance but is not declared: a DescribeZones that misses a zone, for clients to survive.
      expect(result?.Zones.map((zone) => zone.ZoneId)).toEqual(['cn-beijing-b', 'cn-beijing-a']);
      expect(result?.Zones[0]?.InstanceTypes).toEqual([...catalogueTypes, 'ecs.custom.huge']);
      expect(result?.Zones[1]?.InstanceTypes).toEqual(catalogueTypes);
    } finally {
      await simulator.close();
    }
  });
});
