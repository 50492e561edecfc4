import { expect, test } from './support/app-fixture';
import { busiestKeyPair, chooseKeyPair, confirmDetach, selectAllAndReview } from './support/workspace-steps';

test.use({ fleet: { seed: 5, instances: 4000, regions: ['cn-beijing'] } });

test('retries the failed ones: a flow-limited instance fails, then succeeds on retry, and nothing is applied twice', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  const keyPairName = busiestKeyPair(app);
  const limited = app.simulator.fleet
    .region('cn-beijing')!
    .instances.filter((instance) => instance.keyPairName === keyPairName && instance.osType === 'Linux' && instance.status === 'RUNNING' && instance.hasResetAgent)
    .slice(0, 3)
    .map((instance) => instance.instanceId);
  app.simulator.addFault({ kind: 'instance-flow-limit', action: 'DetachKeyPair', instanceIds: limited, times: 1 });

  await chooseKeyPair(page, keyPairName);
  const selected = await selectAllAndReview(page);
  await confirmDetach(page, keyPairName, selected);
  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('FlowLimitExceeded').first()).toBeVisible();
  await app.screenshot('results-with-failures-en-US-light');

  await page.getByRole('button', { name: 'Retry the failed ones' }).click();
  const dialog = page.getByRole('dialog', { name: 'Review: detach a key pair' });
  await expect(dialog).toContainText(`${limited.length} instances in 1 request`);
  await dialog.getByRole('button', { name: `Detach from ${limited.length} instances` }).click();
  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
  for (const instanceId of limited) expect(app.simulator.changeCount(instanceId)).toBe(1);
  expect([...app.simulator.changeCounts().values()].every((count) => count === 1)).toBe(true);
});

test('says plainly when Volcengine cannot be reached', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await expect(page.getByTestId('last-refresh')).toBeVisible();
  await app.simulator.close();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const alert = page.getByTestId('app-error');
  await expect(alert).toHaveAttribute('data-error-code', 'CLOUD_REQUEST_FAILED');
  await expect(alert).toContainText('ECS_NETWORK_CONNECTION_REFUSED');
  // The last good inventory stays on screen.
  await expect(page.getByText(/^4,?000 instances/)).toBeVisible();
  await app.screenshot('unreachable-en-US-light');
});

test('cancel stops sending: requests in flight finish, the rest are reported as never sent', async ({ app }) => {
  // One key pair on every Linux instance: enough requests that not all are in flight at once (four are).
  const region = app.simulator.fleet.region('cn-beijing')!;
  const keyPair = region.keyPairs[0]!;
  for (const instance of region.instances) {
    if (instance.osType === 'Linux') app.simulator.fleet.updateInstance(instance.instanceId, { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName });
  }
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await chooseKeyPair(page, keyPair.keyPairName);
  const selected = await selectAllAndReview(page);
  expect(selected).toBeGreaterThan(1000);
  app.simulator.setLatency(1500);
  await confirmDetach(page, keyPair.keyPairName, selected);
  await page.getByRole('button', { name: 'Stop sending' }).click();
  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('ECS_CANCELLED').first()).toBeVisible();
  await app.screenshot('results-cancelled-en-US-light');
  const changed = app.simulator.changeCounts();
  expect(changed.size).toBeGreaterThan(0);
  expect(changed.size).toBeLessThan(selected);
  expect([...changed.values()].every((count) => count === 1)).toBe(true);
});

test('re-checks unknown outcomes: answers lost after the change was applied are settled from DescribeInstances', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  const keyPairName = busiestKeyPair(app);
  await chooseKeyPair(page, keyPairName);
  const selected = await selectAllAndReview(page);
  // Every answer is lost after the service applied the change: the app cannot know, so it says "unknown".
  app.simulator.addFault({ kind: 'destroy-after-apply', action: 'DetachKeyPair' });
  await confirmDetach(page, keyPairName, selected);
  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 40_000 });
  const recheck = page.getByRole('button', { name: 'Re-check the unknown ones' });
  await expect(recheck).toBeVisible();
  app.simulator.setFaults([]);
  await recheck.click();
  await expect(recheck).toBeHidden();
  await expect(page.getByText('Unknown', { exact: true }).locator('..')).toContainText('0');
  await app.screenshot('results-rechecked-en-US-light');
  expect([...app.simulator.changeCounts().values()].every((count) => count === 1)).toBe(true);
});
