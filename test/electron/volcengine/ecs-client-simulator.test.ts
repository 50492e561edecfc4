import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ListProgress } from '../../../shared/domain/ecs';
import { instanceSchema, keyPairSchema } from '../../../shared/domain/ecs';
import { startEcsSimulator, type EcsSimulator } from '../../../simulator/ecs-simulator';
import type { EcsClient } from '../../../electron/volcengine/ecs-client';
import { createTestClient, testCredentials } from './support/ecs-test-client';
import { buildFleet, instanceId, instanceIds, makeInstance, opsKey, spareKey } from './support/simulator-fleet';

const stsCredentials = { accessKeyId: 'AKLTstsaccesskey', secretAccessKey: 'StsSecretKey', sessionToken: 'sts-session-token' };

let simulator: EcsSimulator;
let client: EcsClient;

beforeAll(async () => {
  simulator = await startEcsSimulator({
    credentials: [testCredentials, stsCredentials],
    fleet: buildFleet({
      boundLinux: 253,
      extraKeyPairs: 120,
      extraRegions: 23,
      special: [
        makeInstance({ instanceId: 'i-windows000000001', osType: 'Windows', osName: 'Windows Server 2022', ...opsKey }),
        makeInstance({ instanceId: 'i-noagent000000001', hasResetAgent: false, ...opsKey }),
        makeInstance({ instanceId: 'i-stopping00000001', status: 'STOPPING', ...opsKey }),
        makeInstance({ instanceId: 'i-stopped000000001', status: 'STOPPED', ...opsKey }),
        makeInstance({ instanceId: 'i-unbound000000001' }),
      ],
    }),
  });
  client = createTestClient(simulator.url);
});

afterAll(async () => {
  await client.close();
  await simulator.close();
});

beforeEach(() => {
  simulator.clearRequests();
  simulator.resetChangeCounts();
});

const requestsFor = (action: string) => simulator.requests.filter((request) => request.action === action);

describe('listing against the simulator', () => {
  it('DescribeRegions follows NextToken to the end, 20 per page', async () => {
    const progress: ListProgress[] = [];
    const regions = await client.describeRegions({}, { onProgress: (step) => progress.push(step) });
    expect(regions).toHaveLength(25);
    expect(regions.map((region) => region.regionId)).toEqual(expect.arrayContaining(['cn-beijing', 'cn-shanghai', 'test-region-22']));
    expect(requestsFor('DescribeRegions')).toHaveLength(2);
    expect(progress).toEqual([
      { pages: 1, items: 20 },
      { pages: 2, items: 25 },
    ]);
  });

  it('DescribeInstances reads every page of 100 with TotalCount, into valid domain instances', async () => {
    const progress: ListProgress[] = [];
    const instances = await client.describeInstances({}, { onProgress: (step) => progress.push(step) });
    expect(instances).toHaveLength(258);
    expect(requestsFor('DescribeInstances')).toHaveLength(3);
    expect(progress.map((step) => [step.pages, step.items, step.totalCount])).toEqual([
      [1, 100, 258],
      [2, 200, 258],
      [3, 258, 258],
    ]);
    for (const instance of instances) expect(instanceSchema.safeParse(instance).success).toBe(true);
    const first = instances.find((instance) => instance.instanceId === instanceId(0));
    expect(first).toMatchObject({
      keyPairName: 'ops-key',
      keyPairId: opsKey.keyPairId,
      privateIp: '172.16.0.2',
      publicIp: '101.0.0.1',
      osType: 'Linux',
      createdAt: '2024-01-01T19:04:05.000Z',
      expiredAt: null,
      tags: [{ key: 'env', value: 'prod' }],
    });
    expect(instances.find((instance) => instance.instanceId === 'i-unbound000000001')).toMatchObject({ keyPairName: null, keyPairId: null });
  });

  it('DescribeInstances filters by key pair and by instance IDs', async () => {
    const bound = await client.describeInstances({ keyPairName: 'ops-key' });
    expect(bound).toHaveLength(257);
    const picked = await client.describeInstances({ instanceIds: [instanceId(5), 'i-windows000000001'] });
    expect(picked.map((instance) => instance.instanceId).sort()).toEqual([instanceId(5), 'i-windows000000001'].sort());
  });

  it('DescribeKeyPairs follows NextToken to the end, 100 per page', async () => {
    const keyPairs = await client.describeKeyPairs();
    expect(keyPairs).toHaveLength(122);
    expect(requestsFor('DescribeKeyPairs')).toHaveLength(2);
    for (const keyPair of keyPairs) expect(keyPairSchema.safeParse(keyPair).success).toBe(true);
    expect(keyPairs.find((keyPair) => keyPair.keyPairId === opsKey.keyPairId)).toMatchObject({ keyPairName: 'ops-key', createdAt: '2024-01-02T03:04:05.000Z' });
  });

  it('stops a list mid-way on cancel', async () => {
    const controller = new AbortController();
    const listing = client.describeInstances({}, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(listing).rejects.toMatchObject({ code: 'ECS_CANCELLED' });
    expect(requestsFor('DescribeInstances')).toHaveLength(1);
  });

  it('uses the region of the signature: another region sees its own fleet', async () => {
    const shanghai = createTestClient(simulator.url, { region: 'cn-shanghai' });
    expect((await shanghai.describeInstances()).map((instance) => instance.instanceId)).toEqual(['i-shanghai00000001']);
    await shanghai.close();
  });
});

describe('changes against the simulator', () => {
  it('detaches 250 instances in exactly 3 requests, each changed once, and the key is gone', async () => {
    const targets = instanceIds(250);
    const result = await client.detachKeyPair({ instanceIds: targets, keyPair: { keyPairName: 'ops-key' } });
    const detachRequests = requestsFor('DetachKeyPair');
    expect(detachRequests.map((request) => request.instanceCount).sort()).toEqual([100, 100, 50]);
    expect(new Set(detachRequests.map((request) => request.clientToken)).size).toBe(3);
    expect(result.outcomes).toHaveLength(250);
    expect(result.outcomes.every((outcome) => outcome.status === 'succeeded')).toBe(true);
    expect(targets.every((id) => simulator.changeCount(id) === 1)).toBe(true);
    const after = await client.describeInstances({ instanceIds: targets });
    expect(after.every((instance) => instance.keyPairName === null)).toBe(true);

    // Put the keys back for the other tests, and prove attach works at scale too.
    const reattach = await client.attachKeyPair({ instanceIds: targets, keyPair: { keyPairId: opsKey.keyPairId } });
    expect(reattach.outcomes.every((outcome) => outcome.status === 'succeeded')).toBe(true);
  });

  it('reads per-instance errors entry by entry in a 200 answer', async () => {
    const result = await client.detachKeyPair({
      instanceIds: [instanceId(250), 'i-windows000000001', 'i-noagent000000001', 'i-stopping00000001', 'i-stopped000000001', 'i-doesnotexist0001', 'i-unbound000000001'],
      keyPair: { keyPairName: 'ops-key' },
    });
    const byId = new Map(result.outcomes.map((outcome) => [outcome.instanceId, outcome]));
    expect(byId.get(instanceId(250))?.status).toBe('succeeded');
    expect(byId.get('i-stopped000000001')?.status).toBe('succeeded');
    const codeOf = (id: string) => {
      const outcome = byId.get(id);
      return outcome?.status === 'failed' ? outcome.error.code : outcome?.status;
    };
    expect(codeOf('i-windows000000001')).toBe('InvalidKeyPairForWindows.Unsupported');
    expect(codeOf('i-noagent000000001')).toBe('InvalidResetAuthenticationAgent.NotFound');
    expect(codeOf('i-stopping00000001')).toBe('InvalidInstanceStatus');
    expect(codeOf('i-doesnotexist0001')).toBe('InvalidInstance.NotFound');
    expect(codeOf('i-unbound000000001')).toBe('InvalidKeyPair.NotBound');
    expect(simulator.changeCount('i-windows000000001')).toBe(0);
    await client.attachKeyPair({ instanceIds: [instanceId(250), 'i-stopped000000001'], keyPair: { keyPairName: 'ops-key' } });
  });

  it('fails every instance of the batch with a request-level error, after one request', async () => {
    const result = await client.detachKeyPair({ instanceIds: instanceIds(3), keyPair: { keyPairName: 'no-such-key' } });
    expect(requestsFor('DetachKeyPair')).toHaveLength(1);
    for (const outcome of result.outcomes) {
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'InvalidKeyPair.NotFound', httpStatus: 404 } });
    }
  });

  it('attaches another key, overwriting the bound one', async () => {
    const result = await client.attachKeyPair({ instanceIds: [instanceId(7)], keyPair: { keyPairName: spareKey.keyPairName } });
    expect(result.outcomes).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    expect(simulator.fleet.locateInstance(instanceId(7))?.instance.keyPairId).toBe(spareKey.keyPairId);
    await client.attachKeyPair({ instanceIds: [instanceId(7)], keyPair: { keyPairName: 'ops-key' } });
  });

  it('reboots instances and reports the ones that cannot reboot', async () => {
    const result = await client.rebootInstances({ instanceIds: [instanceId(1), 'i-stopped000000001'] });
    expect(result.outcomes[0]).toMatchObject({ status: 'succeeded' });
    expect(result.outcomes[1]).toMatchObject({ status: 'failed', error: { code: 'InvalidInstanceStatus' } });
    expect(simulator.changeCount(instanceId(1))).toBe(1);
  });

  it('works with temporary (STS) credentials', async () => {
    const sts = createTestClient(simulator.url, { credentials: async () => stsCredentials });
    expect((await sts.describeRegions({ regionIds: ['cn-beijing'] })).map((region) => region.regionId)).toEqual(['cn-beijing']);
    await sts.close();
  });

  it('reports a wrong secret key as SignatureDoesNotMatch without retrying', async () => {
    const wrong = createTestClient(simulator.url, { credentials: async () => ({ ...testCredentials, secretAccessKey: 'wrong-secret' }) });
    const error: unknown = await wrong.describeRegions().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', httpStatus: 401, attempts: 1 });
    expect(simulator.requests).toHaveLength(1);
    await wrong.close();
  });

  it('reports a skewed clock as InvalidTimestamp without retrying, with the server clock to show the skew', async () => {
    const skewed = createTestClient(simulator.url, { now: () => Date.now() - 3_600_000 });
    const error: unknown = await skewed.describeRegions().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'InvalidTimestamp', httpStatus: 403, attempts: 1 });
    const serverDateMs = (error as { serverDateMs?: number }).serverDateMs ?? 0;
    expect(Math.abs(serverDateMs - Date.now())).toBeLessThan(60_000);
    await skewed.close();
  });

  it('cancels mid-way: the batches in flight finish, the rest are never sent', async () => {
    const controller = new AbortController();
    const targets = instanceIds(250);
    const result = await client.detachKeyPair(
      { instanceIds: targets, keyPair: { keyPairName: 'ops-key' } },
      {
        concurrency: 2,
        signal: controller.signal,
        onBatchSent: (batch) => {
          if (batch.index === 1) controller.abort();
        },
      },
    );
    expect(result.stopped).toEqual({ reason: 'cancelled' });
    expect(requestsFor('DetachKeyPair')).toHaveLength(2);
    expect(result.outcomes.slice(0, 200).every((outcome) => outcome.status === 'succeeded')).toBe(true);
    for (const outcome of result.outcomes.slice(200)) expect(outcome).toMatchObject({ status: 'not-sent', reason: { code: 'ECS_CANCELLED' } });
    expect(targets.slice(200).every((id) => simulator.changeCount(id) === 0)).toBe(true);
    await client.attachKeyPair({ instanceIds: targets.slice(0, 200), keyPair: { keyPairName: 'ops-key' } });
  });
});
