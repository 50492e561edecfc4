import { afterEach, describe, expect, it } from 'vitest';
import type { ExposedInstance, ExposureReport } from '../../../shared/domain/exposure';
import { makeInstance, makeKeyPair } from '../../../simulator/fleet-builders';
import type { SimulatedInstance } from '../../../simulator/simulator-types';
import { startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';
import { listInventory, loadRegion } from '../support/list-inventory';

const keyPair = { keyPairId: 'kp-deploy0001', keyPairName: 'deploy' };
const bound = { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName };

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(instances: SimulatedInstance[]): Promise<AppUnderTest> {
  const keyPairs = [makeKeyPair(keyPair), makeKeyPair({ keyPairId: 'kp-other0001', keyPairName: 'other' })];
  app = await startAppUnderTest({ fleet: { regions: [{ regionId: 'cn-beijing', zoneIds: ['cn-beijing-a'], instances, keyPairs }] } });
  await loadRegion(app);
  return app;
}

async function run(app: AppUnderTest, action: 'detach-key-pair' | 'reboot', instanceIds: string[], beforeSettled?: (operationId: string) => Promise<void>) {
  if (action === 'detach-key-pair') expect((await listInventory(app, { kind: 'key-pair', keyPair })).progress.state).toBe('complete');
  const plan = valueOf(
    await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action, keyPair: action === 'reboot' ? null : keyPair, forceStop: false, instanceIds }),
  );
  const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
  await beforeSettled?.(operationId);
  return app.core.operations.settled(operationId);
}

const ids = (instances: readonly ExposedInstance[]) => instances.map((instance) => instance.instanceId).sort();
const bucketIds = (report: ExposureReport) => ({
  failed: ids(report.buckets.failed),
  notSent: ids(report.buckets.notSent),
  leftOut: ids(report.buckets.leftOut),
  notYetRebooted: ids(report.buckets.notYetRebooted),
});

describe('where a detached key still works', () => {
  it('sorts every instance into failed, left out (excluded, not selected, bound since) and not yet rebooted, until the app reboots it', async () => {
    const app = await start([
      makeInstance({ instanceId: 'i-running0001', ...bound, instanceName: 'web-1', primaryIpAddress: '172.16.0.11' }),
      makeInstance({ instanceId: 'i-stopped0001', ...bound, status: 'STOPPED' }),
      makeInstance({ instanceId: 'i-reboots0001', ...bound }),
      makeInstance({ instanceId: 'i-failing0001', ...bound }),
      makeInstance({ instanceId: 'i-windows0001', ...bound, osType: 'Windows' }),
      makeInstance({ instanceId: 'i-unselect001', ...bound }),
      makeInstance({ instanceId: 'i-winunsel001', ...bound, osType: 'Windows' }),
      makeInstance({ instanceId: 'i-boundlate01' }),
      makeInstance({ instanceId: 'i-otherkey001', keyPairId: 'kp-other0001', keyPairName: 'other' }),
    ]);
    // A reboot before the detach does not count: the key was still bound when it restarted.
    const earlyReboot = await run(app, 'reboot', ['i-running0001']);
    expect(earlyReboot.progress.succeeded).toBe(1);
    app.simulator.addFault({ kind: 'instance-flow-limit', action: 'DetachKeyPair', instanceIds: ['i-failing0001'], times: 1 });
    const detach = await run(app, 'detach-key-pair', ['i-running0001', 'i-stopped0001', 'i-reboots0001', 'i-failing0001', 'i-windows0001']);
    expect(detach.progress).toMatchObject({ succeeded: 3, failed: 1 });
    // Bound after the plan was made: the key works there, and this operation never touched it.
    app.simulator.fleet.updateInstance('i-boundlate01', bound);

    const first = valueOf(await app.api.operations.exposure({ operationId: detach.operationId }));
    expect(first.problems).toEqual([]);
    expect(bucketIds(first)).toEqual({
      failed: ['i-failing0001'],
      notSent: [],
      leftOut: ['i-boundlate01', 'i-unselect001', 'i-windows0001', 'i-winunsel001'],
      notYetRebooted: ['i-reboots0001', 'i-running0001'],
    });
    expect(first.total).toBe(7);
    expect(first.buckets.failed[0]!.detail).toBe('FlowLimitExceeded');
    expect(Object.fromEntries(first.buckets.leftOut.map((entry) => [entry.instanceId, entry.detail]))).toEqual({
      'i-boundlate01': 'not-selected',
      'i-unselect001': 'not-selected',
      'i-windows0001': 'windows',
      // Never asked for, but the reason it could not be is worth more than "not selected".
      'i-winunsel001': 'windows',
    });
    expect(first.buckets.notYetRebooted.find((entry) => entry.instanceId === 'i-running0001')).toEqual({
      instanceId: 'i-running0001',
      instanceName: 'web-1',
      privateIp: '172.16.0.11',
      status: 'RUNNING',
      detail: 'detached',
    });

    // The app reboots one: it leaves the list. The stopped one was never in it.
    await run(app, 'reboot', ['i-reboots0001']);
    const second = valueOf(await app.api.operations.exposure({ operationId: detach.operationId }));
    expect(bucketIds(second).notYetRebooted).toEqual(['i-running0001']);
    expect(second.total).toBe(6);

    // A retry of the failed one is a new operation; its check still sees the first run's instances awaiting a reboot.
    const retry = await run(app, 'detach-key-pair', ['i-failing0001']);
    expect(retry.progress.succeeded).toBe(1);
    const afterRetry = valueOf(await app.api.operations.exposure({ operationId: retry.operationId }));
    expect(bucketIds(afterRetry)).toEqual({
      failed: [],
      notSent: [],
      leftOut: ['i-boundlate01', 'i-unselect001', 'i-windows0001', 'i-winunsel001'],
      notYetRebooted: ['i-failing0001', 'i-running0001'],
    });
  });

  it('calls the instances of a cancelled run "not sent", and those it detached "not yet rebooted"', async () => {
    const instances = Array.from({ length: 250 }, (_, index) => makeInstance({ instanceId: `i-fleet${String(index).padStart(6, '0')}`, ...bound }));
    const app = await start(instances);
    valueOf(await app.api.settings.update({ requestConcurrency: 1 }));
    app.simulator.setLatency(400);
    const detach = await run(
      app,
      'detach-key-pair',
      instances.map((instance) => instance.instanceId),
      async (operationId) => {
        valueOf(await app.api.operations.cancel({ operationId }));
      },
    );
    app.simulator.setLatency(0);
    expect(detach.progress.state).toBe('cancelled');
    const report = valueOf(await app.api.operations.exposure({ operationId: detach.operationId }));
    expect(report.problems).toEqual([]);
    expect(report.buckets.notSent.length).toBe(detach.progress.notSent);
    expect(report.buckets.notSent.length).toBeGreaterThanOrEqual(100);
    expect(new Set(report.buckets.notSent.map((entry) => entry.detail))).toEqual(new Set(['ECS_CANCELLED']));
    expect(report.buckets.notYetRebooted.length).toBe(detach.progress.succeeded);
    expect(report.buckets.failed).toEqual([]);
    expect(report.total).toBe(250);
  });

  it('says which read failed, and keeps what the other read showed, when Volcengine refuses one', async () => {
    const app = await start([
      makeInstance({ instanceId: 'i-running0001', ...bound }),
      makeInstance({ instanceId: 'i-failing0001', ...bound }),
      makeInstance({ instanceId: 'i-unselect001', ...bound }),
    ]);
    app.simulator.addFault({ kind: 'instance-flow-limit', action: 'DetachKeyPair', instanceIds: ['i-failing0001'], times: 1 });
    const detach = await run(app, 'detach-key-pair', ['i-running0001', 'i-failing0001']);

    app.simulator.setFaults([{ kind: 'api-error', code: 'AccessDenied', action: 'DescribeInstances', params: { KeyPairName: 'deploy' } }]);
    const noListing = valueOf(await app.api.operations.exposure({ operationId: detach.operationId }));
    expect(noListing.problems.map((problem) => problem.read)).toEqual(['key-pair-listing']);
    expect(noListing.problems[0]!.error).toMatchObject({ code: 'CLOUD_REQUEST_FAILED', cloud: { code: 'AccessDenied' } });
    // The read by ID still shows the failed one bound and the detached one running; the unselected one is unseen.
    expect(bucketIds(noListing)).toEqual({ failed: ['i-failing0001'], notSent: [], leftOut: [], notYetRebooted: ['i-running0001'] });

    app.simulator.setFaults([{ kind: 'api-error', code: 'AccessDenied', action: 'DescribeInstances', instanceIds: ['i-running0001'] }]);
    const noRead = valueOf(await app.api.operations.exposure({ operationId: detach.operationId }));
    expect(noRead.problems.map((problem) => problem.read)).toEqual(['detached-instances']);
    expect(bucketIds(noRead)).toEqual({ failed: ['i-failing0001'], notSent: [], leftOut: ['i-unselect001'], notYetRebooted: [] });

    app.simulator.setFaults([]);
    await app.simulator.close();
    const unreachable = valueOf(await app.api.operations.exposure({ operationId: detach.operationId }));
    expect(unreachable.problems.map((problem) => problem.read)).toEqual(['detached-instances', 'key-pair-listing']);
    expect(unreachable.total).toBe(0);
  });

  it('refuses a reboot operation: only a detach has a key to check', async () => {
    const app = await start([makeInstance({ instanceId: 'i-running0001', ...bound })]);
    const reboot = await run(app, 'reboot', ['i-running0001']);
    const answer = await app.api.operations.exposure({ operationId: reboot.operationId });
    expect(answer.ok ? null : answer.error.code).toBe('EXPOSURE_NOT_A_DETACH');
  });
});

describe('exposure checks in the journal', () => {
  it('keeps the latest check of each operation, for the history list and the opened operation', async () => {
    const app = await start([makeInstance({ instanceId: 'i-running0001', ...bound }), makeInstance({ instanceId: 'i-unselect001', ...bound })]);
    const detach = await run(app, 'detach-key-pair', ['i-running0001']);
    const before = valueOf(await app.api.history.list()).entries.find((entry) => entry.operationId === detach.operationId)!;
    expect(before.exposure).toBeNull();
    expect(valueOf(await app.api.history.get({ operationId: detach.operationId })).exposure).toBeNull();

    valueOf(await app.api.operations.exposure({ operationId: detach.operationId }));
    await run(app, 'reboot', ['i-running0001']);
    const latest = valueOf(await app.api.operations.exposure({ operationId: detach.operationId }));

    const entry = valueOf(await app.api.history.list()).entries.find((candidate) => candidate.operationId === detach.operationId)!;
    expect(entry.exposure).toEqual({ checkedAt: latest.checkedAt, counts: { failed: 0, notSent: 0, leftOut: 1, notYetRebooted: 0, total: 1 }, complete: true });
    expect(valueOf(await app.api.history.get({ operationId: detach.operationId })).exposure).toEqual(latest);
  });
});
