import { bindSharedKeyPair } from '../../simulator/shared-key-pair';
import { expectNoAxeViolations } from './support/accessibility-audit';
import { expect, test } from './support/app-fixture';
import { busiestKeyPair, chooseKeyPair, confirmDetach, selectAllAndReview } from './support/workspace-steps';

// An axe audit of every main screen, in English, in the light and the dark theme: every control named, and the
// rest of WCAG 2.1 A and AA that a machine can check (colour contrast included).
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({
      colorScheme,
      fleet: { seed: 21, instances: 300, regions: ['cn-beijing'] },
      // One importable CLI profile and one the import drawer explains it cannot take.
      cliConfig: {
        current: 'default',
        profiles: {
          default: { name: 'default', mode: 'ak', 'access-key': 'AKLTcliProfileKey00001', 'secret-key': 'cli-secret-0001', region: 'cn-beijing' },
          sso: { name: 'sso', mode: 'sso', region: 'cn-shanghai' },
        },
      },
    });

    test('welcome, the profile form with its errors, profiles, and the import and settings drawers', async ({ app }) => {
      await app.open();
      const { page } = app;
      await expect(page.getByTestId('keychain-status')).toContainText('Secret Service');
      await expectNoAxeViolations(page, 'welcome');

      await page.getByRole('button', { name: 'Add a profile' }).click();
      const form = page.getByRole('dialog', { name: 'Add a profile' });
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(form.getByText('Check this field').first()).toBeVisible();
      await expectNoAxeViolations(page, 'profile form with errors');
      await page.keyboard.press('Escape');
      await expect(form).toBeHidden();

      await app.addSimulatorProfile();
      await page.reload();
      await page.locator('.app-header').getByText('Profiles', { exact: true }).click();
      await page.getByRole('button', { name: 'Test prod' }).click();
      await expect(page.getByTestId('connection-test')).toContainText('Connected');
      await expectNoAxeViolations(page, 'profiles');

      await page.getByRole('button', { name: 'Edit prod' }).click();
      await expect(page.getByRole('dialog', { name: 'Edit profile' })).toBeVisible();
      await expectNoAxeViolations(page, 'profile form, editing');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const importDrawer = page.getByRole('dialog', { name: 'Import profiles' });
      await expect(importDrawer.getByTestId('import-candidate')).toHaveCount(2);
      await expectNoAxeViolations(page, 'import');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Settings' }).click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.getByText('This proxy', { exact: true }).click();
      await expect(settings.getByLabel('Proxy address')).toBeVisible();
      await expectNoAxeViolations(page, 'settings');
    });

    test('the region streaming in, shown from the copy on disk, and with a zone that failed', async ({ app }) => {
      await app.addSimulatorProfile();
      // The last zone's listing is held back (until `releaseWaits`), so the region is still streaming in while axe
      // looks: racing a latency let the listing end halfway through the audit, its buttons changing under it.
      const lastZone = app.simulator.fleet.region('cn-beijing')!.zoneIds.at(-1)!;
      app.simulator.addFault({ kind: 'slow-reply', action: 'DescribeInstances', params: { ZoneId: lastZone }, times: 1, delayMs: 120_000 });
      await app.open();
      const { page } = app;
      const progress = page.getByTestId('inventory-progress');
      await expect(page.getByTestId('instance-row').first()).toBeVisible();
      await expect(progress).toHaveAttribute('data-state', 'listing');
      await expectNoAxeViolations(page, 'streaming');
      app.simulator.releaseWaits();
      await expect(progress).toHaveAttribute('data-state', 'complete');

      // The fresh listing's first page is held back too, so the copy on disk is still what the table shows while axe
      // looks: a latency of 1.5 s let fresh rows replace it before the check on a loaded machine.
      app.simulator.addFault({ kind: 'slow-reply', action: 'DescribeInstances', times: 1, delayMs: 120_000 });
      await app.open();
      await expect(page.getByTestId('cached-notice')).toBeVisible();
      await expect(page.locator('[data-cached="true"]').first()).toBeVisible();
      await expectNoAxeViolations(page, 'the copy on disk');
      app.simulator.releaseWaits();
      await expect(progress).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });

      const zones = app.simulator.fleet.region('cn-beijing')!.zoneIds;
      app.simulator.addFault({ kind: 'api-error', code: 'AccessDenied', action: 'DescribeInstances', params: { ZoneId: zones[0]! } });
      await page.getByRole('button', { name: 'Refresh', exact: true }).first().click();
      await expect(progress).toHaveAttribute('data-state', 'incomplete');
      await expect(page.locator('[data-zone-state="failed"]')).toBeVisible();
      await expectNoAxeViolations(page, 'a zone that failed');
    });

    test('the workspace with a key pair chosen, the plan review, and the progress', async ({ app }) => {
      test.setTimeout(120_000);
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      const keyPairName = busiestKeyPair(app);
      await chooseKeyPair(page, keyPairName);
      await expect(page.getByTestId('instance-row').first()).toBeVisible();
      await expectNoAxeViolations(page, 'workspace');

      const selected = await selectAllAndReview(page);
      const review = page.getByRole('dialog', { name: 'Review: detach a key pair' });
      await review.getByRole('button', { name: 'Show requests' }).click();
      await expect(review.getByTestId('planned-requests')).toBeVisible();
      // Typed, so that the red confirm button is judged enabled, as it is read before a click.
      await review.getByLabel('Type the key pair name to confirm').fill(keyPairName);
      await expect(review.getByTestId('plan-confirm')).toBeEnabled();
      await expectNoAxeViolations(page, 'plan review');

      // Every request now takes 25 s (under the 30 s request timeout): the progress stays on screen while axe
      // looks at it, and "Stop sending" then lets the one in flight finish.
      app.simulator.setLatency(25_000);
      await confirmDetach(page, keyPairName, selected);
      const progress = page.getByTestId('operation-progress');
      await expect(progress).toHaveAttribute('data-state', 'running');
      await expectNoAxeViolations(page, 'progress');
      await expect(progress).toHaveAttribute('data-state', 'running');
      await page.getByRole('button', { name: 'Stop sending' }).click();
      await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 60_000 });
    });

    test('the results, with failures explained', async ({ app }) => {
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      const keyPairName = busiestKeyPair(app);
      const limited = app.simulator.fleet
        .region('cn-beijing')!
        .instances.filter((instance) => instance.keyPairName === keyPairName)
        .slice(0, 5)
        .map((instance) => instance.instanceId);
      app.simulator.addFault({ kind: 'instance-flow-limit', action: 'DetachKeyPair', instanceIds: limited });
      await chooseKeyPair(page, keyPairName);
      const selected = await selectAllAndReview(page);
      await confirmDetach(page, keyPairName, selected);
      await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText('FlowLimitExceeded').first()).toBeVisible();
      await expect(page.getByTestId('reboot-offer')).toBeVisible();
      await expectNoAxeViolations(page, 'results');
    });

    test('the sweep (findings, review, results) and the history', async ({ app }) => {
      bindSharedKeyPair(app.simulator.fleet, { keyPairName: 'departed-admin', instancesPerRegion: 25 });
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      await page.getByText('Sweep all accounts', { exact: true }).click();
      await expectNoAxeViolations(page, 'sweep (empty)');
      await page.getByRole('textbox', { name: 'Key pair name (exact)' }).fill('departed-admin');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const findings = page.getByTestId('sweep-findings');
      await expect(findings).toBeVisible();
      await findings.getByRole('row', { name: /cn-beijing/ }).getByRole('button').first().click();
      await expectNoAxeViolations(page, 'sweep findings');
      await page.getByRole('button', { name: /^Review the plan: / }).click();
      const dialog = page.getByRole('dialog', { name: 'Review: detach a key pair in every account and region' });
      await dialog.getByRole('button', { name: 'Show requests' }).click();
      // Typed, so that the red confirm button is judged enabled, as it is read before a click.
      await dialog.getByLabel('Type the key pair name to confirm').fill('departed-admin');
      await expectNoAxeViolations(page, 'sweep review');
      await dialog.getByTestId('plan-confirm').click();
      await expect(page.getByTestId('sweep-results')).toBeVisible({ timeout: 30_000 });
      await expectNoAxeViolations(page, 'sweep results');
      await page.getByText('History', { exact: true }).click();
      await page.getByRole('button', { name: 'Open' }).first().click();
      await expect(page.getByTestId('history-sweep')).toBeVisible();
      await expectNoAxeViolations(page, 'history sweep');
      await page.getByTestId('history-sweep').locator('tr[data-region="cn-beijing"]').getByRole('button').click();
      await expect(page.getByTestId('operation-results')).toBeVisible();
      await expectNoAxeViolations(page, 'history');
    });
  });
}
