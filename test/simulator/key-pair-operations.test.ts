import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { createSignedClient, errorCodeOf, listParam, parseEnvelope } from './support/signed-client';
import type { OperationDetailJson, SignedClient } from './support/signed-client';
import { keyPairRequestErrorCases } from './support/key-pair-request-errors';
import { createTestFleet, devKey, ids, opsKey, testCredentials } from './support/test-fleet';

interface OperationResult {
  OperationDetails: OperationDetailJson[];
}

describe('ECS simulator DetachKeyPair and AttachKeyPair', () => {
  let simulator: EcsSimulator;
  let client: SignedClient;

  beforeEach(async () => {
    simulator = await startEcsSimulator({ credentials: [testCredentials], fleet: createTestFleet() });
    client = createSignedClient(simulator.port, { credentials: testCredentials });
  });
  afterEach(() => simulator.close());

  const detach = (instanceIds: readonly string[], params: Record<string, string> = { KeyPairName: opsKey.keyPairName }) =>
    client.ecs('DetachKeyPair', { ...listParam('InstanceIds', instanceIds), ...params });

  const detailsOf = (reply: Awaited<ReturnType<typeof detach>>) =>
    parseEnvelope<OperationResult>(reply).Result?.OperationDetails ?? [];

  const instance = (instanceId: string) => simulator.fleet.findInstance('cn-beijing', instanceId);

  it('detaches the bound key from RUNNING and STOPPED instances, clearing KeyPairName and KeyPairId', async () => {
    const reply = await detach([ids.boundRunning, ids.boundStopped]);
    expect(reply.status).toBe(200);
    expect(detailsOf(reply)).toEqual([
      { InstanceId: ids.boundRunning, Error: null },
      { InstanceId: ids.boundStopped, Error: null },
    ]);
    expect(instance(ids.boundRunning)).toMatchObject({ keyPairName: '', keyPairId: '' });
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
    expect(simulator.changeCount(ids.boundStopped)).toBe(1);
  });

  it('answers 200 with a per-instance error for each instance that cannot be changed', async () => {
    const reply = await detach([ids.boundRunning, ids.missing, ids.windows, ids.noAgent, ids.stopping, ids.inShanghai]);
    expect(reply.status).toBe(200);
    expect(detailsOf(reply).map((detail) => [detail.InstanceId, detail.Error?.Code ?? null])).toEqual([
      [ids.boundRunning, null],
      [ids.missing, 'InvalidInstance.NotFound'],
      [ids.windows, 'InvalidKeyPairForWindows.Unsupported'],
      [ids.noAgent, 'InvalidResetAuthenticationAgent.NotFound'],
      [ids.stopping, 'InvalidInstanceStatus'],
      // An instance of another region does not exist in the signed region.
      [ids.inShanghai, 'InvalidInstance.NotFound'],
    ]);
    expect(simulator.changeCounts()).toEqual(new Map([[ids.boundRunning, 1]]));
    expect(instance(ids.noAgent)?.keyPairId).toBe(opsKey.keyPairId);
  });

  it('answers InvalidInstance.NotFound for an instance released after the client listed it, and lists it no more', async () => {
    simulator.fleet.removeInstance(ids.boundStopped);
    const reply = await detach([ids.boundRunning, ids.boundStopped]);
    expect(detailsOf(reply).map((detail) => detail.Error?.Code ?? null)).toEqual([null, 'InvalidInstance.NotFound']);
    expect(simulator.fleet.locateInstance(ids.boundStopped)).toBeUndefined();
    const listed = parseEnvelope<{ Instances: Array<{ InstanceId: string }> }>(await client.ecs('DescribeInstances', { MaxResults: '100' }));
    expect(listed.Result?.Instances.map((listedInstance) => listedInstance.InstanceId)).not.toContain(ids.boundStopped);
    expect(() => simulator.fleet.removeInstance(ids.boundStopped)).toThrow('unknown instance');
  });

  it('refuses per instance, changing nothing, to detach a key pair that is not the bound one', async () => {
    const reply = await detach([ids.boundToDev, ids.unbound]);
    expect(reply.status).toBe(200);
    expect(detailsOf(reply).map((detail) => detail.Error?.Code)).toEqual(['InvalidKeyPair.NotBound', 'InvalidKeyPair.NotBound']);
    expect(instance(ids.boundToDev)?.keyPairId).toBe(devKey.keyPairId);
    expect(simulator.changeCount(ids.boundToDev)).toBe(0);
  });

  it('uses KeyPairId over KeyPairName when both are given', async () => {
    const reply = await detach([ids.boundToDev], { KeyPairId: devKey.keyPairId, KeyPairName: opsKey.keyPairName });
    expect(detailsOf(reply)).toEqual([{ InstanceId: ids.boundToDev, Error: null }]);
    expect(instance(ids.boundToDev)?.keyPairId).toBe('');
  });

  it('answers each request-level error from the state it describes', async () => {
    for (const [params, status, code] of keyPairRequestErrorCases(ids.boundRunning, opsKey.keyPairName)) {
      const reply = await client.ecs('DetachKeyPair', params);
      expect({ status: reply.status, code: errorCodeOf(reply) }).toEqual({ status, code });
      expect(parseEnvelope(reply)).not.toHaveProperty('Result');
    }
    expect(simulator.changeCounts().size).toBe(0);
  });

  it('accepts a 64-character ASCII ClientToken', async () => {
    const reply = await detach([ids.boundRunning], { KeyPairName: opsKey.keyPairName, ClientToken: 't'.repeat(64) });
    expect(reply.status).toBe(200);
  });

  it('attaches a key pair, overwriting the one bound before, and refuses Windows per instance', async () => {
    const reply = await client.ecs('AttachKeyPair', {
      ...listParam('InstanceIds', [ids.boundRunning, ids.unbound, ids.windows]),
      KeyPairName: devKey.keyPairName,
    });
    expect(reply.status).toBe(200);
    expect(detailsOf(reply).map((detail) => detail.Error?.Code ?? null)).toEqual([null, null, 'InvalidKeyPairForWindows.Unsupported']);
    expect(instance(ids.boundRunning)).toMatchObject({ keyPairId: devKey.keyPairId, keyPairName: devKey.keyPairName });
    expect(instance(ids.unbound)).toMatchObject({ keyPairId: devKey.keyPairId });
    expect(simulator.changeCounts()).toEqual(new Map([[ids.boundRunning, 1], [ids.unbound, 1]]));
  });

  it('replays the original answer for a retried ClientToken without applying again', async () => {
    const params = { KeyPairName: opsKey.keyPairName, ClientToken: 'batch-1' };
    const first = await detach([ids.boundRunning, ids.boundStopped], params);
    // The state changes between the two calls, so a second application would answer differently.
    simulator.fleet.updateInstance(ids.boundRunning, { keyPairId: opsKey.keyPairId, keyPairName: opsKey.keyPairName });
    const retry = await detach([ids.boundRunning, ids.boundStopped], params);
    expect(retry.status).toBe(200);
    expect(detailsOf(retry)).toEqual(detailsOf(first));
    expect(parseEnvelope(retry).ResponseMetadata.RequestId).not.toBe(parseEnvelope(first).ResponseMetadata.RequestId);
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
    expect(instance(ids.boundRunning)?.keyPairId).toBe(opsKey.keyPairId);
    expect(simulator.requests.at(-1)).toMatchObject({ replayed: true, clientToken: 'batch-1', instanceCount: 2 });
  });

  it('answers IdempotentParameterMismatch (400) for a token reused with other parameters or another action', async () => {
    await detach([ids.boundRunning], { KeyPairName: opsKey.keyPairName, ClientToken: 'batch-2' });
    const otherInstances = await detach([ids.boundStopped], { KeyPairName: opsKey.keyPairName, ClientToken: 'batch-2' });
    expect(otherInstances.status).toBe(400);
    expect(errorCodeOf(otherInstances)).toBe('IdempotentParameterMismatch');
    const otherAction = await client.ecs('AttachKeyPair', {
      ...listParam('InstanceIds', [ids.boundRunning]),
      KeyPairName: opsKey.keyPairName,
      ClientToken: 'batch-2',
    });
    expect(errorCodeOf(otherAction)).toBe('IdempotentParameterMismatch');
    expect(simulator.changeCount(ids.boundStopped)).toBe(0);
  });

  it('answers IdempotentProcessing (412) while the first request with the token is still in flight', async () => {
    simulator.setLatency(300);
    const params = { KeyPairName: opsKey.keyPairName, ClientToken: 'batch-3' };
    const first = detach([ids.boundRunning], params);
    await expect.poll(() => simulator.inFlightCount(), { interval: 5 }).toBe(1);
    const second = await detach([ids.boundRunning], params);
    expect(second.status).toBe(412);
    expect(errorCodeOf(second)).toBe('IdempotentProcessing');
    expect((await first).status).toBe(200);
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
  });
});
