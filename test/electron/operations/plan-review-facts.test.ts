import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../shared/domain/ecs';
import { detachBlocker } from '../../../shared/domain/detachability';
import { estimateOf } from '../../../electron/operations/plan-summary';
import { startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';
import { listInventory, loadRegion } from '../support/list-inventory';

let app: AppUnderTest;
let instances: Instance[];

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 23, instances: 900, regions: ['cn-beijing'] } });
  instances = (await loadRegion(app)).instances;
});
afterAll(async () => {
  await app.close();
});

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The key pair bound to the most instances, and those instances. */
function busiestKeyPair() {
  const byKey = groupBy(instances.filter((instance) => instance.keyPairId !== null), (instance) => instance.keyPairId!);
  const [, bound] = [...byKey].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { keyPair: { keyPairId: bound[0]!.keyPairId!, keyPairName: bound[0]!.keyPairName! }, bound };
}

async function planDetach(keyPair: { keyPairId: string; keyPairName: string }, instanceIds: string[]) {
  expect((await listInventory(app, { kind: 'key-pair', keyPair })).progress.state).toBe('complete');
  return valueOf(await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'detach-key-pair', keyPair, forceStop: false, instanceIds }));
}

describe('what a detach plan leaves behind', () => {
  it('lists every bound instance not in the plan, with its exclusion reason, what blocks it, or "not selected"', async () => {
    const { keyPair, bound } = busiestKeyPair();
    const eligible = bound.filter((instance) => detachBlocker(instance, keyPair) === null);
    const blocked = bound.filter((instance) => detachBlocker(instance, keyPair) !== null);
    expect(eligible.length).toBeGreaterThan(4);
    expect(blocked.length).toBeGreaterThan(0);
    // Half the eligible ones, and one blocked instance asked for explicitly (so it is excluded, not merely unselected).
    const chosen = eligible.slice(0, Math.floor(eligible.length / 2));
    const plan = await planDetach(keyPair, [...chosen, blocked[0]!].map((instance) => instance.instanceId));

    expect(plan.instanceIds).toEqual(chosen.map((instance) => instance.instanceId));
    const left = new Map(plan.leftBehind.map((entry) => [entry.instanceId, entry]));
    expect([...left.keys()].sort()).toEqual(bound.filter((instance) => !plan.instanceIds.includes(instance.instanceId)).map((instance) => instance.instanceId).sort());
    for (const instance of eligible.slice(chosen.length)) expect(left.get(instance.instanceId)?.reason).toBe('not-selected');
    for (const instance of blocked) expect(left.get(instance.instanceId)?.reason).toBe(detachBlocker(instance, keyPair));
    expect(plan.excluded).toContainEqual({ instanceId: blocked[0]!.instanceId, reason: detachBlocker(blocked[0]!, keyPair) });
    // Each carries what an admin recognises it by, as read.
    const sample = bound.find((instance) => left.has(instance.instanceId))!;
    expect(left.get(sample.instanceId)).toMatchObject({ instanceName: sample.instanceName, privateIp: sample.privateIp, zoneId: sample.zoneId, status: sample.status });
  });

  it('leaves nothing behind for a reboot (no key is involved)', async () => {
    const running = instances.filter((instance) => instance.status === 'RUNNING').slice(0, 3);
    const plan = valueOf(
      await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'reboot', keyPair: null, forceStop: false, instanceIds: running.map((instance) => instance.instanceId) }),
    );
    expect(plan.leftBehind).toEqual([]);
    expect(plan.instances.map((instance) => instance.instanceName)).toEqual(running.map((instance) => instance.instanceName));
  });
});

describe('the facts of a plan', () => {
  it('carries each planned instance\'s name, private IP and zone, and counts them by status and by zone', async () => {
    const { keyPair, bound } = busiestKeyPair();
    const chosen = bound.filter((instance) => detachBlocker(instance, keyPair) === null);
    const plan = await planDetach(keyPair, chosen.map((instance) => instance.instanceId));
    expect(plan.instances).toEqual(
      chosen.map((instance) => ({ instanceId: instance.instanceId, instanceName: instance.instanceName, privateIp: instance.privateIp, zoneId: instance.zoneId, status: instance.status })),
    );
    const count = (pick: (instance: Instance) => string) => Object.fromEntries([...groupBy(chosen, pick)].map(([value, group]) => [value, group.length]));
    expect(Object.fromEntries(plan.breakdown.byStatus.map((entry) => [entry.value, entry.count]))).toEqual(count((instance) => instance.status));
    expect(Object.fromEntries(plan.breakdown.byZone.map((entry) => [entry.value, entry.count]))).toEqual(count((instance) => instance.zoneId));
    // Largest first.
    const zoneCounts = plan.breakdown.byZone.map((entry) => entry.count);
    expect(zoneCounts).toEqual([...zoneCounts].sort((a, b) => b - a));
  });

  it('names the account and the endpoint the requests go to, and estimates the time at the configured pace', async () => {
    valueOf(await app.api.profiles.update({ id: app.profileId, accountId: '2100012345' }));
    valueOf(await app.api.settings.update({ changeRequestsPerSecond: 2, requestConcurrency: 3 }));
    const { keyPair, bound } = busiestKeyPair();
    const chosen = bound.filter((instance) => detachBlocker(instance, keyPair) === null);
    const plan = await planDetach(keyPair, chosen.map((instance) => instance.instanceId));
    expect(plan.accountId).toBe('2100012345');
    expect(plan.endpoint).toBe(new URL(app.simulator.url).origin);
    expect(plan.estimate).toEqual({ requests: plan.requests.length, requestsPerSecond: 2, concurrency: 3, seconds: Math.ceil(plan.requests.length / 2) });
  });

  it('estimates at least a second for any request, none for none, and a pacer\'s worth for many', () => {
    expect(estimateOf(1, { changeRequestsPerSecond: 20, requestConcurrency: 4 }).seconds).toBe(1);
    expect(estimateOf(0, { changeRequestsPerSecond: 20, requestConcurrency: 4 }).seconds).toBe(0);
    expect(estimateOf(120, { changeRequestsPerSecond: 20, requestConcurrency: 4 }).seconds).toBe(6);
    expect(estimateOf(121, { changeRequestsPerSecond: 20, requestConcurrency: 4 }).seconds).toBe(7);
  });
});
