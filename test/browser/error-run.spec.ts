import type { ApiErrorCode } from '../../simulator/api-error';
import { makeKeyPair } from '../../simulator/fleet-builders';
import { ecsErrorCatalogue } from '../../shared/errors/ecs-error-catalogue';
import type { EcsKnownErrorCode } from '../../shared/errors/ecs-error-codes';
import { expect, test } from './support/app-fixture';
import { filterResultsByCode, outcomeRow } from './support/results-steps';
import { chooseKeyPair, confirmDetach, plannedBatches, selectAllAndReview } from './support/workspace-steps';

/**
 * The request-level errors of DetachKeyPair and the gateway's errors any call can return (see the spec), each
 * one known to both the simulator (so it can answer it) and the app's catalogue (so it can explain it).
 */
const requestLevelCodes = [
  'MissingParameter.KeyPairNameAndKeyPairId',
  'MissingParameter.InstanceIds',
  'LimitExceeded.MaximumInstanceIds',
  'InvalidClientToken.Malformed',
  'IdempotentParameterMismatch',
  'InvalidKeyPair.NotFound',
  'IdempotentProcessing',
  'FlowLimitExceeded',
  'InternalError',
  'MissingParameter',
  'MissingRequestInfo',
  'InvalidActionOrVersion',
  'AccessDenied',
  'LackProjectPolicy',
  'ServiceShouldCallSelfApi',
] as const satisfies ReadonlyArray<ApiErrorCode & EcsKnownErrorCode>;

/** How many instances of the per-instance request are rate-limited one by one (the other problems get one each). */
const flowLimitedCount = 3;

// One region keeps loading the inventory short; 2,500 instances hold enough detachable Linux ones for the run.
test.use({ fleet: { seed: 5, instances: 2500, regions: ['cn-beijing'] } });

test('the error run: every DetachKeyPair error code shows in the results with its explanation, and nothing is changed twice', async ({ app }) => {
  // About 45 s when the machine is quiet (loading the inventory, a run with retries, twenty filters); the limit
  // leaves room for a busy one rather than making the test depend on its speed.
  test.setTimeout(120_000);
  // A key pair of its own on exactly as many instances as make one request per request-level code, plus one
  // request whose instances fail one by one.
  const region = app.simulator.fleet.region('cn-beijing')!;
  const keyPair = makeKeyPair({ keyPairId: 'kp-errorrun0000000001', keyPairName: 'error-run' });
  app.simulator.fleet.addKeyPair('cn-beijing', keyPair);
  const detachable = region.instances.filter(
    (instance) => instance.osType === 'Linux' && instance.hasResetAgent && (instance.status === 'RUNNING' || instance.status === 'STOPPED'),
  );
  const requestCount = requestLevelCodes.length + 1;
  expect(detachable.length).toBeGreaterThanOrEqual(requestCount * 100);
  for (const instance of detachable.slice(0, requestCount * 100)) {
    app.simulator.fleet.updateInstance(instance.instanceId, { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName });
  }

  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await chooseKeyPair(page, keyPair.keyPairName);
  const selected = await selectAllAndReview(page);
  expect(selected).toBe(requestCount * 100);
  const [perInstanceBatch, ...requestLevelBatches] = await plannedBatches(page);
  expect(requestLevelBatches).toHaveLength(requestLevelCodes.length);

  // The plan was made from the inventory the app loaded; now the instances change under it, as they can in a
  // real account, and the service's answer names each problem per instance.
  const [released, windows, noAgent, stopping, ...rest] = perInstanceBatch!;
  const flowLimited = rest.slice(0, flowLimitedCount);
  app.simulator.fleet.removeInstance(released!);
  app.simulator.fleet.updateInstance(windows!, { osType: 'Windows', osName: 'Windows Server 2022' });
  app.simulator.fleet.updateInstance(noAgent!, { hasResetAgent: false });
  app.simulator.fleet.updateInstance(stopping!, { status: 'STOPPING' });
  app.simulator.addFault({ kind: 'instance-flow-limit', action: 'DetachKeyPair', instanceIds: flowLimited });
  // Every other request is refused as a whole, each with its own code, on every attempt (retries included).
  requestLevelCodes.forEach((code, index) => {
    app.simulator.addFault({ kind: 'api-error', code, action: 'DetachKeyPair', instanceIds: requestLevelBatches[index] });
  });

  await confirmDetach(page, keyPair.keyPairName, selected);
  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 40_000 });

  // Where each code must show: on each instance that failed on its own, and on the first instance of each
  // refused request (with the whole request's instances counted). FlowLimitExceeded is both.
  const expected = new Map<EcsKnownErrorCode, { instanceIds: string[]; count: number }>();
  const expectCode = (code: EcsKnownErrorCode, instanceId: string, count: number) => {
    const entry = expected.get(code) ?? { instanceIds: [], count: 0 };
    expected.set(code, { instanceIds: [...entry.instanceIds, instanceId], count: entry.count + count });
  };
  expectCode('InvalidInstance.NotFound', released!, 1);
  expectCode('InvalidKeyPairForWindows.Unsupported', windows!, 1);
  expectCode('InvalidResetAuthenticationAgent.NotFound', noAgent!, 1);
  expectCode('InvalidInstanceStatus', stopping!, 1);
  for (const instanceId of flowLimited) expectCode('FlowLimitExceeded', instanceId, 1);
  requestLevelCodes.forEach((code, index) => expectCode(code, requestLevelBatches[index]![0]!, requestLevelBatches[index]!.length));

  for (const [code, { instanceIds, count }] of expected) {
    await filterResultsByCode(page, code);
    await expect(page.getByTestId('results-shown'), code).toHaveText(`Showing ${count} of ${selected}`);
    // The catalogue's own text: if the table stops explaining a code, or explains it wrongly, this fails.
    const { title, action } = ecsErrorCatalogue[code].text['en-US'];
    for (const instanceId of instanceIds) {
      const row = outcomeRow(page, instanceId);
      await expect(row, `${code} on ${instanceId}`).toContainText(code);
      await expect(row, `${code} on ${instanceId}`).toContainText(title);
      await expect(row, `${code} on ${instanceId}`).toContainText(action);
    }
  }

  await filterResultsByCode(page, null);
  await expect(page.getByTestId('results-shown')).toHaveText(`Showing ${selected} of ${selected}`);
  await app.screenshot('error-run-en-US-light');

  // Only the per-instance request was applied, to each of its instances that had no problem, once.
  const troubled = new Set([released, windows, noAgent, stopping, ...flowLimited]);
  const changed = app.simulator.changeCounts();
  expect([...changed.keys()].sort()).toEqual(perInstanceBatch!.filter((instanceId) => !troubled.has(instanceId)).sort());
  expect([...changed.values()].every((count) => count === 1)).toBe(true);
});
