import { afterEach, describe, expect, it } from 'vitest';
import type { OperationAction } from '../../../shared/domain/operation';
import { startAppUnderTest, type AppUnderTest } from '../support/app-under-test';
import { createFaultyNetwork, type FaultyNetwork } from './support/faulty-network';
import { buildMatrixFleet, matrixKey } from './support/matrix-fleet';
import { matrixSettings } from './support/matrix-settings';
import { freshRowIds, planThroughStore, rendererStores, runThroughStore } from './support/renderer-stores';

/*
 * "Retry the failed ones" after an operation whose answers never came: the instances may have changed. A detach
 * can be offered again, because the new plan is checked against a fresh inventory that no longer shows the key on
 * those that changed; a reboot leaves no such trace, so offering it again would reboot twice those that rebooted.
 */

let app: AppUnderTest | undefined;
let network: FaultyNetwork | undefined;
afterEach(async () => {
  await app?.close();
  await network?.close();
});

async function runWithEveryAnswerLost(action: OperationAction) {
  network = await createFaultyNetwork(matrixSettings);
  app = await startAppUnderTest({ fleet: buildMatrixFleet([{ regionId: 'cn-beijing', instances: 30 }]) }, { createEcsClient: network.createEcsClient });
  const { flow, inventory, table, operations } = rendererStores(app.api);
  await flow.chooseProfile(app.profileId, 'cn-beijing');
  if (action === 'detach-key-pair') await flow.chooseKeyPair(matrixKey);
  const instanceIds = [...freshRowIds(table)];
  const ecsAction = action === 'reboot' ? 'RebootInstances' : 'DetachKeyPair';
  // Applied, then the answer is held past the client's timeout, on every attempt.
  app.simulator.setFaults([{ kind: 'slow-reply', action: ecsAction, delayMs: matrixSettings.slowReplyMs }]);
  const plan = await planThroughStore(operations, {
    profileId: app.profileId,
    regionId: 'cn-beijing',
    action,
    keyPair: action === 'detach-key-pair' ? matrixKey : null,
    forceStop: false,
    instanceIds,
  });
  const result = await runThroughStore(operations, plan, (operationId) => app!.core.operations.settled(operationId));
  app.simulator.setFaults([]);
  // As the workspace screen does when an operation ends: its instances and the key pair are read again.
  await inventory.getState().refreshAfterOperation(result.plan);
  return { app, operations, result, instanceIds };
}

describe('retrying after the answers were lost', () => {
  it('does not offer to reboot again instances whose reboot may have happened', async () => {
    const { app, operations, result, instanceIds } = await runWithEveryAnswerLost('reboot');
    expect(result.progress.unknown).toBe(instanceIds.length);
    expect(instanceIds.every((id) => app.simulator.changeCount(id) === 1)).toBe(true);
    expect(await operations.getState().retryFailed()).toBe(false);
    expect(operations.getState().currentPlan).toBeNull();
    expect(instanceIds.every((id) => app.simulator.changeCount(id) === 1)).toBe(true);
  });

  it('offers an unknown detach again, and the fresh inventory leaves out every instance it did change', async () => {
    const { app, operations, result, instanceIds } = await runWithEveryAnswerLost('detach-key-pair');
    expect(result.progress.unknown).toBe(instanceIds.length);
    expect(await operations.getState().retryFailed()).toBe(true);
    const retry = operations.getState().currentPlan!;
    expect(retry.instanceIds).toEqual([]);
    expect(retry.excluded.map((entry) => entry.instanceId).sort()).toEqual([...instanceIds].sort());
    expect(instanceIds.every((id) => app.simulator.changeCount(id) === 1)).toBe(true);
  });
});
