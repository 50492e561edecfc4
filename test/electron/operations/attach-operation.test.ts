import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../shared/domain/ecs';
import type { OperationPlan } from '../../../shared/domain/operation';
import { describeBusyInstances } from '../../../shared/errors/busy-instances';
import { startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';
import { loadRegion } from '../support/list-inventory';

/*
 * An attach (a first key, or a rotation over another) against the simulator over HTTP: planned from main's read of
 * the region, sent as AttachKeyPair with the reviewed ClientTokens, and followed by main's region knowledge.
 */

let app: AppUnderTest;
let instances: Instance[];
const rotation = { keyPairId: 'kp-rotation00000000001', keyPairName: 'rotation-key' };

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 31, instances: 400, regions: ['cn-beijing'] } });
  app.simulator.fleet.addKeyPair('cn-beijing', {
    ...rotation,
    description: '',
    fingerPrint: 'aa',
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    projectName: 'default',
    tags: [],
  });
  // One instance has the key already: an attach has nothing to change there.
  const first = app.simulator.fleet.region('cn-beijing')!.instances.find((instance) => instance.osType === 'Linux' && instance.status === 'RUNNING')!;
  app.simulator.fleet.updateInstance(first.instanceId, { ...rotation, hasResetAgent: true });
  ({ instances } = await loadRegion(app));
});
afterAll(async () => {
  await app.close();
});
afterEach(() => {
  app.simulator.setFaults([]);
  app.simulator.setLatency(0);
});

const withAgent = (instanceId: string) => app.simulator.fleet.findInstance('cn-beijing', instanceId)?.hasResetAgent === true;
const keyOn = (instanceId: string) => app.simulator.fleet.findInstance('cn-beijing', instanceId)?.keyPairId;
const attachable = (instance: Instance) => instance.osType === 'Linux' && ['RUNNING', 'STOPPED'].includes(instance.status) && instance.keyPairId !== rotation.keyPairId;

const planAttach = async (instanceIds: string[], regionId = 'cn-beijing') =>
  app.api.operations.plan({ profileId: app.profileId, regionId, action: 'attach-key-pair', keyPair: rotation, forceStop: false, instanceIds });

async function run(plan: OperationPlan) {
  const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
  return app.core.operations.settled(operationId);
}

/**
 * Linux instances with the reset agent, RUNNING, not on the rotation key (not even after an earlier test attached
 * it): some with another key, one with none when there is one.
 */
function rotatable(count: number): Instance[] {
  const ready = instances.filter(
    (instance) => attachable(instance) && instance.status === 'RUNNING' && withAgent(instance.instanceId) && keyOn(instance.instanceId) !== rotation.keyPairId,
  );
  const keyless = ready.find((instance) => instance.keyPairId === null);
  const keyed = ready.filter((instance) => instance.keyPairId !== null).slice(0, keyless === undefined ? count : count - 1);
  return keyless === undefined ? keyed : [keyless, ...keyed];
}

describe('attach plans', () => {
  it('plans every Linux RUNNING or STOPPED instance without the key, lists the keys it replaces, and says why the rest are out', async () => {
    const plan = valueOf(await planAttach([...instances.map((instance) => instance.instanceId), 'i-not-in-this-region']));
    const expected = instances.filter(attachable);
    expect([...plan.instanceIds].sort()).toEqual(expected.map((instance) => instance.instanceId).sort());
    expect(plan.action).toBe('attach-key-pair');
    expect(plan.keyPair).toEqual(rotation);
    expect(new Set(plan.excluded.map((exclusion) => exclusion.reason))).toEqual(new Set(['windows', 'status', 'already-bound', 'not-in-inventory']));
    expect(plan.excluded).toContainEqual({ instanceId: 'i-not-in-this-region', reason: 'not-in-inventory' });
    // A rotation: every planned instance with another key now, with that key; one with no key gets its first.
    const replaced = expected.filter((instance) => instance.keyPairId !== null);
    expect(plan.replacing).toEqual(
      plan.instanceIds.flatMap((instanceId) => {
        const instance = replaced.find((candidate) => candidate.instanceId === instanceId);
        return instance === undefined ? [] : [{ instanceId, keyPairId: instance.keyPairId, keyPairName: instance.keyPairName }];
      }),
    );
    expect(plan.replacing!.length).toBeGreaterThan(0);
    expect(plan.replacing!.length).toBeLessThan(plan.instanceIds.length);
    expect(plan.leftBehind).toEqual([]);
    expect(plan.undoOf).toBeUndefined();
    expect(plan.confirmationText).toBe(rotation.keyPairName);
    expect(plan.requests).toHaveLength(Math.ceil(expected.length / 100));
    const [first] = plan.requests;
    expect(first!.action).toBe('AttachKeyPair');
    expect(first!.query.map(([key]) => key).filter((key) => !key.startsWith('InstanceIds.'))).toEqual(['Action', 'ClientToken', 'KeyPairId']);
    expect(first!.query).toContainEqual(['KeyPairId', rotation.keyPairId]);
  });

  it('asks for no typed confirmation under 20 instances', async () => {
    const plan = valueOf(await planAttach(rotatable(19).map((instance) => instance.instanceId)));
    expect(plan.instanceIds).toHaveLength(19);
    expect(plan.confirmationText).toBeNull();
  });

  it('answers an attach in a region that was never loaded with INVENTORY_NOT_LOADED', async () => {
    expect(await planAttach(['i-1'], 'cn-shanghai')).toMatchObject({ ok: false, error: { code: 'INVENTORY_NOT_LOADED' } });
  });
});

describe('attach runs', () => {
  it('puts the key on each planned instance once, over the key it had, and main knows it without listing again', async () => {
    const targets = rotatable(5);
    app.simulator.resetChangeCounts();
    const plan = valueOf(await planAttach(targets.map((instance) => instance.instanceId)));
    expect(plan.replacing!.map((entry) => entry.instanceId)).toEqual(targets.filter((instance) => instance.keyPairId !== null).map((instance) => instance.instanceId));
    const result = await run(plan);
    expect(result.progress).toMatchObject({ state: 'finished', succeeded: 5, failed: 0, unknown: 0 });
    for (const target of targets) {
      expect(keyOn(target.instanceId)).toBe(rotation.keyPairId);
      expect(app.simulator.changeCount(target.instanceId)).toBe(1);
    }
    const tokens = plan.requests.map((request) => request.query.find(([key]) => key === 'ClientToken')![1]);
    expect(app.simulator.requests.filter((request) => request.action === 'AttachKeyPair').map((request) => request.clientToken)).toEqual(tokens);
    // The journal tells the same story, the replaced keys included.
    expect(await app.core.history.get(result.operationId)).toMatchObject({ plan: { action: 'attach-key-pair', replacing: plan.replacing }, undoneBy: [] });
    // Where a detached key still works is a detach's question only; an attach is not undone either.
    expect(await app.api.operations.exposure({ operationId: result.operationId })).toMatchObject({ ok: false, error: { code: 'EXPOSURE_NOT_A_DETACH' } });
    expect(await app.api.operations.planUndo({ operationId: result.operationId })).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } });
    // Main's knowledge follows the outcome: planned again, each has the key already.
    const again = valueOf(await planAttach(targets.map((instance) => instance.instanceId)));
    expect(again.instanceIds).toEqual([]);
    expect(again.excluded.map((exclusion) => exclusion.reason)).toEqual(targets.map(() => 'already-bound'));
  });

  it('settles an unknown attach from what DescribeInstances shows: bound is done, not bound is not applied', async () => {
    const [applied, notApplied] = rotatable(3).slice(1);
    app.simulator.resetChangeCounts();
    app.simulator.addFault({ kind: 'destroy-after-apply', action: 'AttachKeyPair', times: 4 });
    const first = await run(valueOf(await planAttach([applied!.instanceId])));
    expect(first.outcomes).toMatchObject([{ instanceId: applied!.instanceId, status: 'unknown' }]);
    app.simulator.addFault({ kind: 'destroy-before-apply', action: 'AttachKeyPair', times: 4 });
    const second = await run(valueOf(await planAttach([notApplied!.instanceId])));
    expect(second.outcomes).toMatchObject([{ status: 'unknown' }]);

    expect(valueOf(await app.api.operations.recheck({ operationId: first.operationId })).outcomes).toEqual([{ instanceId: applied!.instanceId, status: 'succeeded' }]);
    expect(valueOf(await app.api.operations.recheck({ operationId: second.operationId })).outcomes).toMatchObject([
      { instanceId: notApplied!.instanceId, status: 'failed', error: { code: 'ECS_NOT_APPLIED', message: 'A re-check found the key pair not bound.' } },
    ]);
    expect(app.simulator.changeCount(applied!.instanceId)).toBe(1);
    expect(app.simulator.changeCount(notApplied!.instanceId)).toBe(0);
  }, 30_000);

  it('refuses another change of instances a running attach holds, naming the attach', async () => {
    const targets = rotatable(8).slice(6);
    app.simulator.setFaults([{ kind: 'slow-reply', action: ['AttachKeyPair'], delayMs: 800 }]);
    const plan = valueOf(await planAttach(targets.map((instance) => instance.instanceId)));
    const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: null }));
    const answer = await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'reboot', keyPair: null, forceStop: false, instanceIds: [targets[0]!.instanceId] });
    expect(answer).toMatchObject({ ok: false, error: { code: 'OPERATION_INSTANCES_BUSY', busy: { operationId, action: 'attach-key-pair', keyPairName: rotation.keyPairName } } });
    if (answer.ok) return;
    expect(answer.error.message).toContain(`an attach of key pair ${rotation.keyPairName}`);
    const busy = answer.error.busy!;
    expect(describeBusyInstances(busy, 'en-US')).toContain(`an attach of key pair “${rotation.keyPairName}”`);
    expect(describeBusyInstances(busy, 'zh-CN')).toContain(`绑定密钥对“${rotation.keyPairName}”`);
    expect((await app.core.operations.settled(operationId)).progress.succeeded).toBe(2);
  }, 30_000);
});
