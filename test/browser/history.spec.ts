import path from 'node:path';
import { openJournal } from '../../electron/journal/journal-file';
import { createMemoryLogger } from '../../electron/logging/logger';
import { expect, test } from './support/app-fixture';

test.use({ fleet: { seed: 8, instances: 600, regions: ['cn-beijing'] } });

/**
 * What the app shows after a crash. The journal is given an operation the way a killed process leaves it (planned,
 * one request sent and never answered, the rest unsent); the Node crash test proves the same with a real SIGKILL.
 */
test('shows an interrupted operation after a restart and resumes it from the history', async ({ app }) => {
  const profileId = await app.addSimulatorProfile();
  const region = app.simulator.fleet.region('cn-beijing')!;
  const keyPair = region.keyPairs[0]!;
  const targets = region.instances.filter((instance) => instance.osType === 'Linux' && instance.status === 'RUNNING').slice(0, 150);
  for (const instance of targets) app.simulator.fleet.updateInstance(instance.instanceId, { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName, hasResetAgent: true });
  const instanceIds = targets.map((instance) => instance.instanceId);

  const journal = await openJournal({ directory: path.join(app.userDataDir, 'journal'), maxActiveBytes: 1 << 20, now: () => new Date(), logger: createMemoryLogger() });
  const operationId = 'crashed-operation-0001';
  await journal.append({
    type: 'planned',
    operationId,
    at: new Date(Date.now() - 60_000).toISOString(),
    profileId,
    profileName: 'prod',
    accessKeyHint: 'AKLT…0001',
    regionId: 'cn-beijing',
    action: 'detach-key-pair',
    keyPair: { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName },
    forceStop: false,
    instanceIds,
    excluded: [],
    batches: [
      { index: 0, clientToken: 'crashed-token-0', instanceIds: instanceIds.slice(0, 100) },
      { index: 1, clientToken: 'crashed-token-1', instanceIds: instanceIds.slice(100) },
    ],
  });
  await journal.append({ type: 'batch-sent', operationId, at: new Date(Date.now() - 59_000).toISOString(), batchIndex: 0, attempt: 1 });
  await journal.close();

  await app.open();
  const { page } = app;
  const notice = page.getByTestId('interrupted-notice');
  await expect(notice).toContainText('1 operation was interrupted');
  await notice.getByRole('button', { name: 'Open history' }).click();

  const row = page.getByRole('row', { name: /Interrupted/ });
  await expect(row).toContainText(keyPair.keyPairName);
  await expect(row).toContainText('0 succeeded · 0 failed · 100 unknown · 50 not sent');
  await row.getByRole('button', { name: 'Open' }).click();
  const interrupted = page.getByTestId('history-interrupted');
  await expect(interrupted).toContainText('100 instances were in requests that were sent but never answered');
  await expect(page.getByTestId('operation-results')).toContainText('ECS_INTERRUPTED');
  await app.screenshot('history-interrupted-en-US-light');

  await interrupted.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('operation-results')).toHaveAttribute('data-state', 'finished', { timeout: 30_000 });
  await expect(page.getByRole('row', { name: /Finished/ })).toContainText('150 succeeded · 0 failed · 0 unknown · 0 not sent');
  await expect(page.getByTestId('interrupted-notice')).toHaveCount(0);
  await app.screenshot('history-resumed-en-US-light');
  // Both batches went out with the recorded ClientTokens, each instance changed once.
  const tokens = app.simulator.requests.filter((request) => request.action === 'DetachKeyPair').map((request) => request.clientToken);
  expect(tokens.sort()).toEqual(['crashed-token-0', 'crashed-token-1']);
  expect(app.simulator.changeCounts().size).toBe(150);
  expect([...app.simulator.changeCounts().values()].every((count) => count === 1)).toBe(true);
  expect(await app.cspViolations()).toEqual([]);
});
