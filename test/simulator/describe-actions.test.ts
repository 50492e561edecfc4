import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { generateFleet } from '../../simulator/fleet-generator';
import { createSignedClient, errorCodeOf, listParam, parseEnvelope } from './support/signed-client';
import type { SignedClient } from './support/signed-client';
import { testCredentials } from './support/test-fleet';

interface InstanceJson {
  InstanceId: string;
  InstanceName: string;
  Status: string;
  KeyPairName: string;
  ZoneId: string;
  Tags: Array<{ Key: string; Value: string }>;
  NetworkInterfaces: Array<{ PrimaryIpAddress: string }>;
}
interface InstancesResult {
  Instances: InstanceJson[];
  NextToken: string;
  TotalCount: number;
}
interface KeyPairsResult {
  KeyPairs: Array<{ KeyPairId: string; KeyPairName: string; FingerPrint: string }>;
  NextToken: string;
  TotalCount?: number;
}
interface RegionsResult {
  Regions: Array<{ RegionId: string }>;
  NextToken: string;
}

const fleet = generateFleet({ seed: 7, instances: 2000 });
const beijing = fleet.regions.find((region) => region.regionId === 'cn-beijing');
if (!beijing) throw new Error('the generated fleet has no cn-beijing');

describe('ECS simulator read actions', () => {
  let simulator: EcsSimulator;
  let client: SignedClient;

  beforeAll(async () => {
    simulator = await startEcsSimulator({ credentials: [testCredentials], fleet });
    client = createSignedClient(simulator.port, { credentials: testCredentials });
  });
  afterAll(() => simulator.close());

  const describeInstances = async (params: Record<string, string>) => {
    const reply = await client.ecs('DescribeInstances', params);
    expect(reply.status).toBe(200);
    const result = parseEnvelope<InstancesResult>(reply).Result;
    if (!result) throw new Error('DescribeInstances answered without a Result');
    return result;
  };

  const pageThroughInstances = async (params: Record<string, string>, maxResults: number) => {
    const seen: InstanceJson[] = [];
    const totals: number[] = [];
    let nextToken = '';
    do {
      const page = await describeInstances({ ...params, MaxResults: String(maxResults), ...(nextToken ? { NextToken: nextToken } : {}) });
      expect(page.Instances.length).toBeLessThanOrEqual(maxResults);
      seen.push(...page.Instances);
      totals.push(page.TotalCount);
      nextToken = page.NextToken;
    } while (nextToken !== '');
    return { seen, totals };
  };

  it('wraps a success in the spec envelope with RequestId, Action, Version, Service and Region', async () => {
    const reply = await client.ecs('DescribeRegions');
    const envelope = parseEnvelope(reply);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(envelope.ResponseMetadata).toEqual({
      RequestId: expect.stringMatching(/^\d{14}[0-9A-F]{18}$/) as unknown,
      Action: 'DescribeRegions',
      Version: '2020-04-01',
      Service: 'ecs',
      Region: 'cn-beijing',
    });
  });

  it('answers InvalidActionOrVersion (404, as the common-error pages document) without a Result for a missing, unknown or wrongly versioned action', async () => {
    const replies = [
      await client.send({ Version: '2020-04-01' }),
      await client.send({ Action: 'DescribeRegions' }),
      await client.send({ Action: 'DescribeRegions', Version: '2018-01-01' }),
      await client.ecs('TerminateEverything'),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(404);
      const envelope = parseEnvelope(reply);
      expect(envelope.ResponseMetadata.Error).toMatchObject({ Code: 'InvalidActionOrVersion', CodeN: 100008 });
      expect(envelope).not.toHaveProperty('Result');
    }
  });

  it('DescribeRegions lists every region of the fleet, filtered by RegionIds.N and paged by MaxResults', async () => {
    const all = parseEnvelope<RegionsResult>(await client.ecs('DescribeRegions')).Result;
    expect(all?.Regions.map((region) => region.RegionId)).toEqual(fleet.regions.map((region) => region.regionId));
    expect(all?.NextToken).toBe('');

    const filtered = parseEnvelope<RegionsResult>(
      await client.ecs('DescribeRegions', listParam('RegionIds', ['cn-shanghai', 'cn-nowhere'])),
    ).Result;
    expect(filtered?.Regions).toEqual([{ RegionId: 'cn-shanghai' }]);

    const firstPage = parseEnvelope<RegionsResult>(await client.ecs('DescribeRegions', { MaxResults: '2' })).Result;
    expect(firstPage?.Regions).toHaveLength(2);
    const secondPage = parseEnvelope<RegionsResult>(
      await client.ecs('DescribeRegions', { MaxResults: '2', NextToken: firstPage?.NextToken ?? '' }),
    ).Result;
    expect(secondPage?.Regions[0]?.RegionId).toBe(fleet.regions[2]?.regionId);
  });

  it('DescribeRegions refuses more than 20 RegionIds and a MaxResults above 20', async () => {
    const tooMany = await client.ecs('DescribeRegions', listParam('RegionIds', Array.from({ length: 21 }, (_, i) => `r-${i}`)));
    expect(tooMany.status).toBe(400);
    expect(errorCodeOf(tooMany)).toBe('LimitExceeded.MaximumRegionIds');
    const tooLarge = await client.ecs('DescribeRegions', { MaxResults: '21' });
    expect(tooLarge.status).toBe(400);
    expect(errorCodeOf(tooLarge)).toBe('InvalidArgument');
  });

  it('DescribeInstances pages to the end, listing every instance of the region exactly once', async () => {
    const { seen, totals } = await pageThroughInstances({}, 100);
    expect(seen.map((instance) => instance.InstanceId)).toEqual(beijing.instances.map((instance) => instance.instanceId));
    expect(new Set(totals)).toEqual(new Set([beijing.instances.length]));
  });

  it('DescribeInstances returns 10 instances by default with the total count', async () => {
    const page = await describeInstances({});
    expect(page.Instances).toHaveLength(10);
    expect(page.TotalCount).toBe(beijing.instances.length);
    expect(page.NextToken).not.toBe('');
  });

  it('DescribeInstances filters by Status, ZoneId and KeyPairName and pages through the matches', async () => {
    const keyPairName = beijing.keyPairs[0]?.keyPairName ?? '';
    const params = { Status: 'RUNNING', ZoneId: 'cn-beijing-b', KeyPairName: keyPairName };
    const expected = beijing.instances.filter(
      (instance) => instance.status === 'RUNNING' && instance.zoneId === 'cn-beijing-b' && instance.keyPairName === keyPairName,
    );
    expect(expected.length).toBeGreaterThan(3);
    const { seen, totals } = await pageThroughInstances(params, 3);
    expect(seen.map((instance) => instance.InstanceId)).toEqual(expected.map((instance) => instance.instanceId));
    expect(totals.every((total) => total === expected.length)).toBe(true);
  });

  it('DescribeInstances matches InstanceName as a case-insensitive substring, Chinese included', async () => {
    const latin = await describeInstances({ InstanceName: 'WEB-PROD', MaxResults: '100' });
    expect(latin.Instances.length).toBeGreaterThan(0);
    expect(latin.Instances.every((instance) => instance.InstanceName.includes('web-prod'))).toBe(true);
    const chinese = await describeInstances({ InstanceName: '测试', MaxResults: '100' });
    expect(chinese.TotalCount).toBe(beijing.instances.filter((instance) => instance.instanceName.includes('测试')).length);
    expect(chinese.TotalCount).toBeGreaterThan(0);
  });

  it('DescribeInstances with InstanceIds.N returns just those instances of the region', async () => {
    const wanted = beijing.instances.slice(5, 8).map((instance) => instance.instanceId);
    const other = fleet.regions[1]?.instances[0]?.instanceId ?? '';
    const page = await describeInstances(listParam('InstanceIds', [...wanted, other, 'i-doesnotexist00000000']));
    expect(page.Instances.map((instance) => instance.InstanceId)).toEqual(wanted);
    expect(page.TotalCount).toBe(3);
  });

  it('DescribeInstances filters by TagFilters key and values', async () => {
    const page = await describeInstances({ 'TagFilters.1.Key': 'env', 'TagFilters.1.Values.1': 'prod', MaxResults: '100' });
    expect(page.Instances.length).toBeGreaterThan(0);
    expect(page.Instances.every((instance) => instance.Tags.some((tag) => tag.Key === 'env' && tag.Value === 'prod'))).toBe(true);
  });

  it('DescribeInstances refuses MaxResults outside 1..100, a forged NextToken and more than 100 InstanceIds', async () => {
    for (const maxResults of ['0', '101', 'ten', '-1', '1.5']) {
      const reply = await client.ecs('DescribeInstances', { MaxResults: maxResults });
      expect(reply.status).toBe(400);
      expect(errorCodeOf(reply)).toBe('InvalidArgument');
    }
    const forged = await client.ecs('DescribeInstances', { NextToken: 'not-a-token' });
    expect(errorCodeOf(forged)).toBe('InvalidArgument');
    const tooMany = await client.ecs('DescribeInstances', listParam('InstanceIds', Array.from({ length: 101 }, (_, i) => `i-${i}`)));
    expect(tooMany.status).toBe(400);
    expect(errorCodeOf(tooMany)).toBe('LimitExceeded.MaximumInstanceIds');
  });

  it('DescribeInstances reports the private IP in NetworkInterfaces and reflects a changed fleet', async () => {
    const target = beijing.instances[0];
    if (!target) throw new Error('empty region');
    simulator.fleet.updateInstance(target.instanceId, { status: 'STOPPING' });
    const page = await describeInstances(listParam('InstanceIds', [target.instanceId]));
    expect(page.Instances[0]?.Status).toBe('STOPPING');
    expect(page.Instances[0]?.NetworkInterfaces[0]?.PrimaryIpAddress).toBe(target.primaryIpAddress);
    simulator.fleet.updateInstance(target.instanceId, { status: target.status });
  });

  it('DescribeKeyPairs pages through the region key pairs without a TotalCount', async () => {
    const names: string[] = [];
    let nextToken = '';
    do {
      const reply = await client.ecs('DescribeKeyPairs', { MaxResults: '2', ...(nextToken ? { NextToken: nextToken } : {}) });
      const result = parseEnvelope<KeyPairsResult>(reply).Result;
      expect(result).not.toHaveProperty('TotalCount');
      names.push(...(result?.KeyPairs.map((keyPair) => keyPair.KeyPairName) ?? []));
      nextToken = result?.NextToken ?? '';
    } while (nextToken !== '');
    expect(names).toEqual(beijing.keyPairs.map((keyPair) => keyPair.keyPairName));
  });

  it('DescribeKeyPairs filters by fuzzy KeyPairName, KeyPairNames.N and KeyPairIds.N', async () => {
    const [first, second] = beijing.keyPairs;
    if (!first || !second) throw new Error('too few key pairs');
    const byIds = parseEnvelope<KeyPairsResult>(await client.ecs('DescribeKeyPairs', listParam('KeyPairIds', [second.keyPairId]))).Result;
    expect(byIds?.KeyPairs.map((keyPair) => keyPair.KeyPairId)).toEqual([second.keyPairId]);
    const byNames = parseEnvelope<KeyPairsResult>(
      await client.ecs('DescribeKeyPairs', listParam('KeyPairNames', [first.keyPairName, second.keyPairName])),
    ).Result;
    expect(byNames?.KeyPairs.map((keyPair) => keyPair.KeyPairName)).toEqual([first.keyPairName, second.keyPairName]);
    const fuzzy = parseEnvelope<KeyPairsResult>(
      await client.ecs('DescribeKeyPairs', { KeyPairName: '运维', MaxResults: '100' }),
    ).Result;
    expect(fuzzy?.KeyPairs.map((keyPair) => keyPair.KeyPairName)).toEqual(
      beijing.keyPairs.filter((keyPair) => keyPair.keyPairName.includes('运维')).map((keyPair) => keyPair.keyPairName),
    );
    expect(fuzzy?.KeyPairs.length).toBe(1);
  });

  it('DescribeKeyPairs accepts MaxResults up to 500 and refuses 501', async () => {
    expect((await client.ecs('DescribeKeyPairs', { MaxResults: '500' })).status).toBe(200);
    const reply = await client.ecs('DescribeKeyPairs', { MaxResults: '501' });
    expect(reply.status).toBe(400);
    expect(errorCodeOf(reply)).toBe('InvalidArgument');
  });

  it('serves each region its own fleet, selected by the credential scope', async () => {
    const shanghai = fleet.regions.find((region) => region.regionId === 'cn-shanghai');
    const reply = await client.ecs('DescribeInstances', { MaxResults: '1' }, { region: 'cn-shanghai' });
    const result = parseEnvelope<InstancesResult>(reply).Result;
    expect(result?.TotalCount).toBe(shanghai?.instances.length);
    expect(result?.Instances[0]?.InstanceId).toBe(shanghai?.instances[0]?.instanceId);
  });
});
