import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperationProgress } from '../../../shared/domain/operation';
import { startAppUnderTest, testKeys, valueOf, type AppUnderTest } from '../support/app-under-test';
import { listInventory, loadRegion } from '../support/list-inventory';

let app: AppUnderTest;
let inventory: Awaited<ReturnType<typeof loadRegion>>;

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 11, instances: 1500, regions: ['cn-beijing'] } });
  inventory = await loadRegion(app);
});
afterAll(async () => {
  await app.close();
});

/** The key pair bound to the most instances, as an admin would pick for a test of scale. */
function busiestKeyPair() {
  const counts = new Map<string, number>();
  for (const instance of inventory.instances) {
    if (instance.keyPairId !== null) counts.set(instance.keyPairId, (counts.get(instance.keyPairId) ?? 0) + 1);
  }
  const [keyPairId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const keyPair = inventory.keyPairs.find((candidate) => candidate.keyPairId === keyPairId)!;
  return { keyPairId, keyPairName: keyPair.keyPairName };
}

/** Whether the instance has the password-reset agent a detach needs (DescribeInstances does not show it). */
const withAgent = (instanceId: string) => app.simulator.fleet.findInstance('cn-beijing', instanceId)?.hasResetAgent === true;

/** Lists the key pair's instances (as choosing it does), then plans a detach of it from these instances in cn-beijing. */
async function planDetach(keyPair: { keyPairId: string; keyPairName: string }, instanceIds: string[]) {
  expect((await listInventory(app, { kind: 'key-pair', keyPair })).progress.state).toBe('complete');
  return valueOf(
    await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'detach-key-pair', keyPair, forceStop: false, instanceIds }),
  );
}

describe('inventory', () => {
  it('lists every instance and key pair of the region, each instance in one page event, and says it is complete', () => {
    expect(inventory.instances).toHaveLength(1500);
    expect(new Set(inventory.instances.map((instance) => instance.instanceId)).size).toBe(1500);
    expect(inventory.keyPairs.length).toBeGreaterThan(0);
    expect(inventory.progress).toMatchObject({ state: 'complete', received: 1500, totalCount: 1500, cancelled: false, error: null });
  });

  it('lists the regions and serves them from the cache when Volcengine is unreachable', async () => {
    const fresh = valueOf(await app.api.regions.list({ profileId: app.profileId, refresh: true }));
    expect(fresh.fromCache).toBe(false);
    expect(fresh.regions.map((region) => region.regionId)).toContain('cn-beijing');
    const cached = valueOf(await app.api.regions.list({ profileId: app.profileId, refresh: false }));
    expect(cached).toEqual({ ...fresh, fromCache: true });
  });
});

describe('detach', () => {
  it('plans only detachable instances, in requests of at most 100, with the reason for each one left out', async () => {
    const keyPair = busiestKeyPair();
    const plan = await planDetach(keyPair, [...inventory.instances.map((instance) => instance.instanceId), 'i-not-in-this-region']);
    const bound = inventory.instances.filter((instance) => instance.keyPairId === keyPair.keyPairId);
    const eligible = bound.filter((instance) => instance.osType === 'Linux' && ['RUNNING', 'STOPPED'].includes(instance.status));
    expect(plan.instanceIds.sort()).toEqual(eligible.map((instance) => instance.instanceId).sort());
    expect(plan.requests).toHaveLength(Math.ceil(eligible.length / 100));
    expect(plan.excluded).toContainEqual({ instanceId: 'i-not-in-this-region', reason: 'not-in-inventory' });
    expect(new Set(plan.excluded.map((exclusion) => exclusion.reason))).toEqual(new Set(['other-key', 'no-key', 'windows', 'status', 'not-in-inventory']));
    expect(plan.confirmationText).toBe(keyPair.keyPairName);
    const first = plan.requests[0]!;
    expect(first.action).toBe('DetachKeyPair');
    expect(first.query.filter(([key]) => key.startsWith('InstanceIds.'))).toHaveLength(Math.min(100, eligible.length));
    expect(first.query).toContainEqual(['KeyPairId', keyPair.keyPairId]);
    expect(JSON.stringify(plan)).not.toContain(testKeys.secretAccessKey);
  });

  it('refuses to start without the typed confirmation, then runs to one outcome per instance, each applied once', async () => {
    const keyPair = busiestKeyPair();
    const plan = await planDetach(keyPair, inventory.instances.map((instance) => instance.instanceId));
    const wrong = await app.api.operations.start({ planId: plan.planId, confirmation: 'not it' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PLAN_CONFIRMATION_MISMATCH' } });

    const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: keyPair.keyPairName }));
    expect(await app.api.operations.start({ planId: plan.planId, confirmation: keyPair.keyPairName })).toMatchObject({
      ok: false,
      error: { code: 'PLAN_NOT_FOUND' },
    });
    const result = await app.core.operations.settled(operationId);
    expect(result.outcomes.map((outcome) => outcome.instanceId).sort()).toEqual([...plan.instanceIds].sort());
    expect(result.progress).toMatchObject({ state: 'finished', total: plan.instanceIds.length, requestsTotal: plan.requests.length, requestsAnswered: plan.requests.length });
    expect(result.progress.succeeded + result.progress.failed + result.progress.unknown).toBe(plan.instanceIds.length);

    for (const outcome of result.outcomes) {
      expect(app.simulator.changeCount(outcome.instanceId)).toBe(outcome.status === 'succeeded' ? 1 : 0);
    }
    // Instances without the password-reset agent fail with the spec's code, explained per instance.
    const agentless = result.outcomes.filter((outcome) => outcome.status === 'failed');
    expect(agentless.every((outcome) => outcome.status === 'failed' && outcome.error.code === 'InvalidResetAuthenticationAgent.NotFound')).toBe(true);

    const progress = app.events.filter((event) => event.channel === 'operations.progress').map((event) => event.payload as OperationProgress);
    expect(progress.at(-1)).toEqual(result.progress);
    expect(valueOf(await app.api.operations.get({ operationId }))).toEqual(result);
  });

  it('stops sending on cancel, lets requests in flight finish, and still gives every instance an outcome', async () => {
    await loadRegion(app);
    const linux = inventory.instances.filter((instance) => instance.osType === 'Linux' && instance.status === 'RUNNING');
    app.simulator.setLatency(150);
    const plan = valueOf(
      await app.api.operations.plan({
        profileId: app.profileId,
        regionId: 'cn-beijing',
        action: 'reboot',
        keyPair: null,
        forceStop: false,
        instanceIds: linux.map((instance) => instance.instanceId),
      }),
    );
    app.simulator.resetChangeCounts();
    expect(plan.confirmationText).toBe(`reboot ${plan.instanceIds.length}`);
    const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(valueOf(await app.api.operations.cancel({ operationId }))).toEqual({ cancelling: true });
    const result = await app.core.operations.settled(operationId);
    app.simulator.setLatency(0);

    expect(result.progress.state).toBe('cancelled');
    expect(result.outcomes).toHaveLength(plan.instanceIds.length);
    const notSent = result.outcomes.filter((outcome) => outcome.status === 'not-sent' && outcome.reason.code === 'ECS_CANCELLED');
    expect(notSent.length).toBeGreaterThan(0);
    for (const outcome of result.outcomes) {
      expect(app.simulator.changeCount(outcome.instanceId)).toBe(outcome.status === 'succeeded' ? 1 : 0);
    }
  });

  it('knows after a detach that the key is gone: the next plan leaves the instance out without listing again', async () => {
    // Another key pair than the busiest one, which earlier tests took off every instance they could.
    const busiest = busiestKeyPair().keyPairId;
    const target = inventory.instances.find(
      (instance) => instance.keyPairId !== null && instance.keyPairId !== busiest && instance.osType === 'Linux' && instance.status === 'RUNNING' && withAgent(instance.instanceId),
    )!;
    const keyPair = { keyPairId: target.keyPairId!, keyPairName: target.keyPairName! };
    const plan = await planDetach(keyPair, [target.instanceId]);
    expect(plan.instanceIds).toEqual([target.instanceId]);
    const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: null }));
    expect((await app.core.operations.settled(operationId)).outcomes).toMatchObject([{ status: 'succeeded' }]);
    // What main knows follows the outcome: the key is gone from the instance, so no plan offers it again.
    const next = valueOf(
      await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'detach-key-pair', keyPair, forceStop: false, instanceIds: [target.instanceId] }),
    );
    expect(next.instanceIds).toEqual([]);
    expect(next.excluded).toEqual([{ instanceId: target.instanceId, reason: 'no-key' }]);
    expect(next.leftBehind.map((instance) => instance.instanceId)).not.toContain(target.instanceId);
    // Listed again, the key pair no longer has the instance: it is left out, not detached twice.
    const again = await planDetach(keyPair, [target.instanceId]);
    expect(again.excluded).toEqual([{ instanceId: target.instanceId, reason: 'no-key' }]);
  });

  it('answers a plan for a region that was never loaded with INVENTORY_NOT_LOADED', async () => {
    const answer = await app.api.operations.plan({
      profileId: app.profileId,
      regionId: 'cn-shanghai',
      action: 'reboot',
      keyPair: null,
      forceStop: false,
      instanceIds: ['i-1'],
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVENTORY_NOT_LOADED' } });
  });
});

describe('re-check of unknown outcomes', () => {
  it('settles each unknown instance from what DescribeInstances shows', async () => {
    const fresh = await loadRegion(app);
    const linux = fresh.instances.filter(
      (instance) => instance.osType === 'Linux' && instance.status === 'RUNNING' && instance.keyPairId !== null && withAgent(instance.instanceId),
    );
    const [applied, notApplied] = [linux[0]!, linux.find((instance) => instance.keyPairId !== linux[0]!.keyPairId)!];
    app.simulator.resetChangeCounts();
    // Two single-instance detaches whose answers never arrive: one is applied first, the other never is.
    app.simulator.addFault({ kind: 'destroy-after-apply', action: 'DetachKeyPair', times: 4 });
    const first = await planDetach({ keyPairId: applied.keyPairId!, keyPairName: applied.keyPairName! }, [applied.instanceId]);
    const { operationId } = valueOf(await app.api.operations.start({ planId: first.planId, confirmation: null }));
    const result = await app.core.operations.settled(operationId);
    expect(result.outcomes).toMatchObject([{ instanceId: applied.instanceId, status: 'unknown' }]);

    app.simulator.addFault({ kind: 'destroy-before-apply', action: 'DetachKeyPair', times: 4 });
    const second = await planDetach({ keyPairId: notApplied.keyPairId!, keyPairName: notApplied.keyPairName! }, [notApplied.instanceId]);
    const other = valueOf(await app.api.operations.start({ planId: second.planId, confirmation: null }));
    expect((await app.core.operations.settled(other.operationId)).outcomes).toMatchObject([{ status: 'unknown' }]);

    expect(valueOf(await app.api.operations.recheck({ operationId })).outcomes).toEqual([{ instanceId: applied.instanceId, status: 'succeeded' }]);
    expect(valueOf(await app.api.operations.recheck({ operationId: other.operationId })).outcomes).toMatchObject([
      { instanceId: notApplied.instanceId, status: 'failed', error: { code: 'ECS_NOT_APPLIED' } },
    ]);
    expect(app.simulator.changeCount(applied.instanceId)).toBe(1);
    expect(app.simulator.changeCount(notApplied.instanceId)).toBe(0);
  }, 30_000);
});
