import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../electron/keychain/secret-store';
import type { Instance, KeyPair } from '../../../shared/domain/ecs';
import type { OperationPlan, PlanRequest } from '../../../shared/domain/operation';
import type { IpcResult } from '../../../shared/ipc/result';
import { restartOnSnapshot, snapshotUserData, startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';
import { listInventory, loadRegion } from '../support/list-inventory';

/*
 * One change per instance at a time, against the simulator over HTTP: a running detach, reboot or sweep holds its
 * instances until it ends, and any other operation over one of them is refused with an error naming it.
 */

let app: AppUnderTest;
let instances: Instance[];
let keyPairs: KeyPair[];
const secrets = createMemorySecretStore();

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 23, instances: 600, regions: ['cn-beijing'] }, rebootDurationMs: 40 }, { secretStore: secrets });
  ({ instances, keyPairs } = await loadRegion(app));
});
afterAll(async () => {
  await app.close();
});
afterEach(() => {
  app.simulator.setFaults([]);
});

const withAgent = (instanceId: string) => app.simulator.fleet.findInstance('cn-beijing', instanceId)?.hasResetAgent === true;

/** The key pairs with the most instances a detach can take, busiest first, with those instances. */
function detachableByKey(): Array<{ keyPair: { keyPairId: string; keyPairName: string }; ids: string[] }> {
  const byKey = new Map<string, string[]>();
  for (const instance of instances) {
    if (instance.keyPairId === null || instance.osType !== 'Linux' || instance.status !== 'RUNNING' || !withAgent(instance.instanceId)) continue;
    byKey.set(instance.keyPairId, [...(byKey.get(instance.keyPairId) ?? []), instance.instanceId]);
  }
  return [...byKey.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([keyPairId, ids]) => ({ keyPair: { keyPairId, keyPairName: keyPairs.find((keyPair) => keyPair.keyPairId === keyPairId)!.keyPairName }, ids }));
}

const request = (action: PlanRequest['action'], instanceIds: string[], keyPair: PlanRequest['keyPair'] = null): PlanRequest => ({
  profileId: app.profileId,
  regionId: 'cn-beijing',
  action,
  keyPair,
  forceStop: false,
  instanceIds,
});

async function planDetach(keyPair: { keyPairId: string; keyPairName: string }, instanceIds: string[]): Promise<OperationPlan> {
  expect((await listInventory(app, { kind: 'key-pair', keyPair })).progress.state).toBe('complete');
  return valueOf(await app.api.operations.plan(request('detach-key-pair', instanceIds, keyPair)));
}

const start = (plan: OperationPlan) => app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText });

/** Every change request answers a second late, so an operation is still running while the test asks for another. */
const slowChanges = () => app.simulator.setFaults([{ kind: 'slow-reply', action: ['DetachKeyPair', 'RebootInstances'], delayMs: 1000 }]);

function expectBusy(answer: IpcResult<unknown>, busy: Record<string, unknown>) {
  expect(answer).toMatchObject({ ok: false, error: { code: 'OPERATION_INSTANCES_BUSY', busy } });
}

describe('one change per instance at a time', () => {
  it('refuses a second detach of instances a running detach is changing, naming it, and calls that plan stale once it ends', async () => {
    const { keyPair, ids } = detachableByKey()[0]!;
    const first = await planDetach(keyPair, ids.slice(0, 4));
    const second = await planDetach(keyPair, ids.slice(2, 6));
    slowChanges();
    const running = valueOf(await start(first));

    const refused = await start(second);
    expectBusy(refused, { operationId: running.operationId, action: 'detach-key-pair', keyPairName: keyPair.keyPairName, regionId: 'cn-beijing', overlapping: 2, asked: 4 });
    // A new plan over them is refused as early as the review, with the same account.
    expectBusy(await app.api.operations.plan(request('detach-key-pair', ids.slice(3, 5), keyPair)), { operationId: running.operationId, overlapping: 1, asked: 2 });
    expect(app.core.operations.memory().claimedInstances).toBe(4);

    await app.core.operations.settled(running.operationId);
    expect(app.core.operations.memory().claimedInstances).toBe(0);
    // The first detach took the key off two of the second plan's instances after it was made: what it was judged by
    // no longer holds, so it is refused for good (and dropped), never sent as reviewed.
    expect(await start(second)).toMatchObject({ ok: false, error: { code: 'PLAN_STALE' } });
    expect(await start(second)).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_FOUND' } });
    expect(app.simulator.requests.filter((logged) => logged.action === 'DetachKeyPair')).toHaveLength(1);
    // Made again, the plan reads the keys as they are now.
    const again = await planDetach(keyPair, ids.slice(2, 6));
    expect(again.instanceIds).toEqual(ids.slice(4, 6));
    await app.core.operations.settled(valueOf(await start(again)).operationId);
  }, 30_000);

  it('starts a waiting detach once a reboot of its instances ends: a reboot changes no key', async () => {
    // The sweep test above only planned over this key pair's instances, and detached its first.
    const { keyPair, ids } = detachableByKey()[2]!;
    const detach = await planDetach(keyPair, ids.slice(1, 4));
    slowChanges();
    const rebooting = valueOf(await start(valueOf(await app.api.operations.plan(request('reboot', ids.slice(2, 3))))));
    expectBusy(await start(detach), { operationId: rebooting.operationId, action: 'reboot', overlapping: 1, asked: 3 });
    await app.core.operations.settled(rebooting.operationId);
    app.simulator.setFaults([]);
    const started = valueOf(await start(detach));
    expect((await app.core.operations.settled(started.operationId)).progress.succeeded).toBe(3);
  }, 30_000);

  it('refuses a reboot of instances a detach is changing, and a detach of instances a rolling reboot is changing', async () => {
    const { keyPair, ids } = detachableByKey()[1]!;
    const reboot = valueOf(await app.api.operations.plan(request('reboot', ids.slice(0, 3))));
    const detach = await planDetach(keyPair, ids.slice(2, 5));
    slowChanges();
    const running = valueOf(await start(detach));
    expectBusy(await start(reboot), { operationId: running.operationId, action: 'detach-key-pair', keyPairName: keyPair.keyPairName, overlapping: 1, asked: 3 });
    await app.core.operations.settled(running.operationId);

    const rebooting = valueOf(await start(valueOf(await app.api.operations.plan(request('reboot', ids.slice(5, 8))))));
    expectBusy(await app.api.operations.plan(request('detach-key-pair', ids.slice(7, 9), keyPair)), {
      operationId: rebooting.operationId,
      action: 'reboot',
      keyPairName: null,
      overlapping: 1,
      asked: 2,
    });
    // Instances no running operation holds can be changed meanwhile.
    const apart = await planDetach(keyPair, ids.slice(9, 10));
    expect(apart.instanceIds).toEqual(ids.slice(9, 10));
    await app.core.operations.settled(rebooting.operationId);
  }, 30_000);

  it('refuses a sweep as a whole when a running operation holds any of its instances', async () => {
    const { keyPair, ids } = detachableByKey()[2]!;
    const sweep = valueOf(await app.api.sweep.find({ profileIds: [app.profileId], keyPairName: keyPair.keyPairName, jobId: 'sweep-busy' }));
    const account = sweep.accounts[0]!;
    if (account.state !== 'searched') throw new Error(`the account was not searched: ${account.error.code}`);
    const parts = account.regions.flatMap((region) =>
      region.state === 'found' ? [{ profileId: app.profileId, regionId: region.regionId, instanceIds: region.instances.map((instance) => instance.instanceId) }] : [],
    );
    const sweepPlan = valueOf(await app.api.sweep.plan({ sweepId: sweep.sweepId, parts }));
    const detach = await planDetach(keyPair, ids.slice(0, 1));
    slowChanges();
    const running = valueOf(await start(detach));

    const refused = await app.api.sweep.start({ sweepPlanId: sweepPlan.sweepPlanId, confirmation: sweepPlan.confirmationText });
    expectBusy(refused, { operationId: running.operationId, action: 'detach-key-pair', overlapping: 1 });
    expect(app.core.operations.memory().running).toBe(1);
    expectBusy(await app.api.sweep.plan({ sweepId: sweep.sweepId, parts }), { operationId: running.operationId });
    await app.core.operations.settled(running.operationId);
  }, 30_000);

  it('frees the instances however an operation ends: cancelled, or failed', async () => {
    const { keyPair, ids } = detachableByKey()[3]!;
    slowChanges();
    const cancelled = valueOf(await start(valueOf(await app.api.operations.plan(request('reboot', ids.slice(0, 2))))));
    valueOf(await app.api.operations.cancel({ operationId: cancelled.operationId }));
    await app.core.operations.settled(cancelled.operationId);
    expect(app.core.operations.memory().claimedInstances).toBe(0);

    app.simulator.setFaults([{ kind: 'api-error', action: 'DetachKeyPair', code: 'AccessDenied' }]);
    const failed = valueOf(await start(await planDetach(keyPair, ids.slice(0, 2))));
    expect((await app.core.operations.settled(failed.operationId)).progress.failed).toBe(2);
    expect(app.core.operations.memory().claimedInstances).toBe(0);
    app.simulator.setFaults([]);
    const again = valueOf(await start(await planDetach(keyPair, ids.slice(0, 2))));
    expect((await app.core.operations.settled(again.operationId)).progress.succeeded).toBe(2);
  }, 30_000);

  it('refuses to resume an interrupted operation while another operation changes its instances', async () => {
    const { keyPair, ids } = detachableByKey()[4]!;
    const plan = await planDetach(keyPair, ids.slice(0, 2));
    app.simulator.setFaults([{ kind: 'slow-reply', action: 'DetachKeyPair', delayMs: 1500 }]);
    const interrupted = valueOf(await start(plan));
    // What a crash while the request is out leaves on disk: the plan and the send on record, no answer.
    const journalFile = path.join(app.userDataDir, 'journal', 'operations.jsonl');
    while (!(await readFile(journalFile, 'utf8')).includes('"type":"batch-sent"')) await new Promise((resolve) => setTimeout(resolve, 10));
    const copy = await snapshotUserData(app, 'kpd-busy-resume-');
    await app.core.operations.settled(interrupted.operationId);

    const restart = restartOnSnapshot(copy, secrets);
    const restarted = restart.core;
    try {
      const listed = await restarted.inventory.list({ profileId: app.profileId, regionId: 'cn-beijing', jobId: 'restarted-list', scope: { kind: 'region' } }, { page: () => undefined, progress: () => undefined });
      expect(listed.state).toBe('complete');
      app.simulator.setFaults([{ kind: 'slow-reply', action: 'RebootInstances', delayMs: 1000 }]);
      const reboot = await restarted.operations.plan(request('reboot', ids.slice(1, 3)));
      const rebooting = restarted.operations.start(reboot.planId, reboot.confirmationText);
      await expect(restarted.operations.resume(interrupted.operationId)).rejects.toMatchObject({
        code: 'OPERATION_INSTANCES_BUSY',
        busy: { operationId: rebooting.operationId, action: 'reboot', overlapping: 1, asked: 2 },
      });
      await restarted.operations.settled(rebooting.operationId);
      // Once the reboot has ended, the same resume goes ahead.
      await restarted.operations.resume(interrupted.operationId);
      expect((await restarted.operations.settled(interrupted.operationId)).progress.state).toBe('finished');
    } finally {
      await restart.close();
    }
  }, 30_000);
});
