import type { OperationPlan, OperationResult } from '../../shared/domain/operation';
import { expect, test } from './support/app-fixture';
import { busiestKeyPair, chooseKeyPair, confirmDetach, selectAllAndReview } from './support/workspace-steps';

test.use({ fleet: { seed: 5, instances: 600, regions: ['cn-beijing'] } });

test.setTimeout(120_000);

test('a detach over an instance another operation is changing is refused in the review, naming that operation, in both languages', async ({ app }) => {
  const profileId = await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  const keyPairName = busiestKeyPair(app);
  const target = app.simulator.fleet
    .region('cn-beijing')!
    .instances.find((instance) => instance.keyPairName === keyPairName && instance.osType === 'Linux' && instance.status === 'RUNNING' && instance.hasResetAgent)!;

  await chooseKeyPair(page, keyPairName);
  const selected = await selectAllAndReview(page);
  // While the admin reviews, a reboot of one of those instances starts (from another screen) and runs a while.
  app.simulator.setFaults([{ kind: 'slow-reply', action: 'RebootInstances', delayMs: 6000 }]);
  const planned = await app.dispatcher.invoke('operations.plan', { profileId, regionId: 'cn-beijing', action: 'reboot', keyPair: null, forceStop: false, instanceIds: [target.instanceId] });
  if (!planned.ok) throw new Error(planned.error.code);
  const plan = planned.value as OperationPlan;
  const started = await app.dispatcher.invoke('operations.start', { planId: plan.planId, confirmation: plan.confirmationText });
  if (!started.ok) throw new Error(started.error.code);
  const { operationId } = started.value as { operationId: string };

  await confirmDetach(page, keyPairName, selected);
  // Found by its code, not by the dialog's name, which changes with the language below.
  const alert = page.locator('[data-testid="app-error"][data-error-code="OPERATION_INSTANCES_BUSY"]');
  await expect(alert).toHaveAttribute('data-error-code', 'OPERATION_INSTANCES_BUSY');
  await expect(alert).toContainText('Some of these instances are being changed by another operation');
  await expect(alert.getByTestId('busy-operation')).toHaveText(
    `Running now: a reboot in cn-beijing (operation ${operationId.slice(0, 8)}…), which is changing 1 of these ${selected} instances.`,
  );
  await alert.scrollIntoViewIfNeeded();
  await app.screenshot('busy-instances-en-US-light');

  await app.dispatcher.invoke('settings.update', { language: 'zh-CN' });
  await expect(alert).toContainText('部分实例正在被另一个操作更改');
  await expect(alert.getByTestId('busy-operation')).toHaveText(`正在运行的操作：在 cn-beijing 重启实例（操作 ${operationId.slice(0, 8)}…）。本次的 ${selected} 台实例中有 1 台正在被更改。`);
  await alert.scrollIntoViewIfNeeded();
  await app.screenshot('busy-instances-zh-CN-light');

  // The reboot is left to end before the app closes (the same plan starting then is checked in
  // test/electron/operations/one-change-at-a-time.test.ts).
  await expect
    .poll(async () => {
      const answer = await app.dispatcher.invoke('operations.get', { operationId });
      return answer.ok ? (answer.value as OperationResult).progress.state : 'error';
    }, { timeout: 40_000 })
    .toBe('finished');
});
