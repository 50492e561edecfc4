import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../../../shared/domain/ecs';
import type { OperationResult, PlanRequest } from '../../../shared/domain/operation';
import { maxSweepParts } from '../../../shared/domain/sweep-limits';
import { startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';
import { listInventory, loadRegion } from '../support/list-inventory';

/*
 * A long session: 200 operations through the whole core against the simulator. What main holds must stay the same
 * size (ended operations and plans let go once journaled), while everything the screens still ask for (a result,
 * History, a re-check) comes from the journal.
 */

let app: AppUnderTest;
let instances: Instance[];

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 31, instances: 500, regions: ['cn-beijing'] }, rebootDurationMs: 10 });
  ({ instances } = await loadRegion(app));
});
afterAll(async () => {
  await app.close();
});

const withAgent = (instanceId: string) => app.simulator.fleet.findInstance('cn-beijing', instanceId)?.hasResetAgent === true;

describe("main's memory over a long session", () => {
  it('stays bounded over 200 operations, and a detach never offers again an instance whose key it took', async () => {
    const runningLinux = instances.filter((instance) => instance.osType === 'Linux' && instance.status === 'RUNNING');
    const counts = new Map<string, number>();
    for (const instance of runningLinux) if (instance.keyPairId !== null && withAgent(instance.instanceId)) counts.set(instance.keyPairId, (counts.get(instance.keyPairId) ?? 0) + 1);
    const [keyPairId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const bound = runningLinux.filter((instance) => instance.keyPairId === keyPairId && withAgent(instance.instanceId));
    const keyPair = { keyPairId, keyPairName: bound[0]!.keyPairName! };
    expect((await listInventory(app, { kind: 'key-pair', keyPair })).progress.state).toBe('complete');

    const base = { profileId: app.profileId, regionId: 'cn-beijing', forceStop: false } as const;
    const detached: string[] = [];
    const results: OperationResult[] = [];
    for (let index = 0; index < 200; index += 1) {
      // Detaches, one instance each, while the key pair has instances left; reboots of one instance otherwise.
      const target = bound[index];
      const request: PlanRequest =
        target !== undefined && index % 2 === 0
          ? { ...base, action: 'detach-key-pair', keyPair, instanceIds: [target.instanceId, ...detached.slice(-3)] }
          : { ...base, action: 'reboot', keyPair: null, instanceIds: [runningLinux[index % runningLinux.length]!.instanceId] };
      // A review the admin closes without starting, every time: such plans must not pile up either.
      valueOf(await app.api.operations.plan(request));
      valueOf(await app.api.operations.plan(request));
      const plan = valueOf(await app.api.operations.plan(request));
      if (request.action === 'detach-key-pair') {
        // Planned without listing the key pair again: main knows the earlier detaches took the key off.
        expect(plan.instanceIds).toEqual([target!.instanceId]);
        expect(plan.leftBehind.map((brief) => brief.instanceId)).not.toContain(detached.at(-1));
        detached.push(target!.instanceId);
      }
      const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
      results.push(await app.core.operations.settled(operationId));
    }
    expect(detached.length).toBeGreaterThan(20);
    expect(results.every((result) => result.progress.succeeded === 1)).toBe(true);

    const memory = app.core.operations.memory();
    expect(memory.running).toBe(0);
    expect(memory.claimedInstances).toBe(0);
    expect(memory.ended).toBeLessThanOrEqual(8);
    expect(memory.pendingPlans).toBeLessThanOrEqual(maxSweepParts + 8);

    // The first operation was let go long ago: its result, History and a re-check still answer, from the journal.
    const first = results[0]!;
    expect(app.core.operations.live(first.operationId)).toBeUndefined();
    const fromJournal = valueOf(await app.api.operations.get({ operationId: first.operationId }));
    expect(fromJournal.outcomes).toEqual(first.outcomes);
    expect(fromJournal.progress).toEqual(first.progress);
    expect(valueOf(await app.api.operations.recheck({ operationId: first.operationId })).outcomes).toEqual(first.outcomes);
    expect(valueOf(await app.api.history.list()).entries).toHaveLength(200);
    expect(app.core.operations.memory().ended).toBeLessThanOrEqual(8);
  }, 120_000);
});
