import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../electron/keychain/secret-store';
import type { Instance } from '../../../shared/domain/ecs';
import type { OperationPlan } from '../../../shared/domain/operation';
import { restartOnSnapshot, snapshotUserData, startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';
import { listInventory, loadRegion } from '../support/list-inventory';

/*
 * The undo of a detach, against the simulator over HTTP: an attach of the same key pair to the instances the detach
 * took it off, judged by a fresh DescribeInstances of them, never overwriting a key bound since.
 */

let app: AppUnderTest;
const secrets = createMemorySecretStore();
let instances: Instance[];
const undoKey = { keyPairId: 'kp-undo000000000000001', keyPairName: 'undo-key' };
const otherKey = { keyPairId: 'kp-undoother0000000001', keyPairName: 'undo-other-key' };
/** Instances the key is on when the test begins: every Linux RUNNING one, all with the reset agent but the first. */
let bound: string[];

const keyPairRecord = (ref: typeof undoKey) => ({
  ...ref,
  description: '',
  fingerPrint: 'bb',
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  projectName: 'default',
  tags: [],
});

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 41, instances: 600, regions: ['cn-beijing'] } }, { secretStore: secrets });
  app.simulator.fleet.addKeyPair('cn-beijing', keyPairRecord(undoKey));
  app.simulator.fleet.addKeyPair('cn-beijing', keyPairRecord(otherKey));
  const linux = app.simulator.fleet.region('cn-beijing')!.instances.filter((instance) => instance.osType === 'Linux' && instance.status === 'RUNNING');
  bound = linux.slice(0, 130).map((instance) => instance.instanceId);
  bound.forEach((instanceId, index) => app.simulator.fleet.updateInstance(instanceId, { ...undoKey, hasResetAgent: index > 0 }));
  ({ instances } = await loadRegion(app));
});
afterAll(async () => {
  await app.close();
});

const keyOn = (instanceId: string) => app.simulator.fleet.findInstance('cn-beijing', instanceId)?.keyPairId;

async function run(plan: OperationPlan) {
  const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
  return app.core.operations.settled(operationId);
}

async function detach(instanceIds: string[]) {
  expect((await listInventory(app, { kind: 'key-pair', keyPair: undoKey })).progress.state).toBe('complete');
  const plan = valueOf(await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'detach-key-pair', keyPair: undoKey, forceStop: false, instanceIds }));
  return run(plan);
}

describe('undo of a detach', () => {
  it('plans an attach of the same key to the instances it detached, read fresh, leaving out what changed since', async () => {
    const detached = await detach(bound);
    // The first has no reset agent: its detach failed, so the undo has nothing to put back there.
    expect(detached.outcomes.filter((outcome) => outcome.status === 'failed').map((outcome) => outcome.instanceId)).toEqual([bound[0]]);
    const succeeded = bound.slice(1);
    expect(succeeded.every((instanceId) => keyOn(instanceId) === '')).toBe(true);

    // Since the detach: one released, one given another key, one stopping, one given the key back by someone else.
    const [released, rekeyed, stopping, rebound] = succeeded;
    app.simulator.fleet.removeInstance(released!);
    app.simulator.fleet.updateInstance(rekeyed!, otherKey);
    app.simulator.fleet.updateInstance(stopping!, { status: 'STOPPING' });
    app.simulator.fleet.updateInstance(rebound!, undoKey);
    const readsBefore = app.simulator.requests.length;

    const plan = valueOf(await app.api.operations.planUndo({ operationId: detached.operationId }));
    expect(plan).toMatchObject({ action: 'attach-key-pair', keyPair: undoKey, undoOf: detached.operationId, replacing: [], leftBehind: [] });
    expect(plan.excluded).toEqual([
      { instanceId: released, reason: 'not-found' },
      { instanceId: rekeyed, reason: 'other-key' },
      { instanceId: stopping, reason: 'status' },
      { instanceId: rebound, reason: 'already-bound' },
    ]);
    const planned = succeeded.slice(4);
    expect(plan.instanceIds).toEqual(planned);
    expect(plan.confirmationText).toBe(undoKey.keyPairName);
    expect(plan.requests.map((request) => request.action)).toEqual(['AttachKeyPair', 'AttachKeyPair']);
    expect(plan.requests[0]!.query).toContainEqual(['KeyPairId', undoKey.keyPairId]);
    // The fresh read: DescribeInstances by ID, at most 100 IDs a request.
    const reads = app.simulator.requests.slice(readsBefore).filter((request) => request.action === 'DescribeInstances');
    expect(reads.map((request) => request.instanceCount)).toEqual([100, succeeded.length - 100]);

    app.simulator.resetChangeCounts();
    const undone = await run(plan);
    expect(undone.progress).toMatchObject({ state: 'finished', succeeded: planned.length });
    expect(planned.every((instanceId) => keyOn(instanceId) === undoKey.keyPairId && app.simulator.changeCount(instanceId) === 1)).toBe(true);
    // Never overwritten: the key bound since stays.
    expect(keyOn(rekeyed!)).toBe(otherKey.keyPairId);
    expect(app.simulator.changeCount(rekeyed!)).toBe(0);

    // The history ties the two together, both ways.
    const history = valueOf(await app.api.history.list());
    expect(history.entries.find((entry) => entry.operationId === detached.operationId)).toMatchObject({ undoOf: null, undoneBy: [undone.operationId] });
    expect(history.entries.find((entry) => entry.operationId === undone.operationId)).toMatchObject({ action: 'attach-key-pair', undoOf: detached.operationId, undoneBy: [] });
    expect(valueOf(await app.api.history.get({ operationId: detached.operationId })).undoneBy).toEqual([undone.operationId]);
    expect(valueOf(await app.api.history.get({ operationId: undone.operationId })).plan.undoOf).toBe(detached.operationId);

    // Undone again: every instance is left out now, so there is nothing to start; main's read knows it.
    const again = valueOf(await app.api.operations.planUndo({ operationId: detached.operationId }));
    expect(again.instanceIds).toEqual([]);
    expect(again.excluded.filter((exclusion) => exclusion.reason === 'already-bound').map((exclusion) => exclusion.instanceId)).toEqual([rebound, ...planned]);
    expect(await app.api.operations.start({ planId: again.planId, confirmation: null })).toMatchObject({ ok: false, error: { code: 'PLAN_EMPTY' } });
    // Main's read of the region follows the fresh read: the released instance is gone, the rest carry the key.
    const attach = valueOf(
      await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'attach-key-pair', keyPair: undoKey, forceStop: false, instanceIds: [released!, planned[0]!] }),
    );
    expect(attach.excluded).toEqual([
      { instanceId: released, reason: 'not-in-inventory' },
      { instanceId: planned[0], reason: 'already-bound' },
    ]);
  }, 60_000);

  it('refuses with UNDO_NOT_POSSIBLE anything but an ended detach that took the key off an instance', async () => {
    const linux = instances.find((instance) => instance.osType === 'Linux' && instance.status === 'RUNNING' && !bound.includes(instance.instanceId))!;
    const reboot = await run(
      valueOf(await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'reboot', keyPair: null, forceStop: false, instanceIds: [linux.instanceId] })),
    );
    expect(await app.api.operations.planUndo({ operationId: reboot.operationId })).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } });

    // A detach that succeeded nowhere (the instance has no reset agent).
    app.simulator.fleet.updateInstance(bound[0]!, undoKey);
    const failed = await detach([bound[0]!]);
    expect(failed.progress.succeeded).toBe(0);
    expect(await app.api.operations.planUndo({ operationId: failed.operationId })).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } });

    // A detach still running: its outcomes are not final.
    const target = instances.find((instance) => instance.osType === 'Linux' && instance.status === 'RUNNING' && !bound.includes(instance.instanceId) && instance.instanceId !== linux.instanceId)!;
    app.simulator.fleet.updateInstance(target.instanceId, { ...undoKey, hasResetAgent: true });
    app.simulator.setFaults([{ kind: 'slow-reply', action: ['DetachKeyPair'], delayMs: 800 }]);
    expect((await listInventory(app, { kind: 'key-pair', keyPair: undoKey })).progress.state).toBe('complete');
    const plan = valueOf(
      await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'detach-key-pair', keyPair: undoKey, forceStop: false, instanceIds: [target.instanceId] }),
    );
    const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: null }));
    expect(await app.api.operations.planUndo({ operationId })).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } });
    expect((await app.core.operations.settled(operationId)).progress.succeeded).toBe(1);
    app.simulator.setFaults([]);

    // Ended, it can be undone; while the undo runs, another undo of it is refused: one change per instance.
    app.simulator.setFaults([{ kind: 'slow-reply', action: ['AttachKeyPair'], delayMs: 800 }]);
    const undo = valueOf(await app.api.operations.planUndo({ operationId }));
    expect(undo.instanceIds).toEqual([target.instanceId]);
    const started = valueOf(await app.api.operations.start({ planId: undo.planId, confirmation: null }));
    expect(await app.api.operations.planUndo({ operationId })).toMatchObject({
      ok: false,
      error: { code: 'OPERATION_INSTANCES_BUSY', busy: { operationId: started.operationId, action: 'attach-key-pair' } },
    });
    expect((await app.core.operations.settled(started.operationId)).progress.succeeded).toBe(1);
    app.simulator.setFaults([]);

    expect(await app.api.operations.planUndo({ operationId: 'no-such-operation' })).toMatchObject({ ok: false, error: { code: 'OPERATION_NOT_FOUND' } });
  }, 60_000);

  it('plans the undo of a detach from an earlier run of the app, as the journal tells it', async () => {
    const targets = instances
      .filter((instance) => instance.osType === 'Linux' && instance.status === 'RUNNING' && !bound.includes(instance.instanceId))
      .slice(10, 12)
      .map((instance) => instance.instanceId);
    for (const instanceId of targets) app.simulator.fleet.updateInstance(instanceId, { ...undoKey, hasResetAgent: true });
    const detached = await detach(targets);
    expect(detached.progress.succeeded).toBe(2);
    // The next run of the app: the same user data (a copy, so the two never share a journal file) and keychain.
    const copy = await snapshotUserData(app, 'kpd-undo-restart-');
    const restart = restartOnSnapshot(copy, secrets);
    const restarted = restart.core;
    try {
      const answer = await restarted.dispatcher.invoke('operations.planUndo', { operationId: detached.operationId });
      expect(answer).toMatchObject({ ok: true, value: { action: 'attach-key-pair', undoOf: detached.operationId, instanceIds: targets, excluded: [] } });
      if (!answer.ok) return;
      const plan = answer.value as OperationPlan;
      const { operationId } = restarted.operations.start(plan.planId, plan.confirmationText);
      expect((await restarted.operations.settled(operationId)).progress.succeeded).toBe(2);
      expect(targets.map(keyOn)).toEqual([undoKey.keyPairId, undoKey.keyPairId]);
      expect((await restarted.history.get(detached.operationId)).undoneBy).toEqual([operationId]);
    } finally {
      await restart.close();
    }
  }, 60_000);
});
