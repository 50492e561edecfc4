import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Locale } from '../../shared/domain/locale';
import { everyMessage as messages, type AnyMessageKey as MessageKey } from '../support/every-message';
import { format } from '../../renderer/src/i18n/format';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { bindSharedKeyPair } from '../../simulator/shared-key-pair';
import { expectNoAxeViolations } from './support/accessibility-audit';
import { expect, test, type AppHarness } from './support/app-fixture';

test.use({ fleet: { seed: 9, instances: 400, regions: ['cn-beijing'] } });

const locales: Locale[] = ['en-US', 'zh-CN'];

function textsOf(locale: Locale) {
  return (key: MessageKey, values?: Record<string, string | number>) => (values === undefined ? messages[locale][key] : format(messages[locale][key], values));
}

/**
 * Binds the region's first key pair to `count` Linux instances with the reset agent (RUNNING or STOPPED, as the
 * seeded fleet has them) and to nothing else, plus `windows` Windows instances; returns the key pair and the IDs.
 */
function bindKey(simulator: EcsSimulator, count: number, windows: number) {
  const region = simulator.fleet.region('cn-beijing')!;
  const keyPair = region.keyPairs[0]!;
  const bound = { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName };
  const unbound = { keyPairId: '', keyPairName: '' };
  const eligible = region.instances.filter((instance) => instance.osType === 'Linux' && instance.hasResetAgent && ['RUNNING', 'STOPPED'].includes(instance.status));
  const chosen = eligible.slice(0, count).map((instance) => instance.instanceId);
  const windowsIds = region.instances.filter((instance) => instance.osType === 'Windows').slice(0, windows).map((instance) => instance.instanceId);
  const keep = new Set([...chosen, ...windowsIds]);
  for (const instance of region.instances) {
    if (keep.has(instance.instanceId)) simulator.fleet.updateInstance(instance.instanceId, bound);
    else if (instance.keyPairId === keyPair.keyPairId) simulator.fleet.updateInstance(instance.instanceId, unbound);
  }
  const spare = eligible.slice(count).find((instance) => instance.status === 'RUNNING')!.instanceId;
  return { keyPair, bound, chosen, windowsIds, spare };
}

async function chooseKeyPair(page: Page, t: ReturnType<typeof textsOf>, name: string) {
  await page.getByRole('combobox', { name: t('workspace.keyPair') }).click();
  await page.keyboard.type(name);
  await page.getByRole('option', { name: new RegExp(`^${name} ·`) }).click();
}

async function selectAllAndReview(page: Page, t: ReturnType<typeof textsOf>, count: number) {
  await page.getByRole('button', { name: t('instances.selectAllMatching') }).click();
  const review = page.getByRole('button', { name: t('workspace.review', { count }) });
  await expect(review).toBeEnabled();
  await review.click();
}

async function confirmDetach(page: Page, t: ReturnType<typeof textsOf>, keyPairName: string, count: number) {
  const dialog = page.getByRole('dialog', { name: t('operation.review.title.detach-key-pair') });
  if (count >= 20) await dialog.getByLabel(t('operation.confirm.label.detach-key-pair')).fill(keyPairName);
  await dialog.getByRole('button', { name: t(count === 1 ? 'operation.confirm.detach-key-pair.one' : 'operation.confirm.detach-key-pair.other', { count }) }).click();
}

async function rebootFromOffer(page: Page, t: ReturnType<typeof textsOf>, count: number) {
  await page.getByTestId('reboot-offer').getByRole('button', { name: t('workspace.rebootNow', { count }) }).click();
  const dialog = page.getByRole('dialog', { name: t('operation.review.title.reboot') });
  // A rolling reboot of 20 or more is confirmed by typing "reboot N".
  if (count >= 20) await dialog.getByLabel(t('operation.confirm.label.reboot')).fill(`reboot ${count}`);
  await dialog.getByRole('button', { name: t(count === 1 ? 'operation.confirm.reboot.one' : 'operation.confirm.reboot.other', { count }) }).click();
  await expect(page.getByText(t('operation.results.title.reboot'), { exact: true })).toBeVisible({ timeout: 30_000 });
}

const bucket = (page: Page, name: string) => page.getByTestId(`exposure-bucket-${name}`);

/** The panel at the top of the view, the table under it: what the screenshot is of. */
async function showPanel(page: Page) {
  await page.getByTestId('exposure-panel').evaluate((element) => element.scrollIntoView({ block: 'start' }));
}

async function openHistory(app: AppHarness, t: ReturnType<typeof textsOf>) {
  await app.page.getByText(t('nav.history'), { exact: true }).click();
}

for (const locale of locales) {
  test.describe(`the still-exposed panel (${locale})`, () => {
    test.use({ osLanguages: [locale] });
    const t = textsOf(locale);

    test('after a stopped run: failed, not sent, left out and not yet rebooted, each a filter; a reboot updates it; History keeps it', async ({ app }) => {
      const { keyPair, bound, chosen, windowsIds, spare } = bindKey(app.simulator, 250, 1);
      await app.addSimulatorProfile();
      // One request at a time and slow answers: "Stop sending" leaves the later requests unsent.
      const settings = await app.dispatcher.invoke('settings.update', { requestConcurrency: 1 });
      expect(settings.ok).toBe(true);
      await app.open();
      const { page } = app;
      await chooseKeyPair(page, t, keyPair.keyPairName);
      await selectAllAndReview(page, t, chosen.length);
      const dialog = page.getByRole('dialog', { name: t('operation.review.title.detach-key-pair') });
      await dialog.getByRole('button', { name: t('operation.review.showRequests') }).click();
      const listing = await dialog.getByTestId('planned-requests').innerText();
      const firstBatch = [...listing.split('\n').find((line) => line.includes('InstanceIds.1='))!.matchAll(/\bInstanceIds\.\d+=(\S+)/g)].map((match) => match[1]!);
      const failing = firstBatch.slice(0, 2);
      app.simulator.addFault({ kind: 'instance-flow-limit', action: 'DetachKeyPair', instanceIds: failing, times: 1 });
      app.simulator.setLatency(1500);
      await confirmDetach(page, t, keyPair.keyPairName, chosen.length);
      await page.getByRole('button', { name: t('operation.progress.stop') }).click();
      // Bound while the run goes on: the key works there, and this run never touched it.
      app.simulator.fleet.updateInstance(spare, bound);
      await expect(page.getByText(t('operation.results.title.detach-key-pair'), { exact: true })).toBeVisible({ timeout: 30_000 });
      app.simulator.setLatency(0);

      const panel = page.getByTestId('exposure-panel');
      await expect(panel).toHaveAttribute('data-state', 'exposed', { timeout: 20_000 });
      const running = (instanceId: string) => app.simulator.fleet.findInstance('cn-beijing', instanceId)?.status === 'RUNNING';
      const detachedRunning = firstBatch.filter((instanceId) => !failing.includes(instanceId) && running(instanceId));
      await expect(bucket(page, 'failed')).toHaveAttribute('data-count', '2');
      await expect(bucket(page, 'notSent')).toHaveAttribute('data-count', String(chosen.length - firstBatch.length));
      await expect(bucket(page, 'leftOut')).toHaveAttribute('data-count', String(windowsIds.length + 1));
      await expect(bucket(page, 'notYetRebooted')).toHaveAttribute('data-count', String(detachedRunning.length));
      const total = 2 + (chosen.length - firstBatch.length) + windowsIds.length + 1 + detachedRunning.length;
      await expect(panel.getByRole('heading')).toHaveText(t('exposure.title', { count: total }));
      await expect(panel).toContainText(t('exposure.outsideReboots'));
      // The export says, per instance, whether the key still works there and why.
      await page.getByRole('button', { name: t('operation.results.exportCsv') }).click();
      const savedPrefix = t('workspace.exported').split('{')[0]!;
      const saved = page.getByText(new RegExp(`^${savedPrefix}.*\\.csv$`));
      await expect(saved).toBeVisible();
      const csv = await readFile((await saved.innerText()).slice(savedPrefix.length), 'utf8');
      const stillExposed = (status: string) => csv.split('\r\n').filter((line) => line.split(',').at(-3) === status).length;
      expect(stillExposed('notYetRebooted')).toBe(detachedRunning.length);
      expect(stillExposed('notSent')).toBe(chosen.length - firstBatch.length);
      expect(stillExposed('leftOut')).toBe(windowsIds.length + 1);
      await showPanel(page);
      await app.screenshot(`exposure-after-run-${locale}-light`);

      // "Not yet rebooted: N" narrows the table to exactly those N.
      await bucket(page, 'notYetRebooted').click();
      await expect(bucket(page, 'notYetRebooted')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('results-shown')).toHaveText(t('operation.results.shown', { shown: detachedRunning.length, total: chosen.length }));
      await expect(page.getByTestId('outcome-row').first()).toHaveAttribute('data-status', 'succeeded');
      await showPanel(page);
      await app.screenshot(`exposure-filtered-${locale}-light`);
      // Left out: no row in this operation's table, so they are listed under the panel.
      await bucket(page, 'leftOut').click();
      await expect(page.getByTestId('exposure-off-table').getByRole('listitem')).toHaveCount(windowsIds.length + 1);
      await expect(page.getByTestId('exposure-off-table')).toContainText(spare);
      await expect(page.getByTestId('results-shown')).toHaveText(t('operation.results.shown', { shown: 0, total: chosen.length }));
      await showPanel(page);
      await app.screenshot(`exposure-left-out-${locale}-light`);
      await expectNoAxeViolations(page, `exposure panel (${locale})`);

      // The app reboots the running instances it detached from: that bucket empties, and the panel says so.
      await rebootFromOffer(page, t, detachedRunning.length);
      const afterReboot = page.getByTestId('exposure-panel');
      // It is the detach's panel, said so above it, on the reboot's results.
      await expect(afterReboot).toContainText(t('exposure.fromDetach').split('{')[0]!.trim());
      await expect(afterReboot).toContainText(keyPair.keyPairName);
      await expect(afterReboot.getByTestId('exposure-bucket-notYetRebooted')).toHaveAttribute('data-count', '0', { timeout: 20_000 });
      await expect(afterReboot.getByRole('heading')).toHaveText(t('exposure.title', { count: total - detachedRunning.length }));
      await showPanel(page);
      await app.screenshot(`exposure-after-reboot-${locale}-light`);

      // History: the latest check's count on the detach's row, and the opened operation shows the journal's panel.
      await openHistory(app, t);
      const row = page.getByRole('row').filter({ hasText: t('history.action.detach-key-pair') });
      await expect(row.getByTestId('history-exposure')).toHaveText(t('exposure.history.count', { count: total - detachedRunning.length }));
      await app.screenshot(`exposure-history-list-${locale}-light`);
      await expectNoAxeViolations(page, `history with exposure (${locale})`);
      await row.getByRole('button', { name: t('history.open') }).click();
      await expect(page.getByTestId('exposure-panel')).toHaveAttribute('data-total', String(total - detachedRunning.length));
      await showPanel(page);
      await app.screenshot(`exposure-history-${locale}-light`);
      expect(await app.cspViolations()).toEqual([]);
    });

    test('zero: every instance detached and rebooted by the app, or stopped', async ({ app }) => {
      const { keyPair, chosen } = bindKey(app.simulator, 6, 0);
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      await chooseKeyPair(page, t, keyPair.keyPairName);
      await selectAllAndReview(page, t, chosen.length);
      await confirmDetach(page, t, keyPair.keyPairName, chosen.length);
      await expect(page.getByText(t('operation.results.title.detach-key-pair'), { exact: true })).toBeVisible({ timeout: 30_000 });
      const running = chosen.filter((instanceId) => app.simulator.fleet.findInstance('cn-beijing', instanceId)?.status === 'RUNNING');
      await expect(bucket(page, 'notYetRebooted')).toHaveAttribute('data-count', String(running.length), { timeout: 20_000 });
      await rebootFromOffer(page, t, running.length);
      const panel = page.getByTestId('exposure-panel');
      await expect(panel).toHaveAttribute('data-state', 'zero', { timeout: 20_000 });
      await expect(panel.getByRole('heading')).toHaveText(t('exposure.zeroTitle'));
      await expect(page.getByTestId('exposure-zero')).toContainText(t('exposure.zeroBody'));
      await showPanel(page);
      await app.screenshot(`exposure-zero-${locale}-light`);
      await expectNoAxeViolations(page, `exposure zero state (${locale})`);
    });
  });
}

test('says the check failed, and never shows a zero, when Volcengine refuses the reads', async ({ app }) => {
  const t = textsOf('en-US');
  const { keyPair, chosen } = bindKey(app.simulator, 3, 0);
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await chooseKeyPair(page, t, keyPair.keyPairName);
  await selectAllAndReview(page, t, chosen.length);
  app.simulator.addFault({ kind: 'api-error', code: 'AccessDenied', action: 'DescribeInstances', params: { KeyPairName: keyPair.keyPairName } });
  await confirmDetach(page, t, keyPair.keyPairName, chosen.length);
  const panel = page.getByTestId('exposure-panel');
  await expect(panel).toHaveAttribute('data-state', 'incomplete', { timeout: 30_000 });
  await expect(page.getByTestId('exposure-incomplete')).toContainText(t('exposure.incomplete.key-pair-listing'));
  await expect(panel.getByRole('heading')).toContainText('at least');
  // The buckets the failed listing feeds show a lower bound, not a zero that looks complete.
  await expect(bucket(page, 'failed')).toHaveAttribute('data-partial', 'true');
  await expect(bucket(page, 'failed')).toContainText('at least 0');
  await expect(bucket(page, 'notYetRebooted')).toHaveAttribute('data-partial', 'false');
  await showPanel(page);
  await app.screenshot('exposure-incomplete-en-US-light');
  app.simulator.setFaults([]);
  await panel.getByRole('button', { name: t('exposure.checkAgain') }).click();
  await expect(panel).not.toHaveAttribute('data-state', 'incomplete', { timeout: 20_000 });
});

test.describe('the still-exposed panel of a sweep', () => {
  const sweepRegions = ['cn-beijing', 'cn-shanghai'];
  test.use({ fleet: { seed: 41, instances: 600, regions: sweepRegions } });

  test('one panel per region, and each region’s count in the results table', async ({ app }) => {
    const t = textsOf('en-US');
    const keyPairName = 'departed-admin';
    const bound = bindSharedKeyPair(app.simulator.fleet, { keyPairName, instancesPerRegion: 12 });
    await app.addSimulatorProfile();
    await app.open();
    const { page } = app;
    await page.getByText(t('nav.sweep'), { exact: true }).click();
    await page.getByRole('textbox', { name: t('sweep.keyPairName') }).fill(keyPairName);
    await page.getByRole('button', { name: t('sweep.search'), exact: true }).click();
    await page.getByRole('button', { name: /^Review the plan: \d+ instances in 2 regions of 1 account$/ }).click();
    const dialog = page.getByRole('dialog', { name: t('sweep.plan.title') });
    await dialog.getByLabel(t('operation.confirm.label.detach-key-pair')).fill(keyPairName);
    await dialog.getByRole('button', { name: /^Detach from \d+ instances$/ }).click();
    const results = page.getByTestId('sweep-results');
    await expect(results).toBeVisible({ timeout: 40_000 });

    // Where the key still works in each region: all it was bound to but the stopped ones it was taken off.
    const stillExposed = (regionId: string) =>
      bound.get(regionId)!.filter((instanceId) => {
        const instance = app.simulator.fleet.findInstance(regionId, instanceId)!;
        return !(instance.keyPairId === '' && instance.status === 'STOPPED');
      }).length;
    for (const regionId of sweepRegions) {
      await expect(results.locator(`tr[data-region="${regionId}"]`).getByTestId('sweep-region-exposure')).toHaveText(String(stillExposed(regionId)), { timeout: 20_000 });
    }
    const panel = page.getByTestId('exposure-panel');
    await expect(panel).toContainText(t('exposure.sweepNote').split(':')[1]!.trim());
    await expect(panel).toContainText('cn-beijing');
    await results.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await app.screenshot('exposure-sweep-regions-en-US-light');
    await expect(panel).toHaveAttribute('data-total', String(stillExposed('cn-beijing')));
    await showPanel(page);
    await app.screenshot('exposure-sweep-en-US-light');
    await expectNoAxeViolations(page, 'sweep exposure panel');
  });
});

test.describe('the still-exposed panel in the dark theme', () => {
  test.use({ colorScheme: 'dark', osLanguages: ['zh-CN'] });

  test('reads at AA contrast: exposed, with the left-out filter chosen and its list shown', async ({ app }) => {
    const t = textsOf('zh-CN');
    const { keyPair, chosen, windowsIds } = bindKey(app.simulator, 8, 1);
    await app.addSimulatorProfile();
    await app.open();
    const { page } = app;
    await chooseKeyPair(page, t, keyPair.keyPairName);
    await selectAllAndReview(page, t, chosen.length);
    await confirmDetach(page, t, keyPair.keyPairName, chosen.length);
    const panel = page.getByTestId('exposure-panel');
    await expect(panel).toHaveAttribute('data-state', 'exposed', { timeout: 30_000 });
    await bucket(page, 'leftOut').click();
    await expect(page.getByTestId('exposure-off-table').getByRole('listitem')).toHaveCount(windowsIds.length);
    await expect(page.getByTestId('exposure-off-table')).toContainText(t('operation.exclusion.windows'));
    await showPanel(page);
    await app.screenshot('exposure-left-out-zh-CN-dark');
    await expectNoAxeViolations(page, 'exposure panel, dark');
  });
});
