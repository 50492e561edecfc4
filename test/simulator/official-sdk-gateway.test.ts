import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { generateFleet } from '../../simulator/fleet-generator';
import { officialHostLayout } from '../../simulator/host-routing';
import { signWithOfficialDefaults } from '../electron/volcengine/support/official-signer';
import { createOfficialService, type OfficialServiceOptions } from './support/official-client';
import { errorCodeOf, parseEnvelope, sendRaw } from './support/signed-client';
import { testCredentials } from './support/test-fleet';

const regions = ['cn-beijing', 'ap-southeast-2'];
const fleet = generateFleet({ seed: 5, instances: 40, regions });

/**
 * The official Node client and signer against the simulator, left to their defaults (x-date is the only signed
 * header), get the answers the spec documents: the simulator is never stricter than Volcengine.
 */
describe('the official @volcengine/openapi SDK against the simulator', () => {
  let simulator: EcsSimulator;
  const serviceFor = (overrides: Partial<OfficialServiceOptions> = {}) =>
    createOfficialService({
      host: `127.0.0.1:${simulator.port}`,
      protocol: 'http:',
      region: 'cn-beijing',
      serviceName: 'ecs',
      accessKeyId: testCredentials.accessKeyId,
      secretKey: testCredentials.secretAccessKey,
      defaultVersion: '2020-04-01',
      ...overrides,
    });

  beforeAll(async () => {
    simulator = await startEcsSimulator({ credentials: [testCredentials], fleet });
  });
  afterAll(() => simulator.close());

  it('answers the Service client, which signs x-date alone, with the regions and the instances', async () => {
    const service = serviceFor();
    const listed = await service.fetchOpenAPI({ Action: 'DescribeRegions', method: 'GET', query: {} });
    expect(listed.ResponseMetadata.Error).toBeUndefined();
    expect((listed.Result as { Regions: Array<{ RegionId: string }> }).Regions.map((region) => region.RegionId).sort()).toEqual([...regions].sort());
    const instances = await serviceFor({ region: 'ap-southeast-2' }).fetchOpenAPI({ Action: 'DescribeInstances', method: 'GET', query: { MaxResults: '5' } });
    expect(instances.ResponseMetadata).toMatchObject({ Action: 'DescribeInstances', Region: 'ap-southeast-2' });
    expect((instances.Result as { Instances: unknown[] }).Instances).toHaveLength(5);
    expect(simulator.requests.at(-1)).toMatchObject({ action: 'DescribeInstances', httpStatus: 200 });
  });

  it('answers its mistakes with the documented codes: a wrong secret, an unknown key, an unknown action', async () => {
    const wrongSecret = await serviceFor({ secretKey: 'not-the-secret' }).fetchOpenAPI({ Action: 'DescribeRegions', method: 'GET', query: {} });
    expect(wrongSecret.ResponseMetadata.Error?.Code).toBe('SignatureDoesNotMatch');
    const unknownKey = await serviceFor({ accessKeyId: 'AKLTnobody' }).fetchOpenAPI({ Action: 'DescribeRegions', method: 'GET', query: {} });
    expect(unknownKey.ResponseMetadata.Error?.Code).toBe('InvalidAccessKey');
    const unknownAction = await serviceFor().fetchOpenAPI({ Action: 'DescribeEverything', method: 'GET', query: {} });
    expect(unknownAction.ResponseMetadata.Error?.Code).toBe('InvalidActionOrVersion');
    expect(simulator.requests.slice(-3).map((entry) => entry.httpStatus)).toEqual([401, 401, 404]);
  });

  it('routes a request signed by the official Signer by its Host: a region asked of the wrong host is ServiceNotFound (404)', async () => {
    simulator.setHostRegions(officialHostLayout(regions));
    try {
      const send = async (host: string, region: string) => {
        const signed = signWithOfficialDefaults({
          method: 'GET',
          host,
          path: '/',
          query: { Action: 'DescribeRegions', Version: '2020-04-01' },
          region,
          service: 'ecs',
          credentials: testCredentials,
          date: new Date(),
        });
        return sendRaw(simulator.port, `/?${signed.canonicalQuery}`, { ...signed.headers, Host: host });
      };
      expect((await send('ecs.ap-southeast-2.volcengineapi.com', 'ap-southeast-2')).status).toBe(200);
      expect((await send('open.volcengineapi.com', 'cn-beijing')).status).toBe(200);
      const misrouted = await send('open.volcengineapi.com', 'ap-southeast-2');
      expect(misrouted.status).toBe(404);
      expect(errorCodeOf(misrouted)).toBe('ServiceNotFound');
      expect(parseEnvelope(misrouted).ResponseMetadata).toMatchObject({ Region: 'ap-southeast-2', Error: { CodeN: 100007 } });
      expect(errorCodeOf(await send('ecs.ap-southeast-2.volcengineapi.com', 'cn-beijing'))).toBe('ServiceNotFound');
      // A host the layout does not name (the loopback address itself) still serves every region.
      expect((await send(`127.0.0.1:${simulator.port}`, 'ap-southeast-2')).status).toBe(200);
      expect(simulator.requests.slice(-5).map((entry) => entry.host)).toEqual([
        'ecs.ap-southeast-2.volcengineapi.com',
        'open.volcengineapi.com',
        'open.volcengineapi.com',
        'ecs.ap-southeast-2.volcengineapi.com',
        `127.0.0.1:${simulator.port}`,
      ]);
    } finally {
      simulator.setHostRegions(undefined);
    }
  });
});
