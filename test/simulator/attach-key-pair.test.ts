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

/*
 * AttachKeyPair takes DetachKeyPair's request and answers with its errors (the spec: "same request and response
 * shape"); its effect is the mirror image: the key is bound, over whatever key was bound before.
 */
describe('ECS simulator AttachKeyPair', () => {
  let simulator: EcsSimulator;
  let client: SignedClient;

  beforeEach(async () => {
    simulator = await startEcsSimulator({ credentials: [testCredentials], fleet: createTestFleet() });
    client = createSignedClient(simulator.port, { credentials: testCredentials });
  });
  afterEach(() => simulator.close());

  const attach = (instanceIds: readonly string[], params: Record<string, string> = { KeyPairName: devKey.keyPairName }) =>
    client.ecs('AttachKeyPair', { ...listParam('InstanceIds', instanceIds), ...params });

  const detailsOf = (reply: Awaited<ReturnType<typeof attach>>) => parseEnvelope<OperationResult>(reply).Result?.OperationDetails ?? [];

  const instance = (instanceId: string) => simulator.fleet.findInstance('cn-beijing', instanceId);

  it('binds the key to RUNNING and STOPPED instances, over the key bound before or none', async () => {
    const reply = await attach([ids.boundRunning, ids.boundStopped, ids.unbound], { KeyPairId: devKey.keyPairId });
    expect(reply.status).toBe(200);
    expect(detailsOf(reply)).toEqual([ids.boundRunning, ids.boundStopped, ids.unbound].map((InstanceId) => ({ InstanceId, Error: null })));
    for (const instanceId of [ids.boundRunning, ids.boundStopped, ids.unbound]) {
      expect(instance(instanceId)).toMatchObject({ keyPairId: devKey.keyPairId, keyPairName: devKey.keyPairName });
      expect(simulator.changeCount(instanceId)).toBe(1);
    }
  });

  it('answers 200 with a per-instance error for each instance that cannot be changed, changing none of them', async () => {
    const reply = await attach([ids.boundRunning, ids.missing, ids.windows, ids.noAgent, ids.stopping, ids.inShanghai]);
    expect(reply.status).toBe(200);
    expect(detailsOf(reply).map((detail) => [detail.InstanceId, detail.Error?.Code ?? null])).toEqual([
      [ids.boundRunning, null],
      [ids.missing, 'InvalidInstance.NotFound'],
      [ids.windows, 'InvalidKeyPairForWindows.Unsupported'],
      [ids.noAgent, 'InvalidResetAuthenticationAgent.NotFound'],
      [ids.stopping, 'InvalidInstanceStatus'],
      [ids.inShanghai, 'InvalidInstance.NotFound'],
    ]);
    expect(simulator.changeCounts()).toEqual(new Map([[ids.boundRunning, 1]]));
    expect(instance(ids.noAgent)?.keyPairId).toBe(opsKey.keyPairId);
    expect(instance(ids.stopping)?.keyPairId).toBe(opsKey.keyPairId);
  });

  it('answers InvalidInstance.NotFound for an instance released after the client listed it', async () => {
    simulator.fleet.removeInstance(ids.boundStopped);
    const reply = await attach([ids.boundRunning, ids.boundStopped]);
    expect(detailsOf(reply).map((detail) => detail.Error?.Code ?? null)).toEqual([null, 'InvalidInstance.NotFound']);
  });

  it('succeeds for an instance that has the key already (nothing to refuse: the key is bound)', async () => {
    const reply = await attach([ids.boundToDev]);
    expect(detailsOf(reply)).toEqual([{ InstanceId: ids.boundToDev, Error: null }]);
    expect(instance(ids.boundToDev)?.keyPairId).toBe(devKey.keyPairId);
  });

  it('uses KeyPairId over KeyPairName when both are given', async () => {
    const reply = await attach([ids.unbound], { KeyPairId: opsKey.keyPairId, KeyPairName: devKey.keyPairName });
    expect(detailsOf(reply)).toEqual([{ InstanceId: ids.unbound, Error: null }]);
    expect(instance(ids.unbound)).toMatchObject({ keyPairId: opsKey.keyPairId, keyPairName: opsKey.keyPairName });
  });

  it('answers each request-level error from the state it describes, changing nothing', async () => {
    for (const [params, status, code] of keyPairRequestErrorCases(ids.unbound, devKey.keyPairName)) {
      const reply = await client.ecs('AttachKeyPair', params);
      expect({ status: reply.status, code: errorCodeOf(reply) }).toEqual({ status, code });
      expect(parseEnvelope(reply)).not.toHaveProperty('Result');
    }
    expect(simulator.changeCounts().size).toBe(0);
    expect(instance(ids.unbound)?.keyPairId).toBe('');
  });

  it('accepts 100 instance IDs and a 64-character ASCII ClientToken', async () => {
    const hundred = [ids.unbound, ...Array.from({ length: 99 }, (_, i) => `i-absent${String(i).padStart(14, '0')}`)];
    const reply = await attach(hundred, { KeyPairName: devKey.keyPairName, ClientToken: 't'.repeat(64) });
    expect(reply.status).toBe(200);
    expect(detailsOf(reply)).toHaveLength(100);
  });

  it('replays the original answer for a retried ClientToken without applying again', async () => {
    const params = { KeyPairId: devKey.keyPairId, ClientToken: 'attach-1' };
    const first = await attach([ids.boundRunning, ids.unbound], params);
    // The state changes between the two calls, so a second application would show.
    simulator.fleet.updateInstance(ids.boundRunning, { keyPairId: opsKey.keyPairId, keyPairName: opsKey.keyPairName });
    const retry = await attach([ids.boundRunning, ids.unbound], params);
    expect(retry.status).toBe(200);
    expect(detailsOf(retry)).toEqual(detailsOf(first));
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
    expect(instance(ids.boundRunning)?.keyPairId).toBe(opsKey.keyPairId);
    expect(simulator.requests.at(-1)).toMatchObject({ action: 'AttachKeyPair', replayed: true, clientToken: 'attach-1', instanceCount: 2 });
  });

  it('answers IdempotentParameterMismatch (400) for a token reused with other parameters or for a detach', async () => {
    await attach([ids.unbound], { KeyPairName: devKey.keyPairName, ClientToken: 'attach-2' });
    const otherKey = await attach([ids.unbound], { KeyPairName: opsKey.keyPairName, ClientToken: 'attach-2' });
    expect({ status: otherKey.status, code: errorCodeOf(otherKey) }).toEqual({ status: 400, code: 'IdempotentParameterMismatch' });
    const otherAction = await client.ecs('DetachKeyPair', { ...listParam('InstanceIds', [ids.unbound]), KeyPairName: devKey.keyPairName, ClientToken: 'attach-2' });
    expect(errorCodeOf(otherAction)).toBe('IdempotentParameterMismatch');
    expect(instance(ids.unbound)?.keyPairId).toBe(devKey.keyPairId);
    expect(simulator.changeCount(ids.unbound)).toBe(1);
  });

  it('answers IdempotentProcessing (412) while the first request with the token is still in flight', async () => {
    simulator.setLatency(300);
    const params = { KeyPairName: devKey.keyPairName, ClientToken: 'attach-3' };
    const first = attach([ids.unbound], params);
    await expect.poll(() => simulator.inFlightCount(), { interval: 5 }).toBe(1);
    const second = await attach([ids.unbound], params);
    expect({ status: second.status, code: errorCodeOf(second) }).toEqual({ status: 412, code: 'IdempotentProcessing' });
    expect((await first).status).toBe(200);
    expect(simulator.changeCount(ids.unbound)).toBe(1);
  });
});
