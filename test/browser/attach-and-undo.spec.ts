import type { Page } from '@playwright/test';
import { describeEcsError } from '../../shared/errors/ecs-error-catalogue';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import type { SimulatedKeyPair } from '../../simulator/simulator-types';
import { format } from '../../renderer/src/i18n/format';
import { everyMessage as messages, type AnyMessageKey as MessageKey } from '../support/every-message';
import { expectNoAxeViolations } from './support/accessibility-audit';
import { expect, test, type AppHarness } from './support/app-fixture';

/*
 * Issue 17 in the window: attaching a key pair (a first key, a rotation) from the Instances screen, and the undo of
 * a detach from its results and from History, each reviewed like a detach. In both languages and both themes, with
 * an axe audit (names, contrast) of each new screen part.
 */

const variants = [
  { locale: 'en-US', scheme: 'light' },
  { locale: 'zh-CN', scheme: 'dark' },
] as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Gives `count` Linux instances (running, with the reset agent) a recognisable name and the key pair given (none
 * when null): the rows a test searches for and selects. Returns their IDs.
 */
function prepare(simulator: EcsSimulator, prefix: string, count: number, keyPair: SimulatedKeyPair | null, skip = 0): string[] {
  const region = simulator.fleet.region('cn-beijing')!;
  const candidates = region.instances.filter((instance) => instance.osType === 'Linux').slice(skip, skip + count);
  for (const [index, instance] of candidates.entries()) {
    simulator.fleet.updateInstance(instance.instanceId, {
      instanceName: `${prefix}-${String(index + 1).padStart(2, '0')}`,
      status: 'RUNNING',
      hasResetAgent: true,
      keyPairId: keyPair?.keyPairId ?? '',
      keyPairName: keyPair?.keyPairName ?? '',
    });
  }
  return candidates.map((instance) => instance.instanceId);
}

function keyOf(simulator: EcsSimulator, instanceId: string): string {
  return simulator.fleet.findInstance('cn-beijing', instanceId)!.keyPairName;
}

/** A detach of `instanceIds` through main, as the Instances screen would start it; resolves once it has ended. */
async function detachThroughMain(app: AppHarness, profileId: string, keyPair: SimulatedKeyPair, instanceIds: string[]): Promise<string> {
  const ref = { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName };
  // A detach is planned on the key pair's own listing, as the Instances screen lists it once the key is chosen.
  const listed = await app.dispatcher.invoke('inventory.list', { profileId, regionId: 'cn-beijing', jobId: 'setup-key-listing', scope: { kind: 'key-pair', keyPair: ref } });
  expect(listed.ok).toBe(true);
  const plan = await app.dispatcher.invoke('operations.plan', {
    profileId,
    regionId: 'cn-beijing',
    action: 'detach-key-pair',
    keyPair: ref,
    forceStop: false,
    instanceIds,
  });
  if (!plan.ok) throw new Error(`plan failed: ${plan.error.code}`);
  const started = await app.dispatcher.invoke('operations.start', { planId: (plan.value as { planId: string }).planId, confirmation: null });
  if (!started.ok) throw new Error(`start failed: ${started.error.code}`);
  const { operationId } = started.value as { operationId: string };
  await expect
    .poll(async () => {
      const result = await app.dispatcher.invoke('operations.get', { operationId });
      return result.ok ? (result.value as { finishedAt: string | null }).finishedAt !== null : false;
    }, { timeout: 20_000 })
    .toBe(true);
  return operationId;
}

for (const { locale, scheme } of variants) {
  test.describe(`${locale}, ${scheme}`, () => {
    test.use({ osLanguages: [locale], colorScheme: scheme, fleet: { seed: 31, instances: 160, regions: ['cn-beijing'] } });
    const m = (key: MessageKey, values: Record<string, string | number> = {}) => format(messages[locale][key], values);
    const shot = (app: AppHarness, name: string) => app.screenshot(`${name}-${locale}-${scheme}`);

    async function chooseKeyPair(page: Page, label: MessageKey, name: string) {
      await page.getByRole('combobox', { name: m(label) }).click();
      await page.keyboard.type(name);
      await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)} ·`) }).click();
    }

    async function selectMatching(page: Page, search: string, reviewLabel: MessageKey, count: number) {
      await page.getByRole('textbox', { name: m('instances.search.label') }).fill(search);
      await page.getByRole('button', { name: m('instances.selectAllMatching') }).click();
      const review = page.getByRole('button', { name: m(reviewLabel, { count }) });
      await expect(review).toBeEnabled();
      return review;
    }

    async function chooseAttach(page: Page) {
      await page.getByTestId('action-choice').getByText(m('workspace.mode.attach'), { exact: true }).click();
      await expect(page.getByRole('radio', { name: m('workspace.mode.attach') })).toBeChecked();
    }

    test('undo from the results: the key goes back where it was taken off, but never over a key bound since', async ({ app }) => {
      const region = app.simulator.fleet.region('cn-beijing')!;
      const [keyA, keyB] = [region.keyPairs[0]!, region.keyPairs[1]!];
      const ids = prepare(app.simulator, 'undo-src', 6, keyA);
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      await expect(page.getByTestId('last-refresh')).toBeVisible();
      await chooseKeyPair(page, 'workspace.keyPair', keyA.keyPairName);
      await (await selectMatching(page, 'undo-src', 'workspace.review', 6)).click();
      const detachDialog = page.getByRole('dialog', { name: m('operation.review.title.detach-key-pair') });
      await detachDialog.getByRole('button', { name: m('operation.confirm.detach-key-pair.other', { count: 6 }) }).click();
      const results = page.getByTestId('operation-results');
      await expect(results).toContainText(m('operation.results.title.detach-key-pair'), { timeout: 20_000 });
      expect(ids.every((id) => keyOf(app.simulator, id) === '')).toBe(true);

      // Meanwhile someone gives one of them another key: the undo must leave it alone.
      app.simulator.fleet.updateInstance(ids[0]!, { keyPairId: keyB.keyPairId, keyPairName: keyB.keyPairName });
      const undo = results.getByRole('button', { name: m('operation.undo.button', { name: keyA.keyPairName, count: 6 }) });
      await expect(undo).toBeVisible();
      await shot(app, 'undo-offer');
      await expectNoAxeViolations(page, 'undo offer');
      await undo.click();

      const dialog = page.getByRole('dialog', { name: m('operation.review.title.undo', { name: keyA.keyPairName }) });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId('plan-undo-of')).toBeVisible();
      await expect(dialog.getByTestId('plan-exclusions')).toContainText(m('operation.exclusion.other-key.undo'));
      await expect(dialog.getByTestId('plan-key-changes')).toContainText(`${m('operation.review.change.back', { name: keyA.keyPairName })}${m('common.colon')}5`);
      await expect(dialog.getByTestId('plan-replacing')).toHaveCount(0);
      await expect(dialog.getByTestId('plan-warnings')).toContainText(m('operation.warning.attach.noPassword', { name: keyA.keyPairName }));
      await shot(app, 'undo-review');
      await dialog.getByRole('button', { name: m('operation.confirm.attach-key-pair.other', { count: 5 }) }).click();

      await expect(results).toContainText(m('operation.results.title.attach-key-pair'), { timeout: 20_000 });
      await expect(results.getByTestId('results-undo-of')).toBeVisible();
      await expect(results.getByTestId('summary-succeeded').locator('dd')).toHaveText('5');
      expect(keyOf(app.simulator, ids[0]!)).toBe(keyB.keyPairName);
      expect(ids.slice(1).every((id) => keyOf(app.simulator, id) === keyA.keyPairName)).toBe(true);
      await expect(page.getByTestId('reboot-offer')).toBeVisible();
      await shot(app, 'undo-results');
      expect(app.consoleErrors).toEqual([]);
    });

    test('undo from History: the detach and its undo link to each other, and the detach is marked undone', async ({ app }) => {
      const region = app.simulator.fleet.region('cn-beijing')!;
      const keyA = region.keyPairs[0]!;
      const ids = prepare(app.simulator, 'hist-src', 4, keyA);
      const profileId = await app.addSimulatorProfile();
      const detachId = await detachThroughMain(app, profileId, keyA, ids);
      await app.open();
      const { page } = app;
      await page.locator('.app-header').getByText(m('nav.history'), { exact: true }).click();
      await page.getByRole('row', { name: new RegExp(escapeRegExp(keyA.keyPairName)) }).getByRole('button', { name: m('history.open') }).click();
      const results = page.getByTestId('operation-results');
      await expect(results).toContainText(m('operation.results.title.detach-key-pair'));
      await results.getByRole('button', { name: m('operation.undo.button', { name: keyA.keyPairName, count: 4 }) }).click();

      // The same review as any plan, on the Instances screen where the run is shown.
      const dialog = page.getByRole('dialog', { name: m('operation.review.title.undo', { name: keyA.keyPairName }) });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId('plan-undo-of')).toContainText(detachId);
      await dialog.getByRole('button', { name: m('operation.confirm.attach-key-pair.other', { count: 4 }) }).click();
      await expect(page.getByTestId('operation-results')).toContainText(m('operation.results.title.attach-key-pair'), { timeout: 20_000 });
      expect(ids.every((id) => keyOf(app.simulator, id) === keyA.keyPairName)).toBe(true);

      await page.locator('.app-header').getByText(m('nav.history'), { exact: true }).click();
      const undoRow = page.getByRole('row', { name: new RegExp(escapeRegExp(m('history.action.undo'))) });
      await expect(undoRow).toBeVisible();
      const detachRow = page.getByRole('row', { name: new RegExp(escapeRegExp(m('history.action.detach-key-pair'))) });
      await expect(detachRow.getByTestId('history-undone')).toHaveText(m('history.undone'));
      await undoRow.getByRole('button', { name: m('history.open') }).click();
      const links = page.getByTestId('history-links');
      await expect(links).toContainText(keyA.keyPairName);
      await shot(app, 'history-undo');
      await links.getByRole('button', { name: m('history.openDetach') }).click();
      await expect(page.getByTestId('operation-results')).toContainText(m('operation.results.title.detach-key-pair'));
      await expect(page.getByTestId('history-links').getByTestId('history-open-undo')).toHaveCount(1);
      // Offered again, the undo says it was started before, so a second one is never a surprise.
      await expect(page.getByTestId('undo-offer')).toContainText(m('operation.undo.already', { count: 1 }));
      await shot(app, 'history-undone-detach');
      await expectNoAxeViolations(page, 'history links');
      await page.getByTestId('history-links').getByTestId('history-open-undo').click();
      await expect(page.getByTestId('operation-results')).toContainText(m('operation.results.title.attach-key-pair'));
      expect(app.consoleErrors).toEqual([]);
    });

    test('an undo main cannot plan says why, in the app\'s words, at the button that asked', async ({ app }) => {
      const region = app.simulator.fleet.region('cn-beijing')!;
      const keyA = region.keyPairs[0]!;
      const ids = prepare(app.simulator, 'denied-src', 3, keyA);
      const profileId = await app.addSimulatorProfile();
      await detachThroughMain(app, profileId, keyA, ids);
      await app.open();
      const { page } = app;
      await expect(page.getByTestId('last-refresh')).toBeVisible();
      // The undo's fresh read of the instances is refused.
      app.simulator.addFault({ kind: 'api-error', code: 'AccessDenied', action: 'DescribeInstances' });
      await page.locator('.app-header').getByText(m('nav.history'), { exact: true }).click();
      await page.getByRole('row', { name: new RegExp(escapeRegExp(keyA.keyPairName)) }).getByRole('button', { name: m('history.open') }).click();
      const offer = page.getByTestId('undo-offer');
      await offer.getByRole('button', { name: m('operation.undo.button', { name: keyA.keyPairName, count: 3 }) }).click();
      const error = offer.getByTestId('app-error');
      await expect(error).toHaveAttribute('data-cloud-code', 'AccessDenied');
      await expect(error).toContainText(describeEcsError('AccessDenied', locale).title);
      // Nothing was planned, so History stays where the admin is, and nothing was sent.
      await expect(page.getByRole('dialog')).toHaveCount(0);
      expect(app.simulator.requests.filter((request) => request.action === 'AttachKeyPair')).toEqual([]);
      await shot(app, 'undo-error');
      expect(app.consoleErrors).toEqual([]);
    });

    test('attach a key pair to instances that have none', async ({ app }) => {
      const region = app.simulator.fleet.region('cn-beijing')!;
      const keyA = region.keyPairs[0]!;
      const ids = prepare(app.simulator, 'bare-host', 4, null);
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      await expect(page.getByTestId('last-refresh')).toBeVisible();
      await chooseAttach(page);
      await chooseKeyPair(page, 'workspace.keyPair.attach', keyA.keyPairName);
      const review = await selectMatching(page, 'bare-host', 'workspace.reviewAttach', 4);
      const rows = page.getByTestId('instance-row');
      await expect(rows.first().getByTestId('instance-change')).toHaveText(m('instances.change.first', { name: keyA.keyPairName }));
      await shot(app, 'attach-selected');
      await review.click();

      const dialog = page.getByRole('dialog', { name: m('operation.review.title.attach-key-pair') });
      await expect(dialog.getByTestId('plan-key-changes')).toContainText(`${m('operation.review.change.first', { name: keyA.keyPairName })}${m('common.colon')}4`);
      await expect(dialog.getByTestId('plan-replacing')).toHaveCount(0);
      await expect(dialog.getByTestId('plan-warnings')).toContainText(m('operation.warning.attach.noPassword', { name: keyA.keyPairName }));
      await shot(app, 'attach-review');
      await dialog.getByRole('button', { name: m('operation.confirm.attach-key-pair.other', { count: 4 }) }).click();

      const results = page.getByTestId('operation-results');
      await expect(results).toContainText(m('operation.results.title.attach-key-pair'), { timeout: 20_000 });
      await expect(results.getByTestId('summary-succeeded').locator('dd')).toHaveText('4');
      // No undo is offered for an attach: only a detach takes a key off.
      await expect(results.getByTestId('undo-offer')).toHaveCount(0);
      expect(ids.every((id) => keyOf(app.simulator, id) === keyA.keyPairName)).toBe(true);
      await shot(app, 'attach-results');
      expect(app.consoleErrors).toEqual([]);
    });

    test('rotation: instances with key A get key B, and the review says who is locked out', async ({ app }) => {
      const region = app.simulator.fleet.region('cn-beijing')!;
      const [keyA, keyB] = [region.keyPairs[0]!, region.keyPairs[1]!];
      const ids = prepare(app.simulator, 'rotate-host', 5, keyA);
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      await expect(page.getByTestId('last-refresh')).toBeVisible();
      await chooseAttach(page);
      await chooseKeyPair(page, 'workspace.keyPair.attach', keyB.keyPairName);
      const review = await selectMatching(page, 'rotate-host', 'workspace.reviewAttach', 5);
      await expect(page.getByTestId('instance-row').first().getByTestId('instance-change')).toHaveText(
        m('instances.change.replace', { old: keyA.keyPairName, name: keyB.keyPairName }),
      );
      await shot(app, 'rotate-selected');
      await expectNoAxeViolations(page, 'instances, attach mode');
      await review.click();

      const dialog = page.getByRole('dialog', { name: m('operation.review.title.attach-key-pair') });
      const replacing = dialog.getByTestId('plan-replacing');
      await expect(replacing).toContainText(keyA.keyPairName);
      await expect(replacing).toContainText(m('operation.warning.attach.replacing', { count: 5, keys: keyA.keyPairName }));
      await expect(dialog.getByTestId('plan-key-changes')).toContainText(
        `${m('operation.review.change.replace', { old: keyA.keyPairName, name: keyB.keyPairName })}${m('common.colon')}5`,
      );
      await shot(app, 'rotate-review');
      await expectNoAxeViolations(page, 'attach review with replacements');
      await dialog.getByRole('button', { name: m('operation.confirm.attach-key-pair.other', { count: 5 }) }).click();

      const results = page.getByTestId('operation-results');
      await expect(results).toContainText(m('operation.results.title.attach-key-pair'), { timeout: 20_000 });
      await expect(results.getByTestId('summary-succeeded').locator('dd')).toHaveText('5');
      expect(ids.every((id) => keyOf(app.simulator, id) === keyB.keyPairName)).toBe(true);
      await shot(app, 'rotate-results');
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
