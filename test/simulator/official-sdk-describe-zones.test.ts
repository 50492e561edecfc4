import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { generateFleet } from '../../simulator/fleet-generator';
import { signWithOfficialSigner } from '../electron/volcengine/support/official-signer';
import { createOfficialService } from './support/official-client';
import { parseEnvelope, sendRaw } from './support/signed-client';
import { testCredentials } from './support/test-fleet';

interface ZonesResult {
  readonly Zones: ReadonlyArray<{ readonly ZoneId: string; readonly InstanceTypes: readonly string[]; readonly VolumeTypes: readonly string[] }>;
}

const fleet = generateFleet({ seed: 3, instances: 120, regions: ['cn-beijing', 'cn-shanghai'], zoneWeights: [2, 0, 1] });

describe('DescribeZones for the official @volcengine/openapi SDK', () => {
  let simulator: EcsSimulator;

  beforeAll(async () => {
    // The SDK's Service signs x-date alone, never host, which the simulator accepts by default, as Volcengine does.
    simulator = await startEcsSimulator({ credentials: [testCredentials], fleet });
  });
  afterAll(() => simulator.close());

  it('answers a request signed by the official Signer with the zones it names', async () => {
    const official = signWithOfficialSigner({
      method: 'GET',
      host: `127.0.0.1:${simulator.port}`,
      path: '/',
      query: { Action: 'DescribeZones', Version: '2020-04-01', 'ZoneIds.1': 'cn-beijing-c', 'ZoneIds.2': 'cn-beijing-b' },
      region: 'cn-beijing',
      service: 'ecs',
      credentials: testCredentials,
      date: new Date(),
    });
    const reply = await sendRaw(simulator.port, `/?${official.canonicalQuery}`, official.headers);
    expect(reply.status).toBe(200);
    const zones = parseEnvelope<ZonesResult>(reply).Result?.Zones;
    expect(zones?.map((zone) => zone.ZoneId)).toEqual(['cn-beijing-b', 'cn-beijing-c']);
  });

  it('answers the official Service client, which gets every zone of the region it signed for', async () => {
    const service = createOfficialService({
      host: `127.0.0.1:${simulator.port}`,
      protocol: 'http:',
      region: 'cn-shanghai',
      serviceName: 'ecs',
      accessKeyId: testCredentials.accessKeyId,
      secretKey: testCredentials.secretAccessKey,
      defaultVersion: '2020-04-01',
    });
    const all = await service.fetchOpenAPI({ Action: 'DescribeZones', method: 'GET', query: {} });
    expect(all.ResponseMetadata.Error).toBeUndefined();
    expect(all.ResponseMetadata).toMatchObject({ Action: 'DescribeZones', Region: 'cn-shanghai' });
    const zones = (all.Result as ZonesResult).Zones;
    // cn-shanghai-b has weight 0 and no instance, and is listed all the same.
    expect(zones.map((zone) => zone.ZoneId)).toEqual(['cn-shanghai-a', 'cn-shanghai-b', 'cn-shanghai-c']);
    expect(fleet.regions[1]?.instances.some((instance) => instance.zoneId === 'cn-shanghai-b')).toBe(false);
    expect(zones.every((zone) => zone.InstanceTypes.length > 0 && zone.VolumeTypes.includes('ESSD_PL0'))).toBe(true);

    const one = await service.fetchOpenAPI({ Action: 'DescribeZones', method: 'GET', query: { 'ZoneIds.1': 'cn-shanghai-c' } });
    expect((one.Result as ZonesResult).Zones.map((zone) => zone.ZoneId)).toEqual(['cn-shanghai-c']);
    expect(simulator.requests.at(-1)).toMatchObject({ action: 'DescribeZones', region: 'cn-shanghai', httpStatus: 200 });
  });
});
