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

  await page.getByRole('button', { name: `Run again for ${limited.length}` }).click();
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
  // Over a thousand instances planned, reviewed and partly sent: more than a minute on a loaded two-core machine.
  test.setTimeout(120_000);
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
  // The live screen, caught mid-run: requests in flight, most instances still pending.
  const progress = page.getByTestId('operation-progress');
  await expect(progress).toHaveAttribute('data-state', 'running');
  await expect(progress.getByText('Pending', { exact: true })).toBeVisible();
  await app.screenshot('progress-live-en-US-light');
  await page.getByRole('button', { name: 'Stop sending' }).click();
  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
  // Never sent is an outcome of its own: not red, not counted as failed, and its own filter.
  const results = page.getByTestId('operation-results');
  const notSent = Number(await results.getByTestId('summary-not-sent').locator('dd').textContent());
  expect(notSent).toBeGreaterThan(0);
  await expect(results.getByTestId('not-sent-by-code').locator('[data-code="ECS_CANCELLED"]').first()).toContainText(String(notSent));
  // What failed is what Volcengine refused (instances without the reset agent), never a cancellation.
  await expect(results.getByTestId('failed-by-code')).not.toContainText('ECS_CANCELLED');
  await expect(results.getByTestId('failed-by-code')).not.toContainText('Cancelled');
  await page.getByRole('combobox', { name: 'Outcome' }).click();
  await page.getByRole('option', { name: `Not sent (${notSent})` }).click();
  await expect(page.getByTestId('results-shown')).toContainText(`${notSent} of`);
  const firstRow = page.getByTestId('outcome-row').first();
  await expect(firstRow).toHaveAttribute('data-status', 'not-sent');
  await expect(firstRow.getByText('Not sent', { exact: true })).toBeVisible();
  // The app's own code is named in words first; it is not dressed up as a Volcengine code.
  await expect(firstRow.locator('.error-code-app[data-code="ECS_CANCELLED"]')).toHaveText(/^Cancelled\s+ECS_CANCELLED$/);
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

test('says which selected instances are known to fail again, and leaves them out in one click', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  const keyPairName = busiestKeyPair(app);
  const agentless = app.simulator.fleet
    .region('cn-beijing')!
    .instances.filter(
      (instance) => instance.keyPairName === keyPairName && instance.osType === 'Linux' && ['RUNNING', 'STOPPED'].includes(instance.status) && !instance.hasResetAgent,
    );
  expect(agentless.length).toBeGreaterThan(0);
  await chooseKeyPair(page, keyPairName);
  const selected = await selectAllAndReview(page);
  await confirmDetach(page, keyPairName, selected);
  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary-failed')).toContainText(String(agentless.length));
  // Nothing failed for a reason worth retrying: the disabled button says why.
  await expect(page.getByTestId('retry-failed')).toBeDisabled();
  await expect(page.getByTestId('retry-none-reason')).toContainText('each failure needs a change first');

  // The agentless instances are still bound, so "select all" takes them again: Review would send them again, and
  // the screen says so before it does.
  await page.getByRole('button', { name: 'Select all that match' }).click();
  const notice = page.getByTestId('known-failures');
  await expect(notice).toContainText(`${agentless.length} of the selected instances could not be changed just now`);
  await expect(notice).toContainText('InvalidResetAuthenticationAgent.NotFound');
  await notice.scrollIntoViewIfNeeded();
  await app.screenshot('known-failures-en-US-light');
  const review = page.getByRole('button', { name: /^Review detach/ });
  await expect(review).toHaveText(`Review detach (${agentless.length})`);
  await notice.getByRole('button', { name: `Leave these ${agentless.length} out` }).click();
  await expect(notice).toBeHidden();
  await expect(review).toHaveText('Review detach (0)');
});
