import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { bindSharedKeyPair } from '../../simulator/shared-key-pair';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { expectNoAxeViolations } from './support/accessibility-audit';
import { expect, test, type AppHarness } from './support/app-fixture';

const keyPairName = 'departed-admin';
const regions = ['cn-beijing', 'cn-shanghai'];
const stagingKeys = { accessKeyId: 'AKLTbrowserStagingKey02', secretAccessKey: 'browser-test-secret-key-0002' };
const brokenKeys = { accessKeyId: 'AKLTbrowserBrokenKey003', secretAccessKey: 'browser-test-secret-key-0003' };

/** The few texts the test finds by name, in each language; everything else goes by role or test ID. */
const texts = {
  'en-US': {
    nav: 'Sweep all accounts',
    keyPairName: 'Key pair name (exact)',
    search: 'Search',
    summary: (instances: number) => `The key is on ${instances} instances in 4 regions of 2 accounts (4 regions searched).`,
    failedAccounts: '1 account could not be searched',
    confirm: 'Type the key pair name to confirm',
    states: { done: 'Done', searching: 'Searching', failed: 'Failed' },
    retryNone: 'Nothing to run again as it is: each failure needs a change first. Show a region to read the reason beside each instance.',
  },
  'zh-CN': {
    nav: '全账号清理',
    keyPairName: '密钥对名称（精确）',
    search: '搜索',
    summary: (instances: number) => `2 个账号的 4 个地域中共有 ${instances} 台实例绑定了该密钥（共搜索 4 个地域）。`,
    failedAccounts: '1 个账号无法搜索',
    confirm: '输入密钥对名称以确认',
    states: { done: '已完成', searching: '搜索中', failed: '失败' },
    retryNone: '暂时无法重新执行：每个失败都需要先处理。点击某个地域的“查看”，可看到各实例的原因。',
  },
} as const;

/** Three accounts: prod (the fixture's simulator), staging (a simulator of its own), broken (a wrong secret). */
async function threeAccounts(app: AppHarness) {
  const prodBound = bindSharedKeyPair(app.simulator.fleet, { keyPairName, instancesPerRegion: 12, idTag: 'prod' });
  const prodId = await app.addSimulatorProfile('prod');
  const staging = await app.addAccountProfile({ name: 'staging', keys: stagingKeys, fleet: { seed: 52, instances: 120, regions }, accountId: '2100000002' });
  const stagingBound = bindSharedKeyPair(staging.simulator.fleet, { keyPairName, instancesPerRegion: 8, idTag: 'stag' });
  const broken = await app.addAccountProfile({ name: 'broken', keys: brokenKeys, fleet: { seed: 53, instances: 40, regions }, wrongSecret: 'not-the-secret' });
  return {
    prod: { profileId: prodId, simulator: app.simulator, bound: prodBound },
    staging: { profileId: staging.profileId, simulator: staging.simulator, bound: stagingBound },
    broken,
  };
}

/** The instances a detach takes the key off, as the simulator holds them: detachable, and with the agent. */
function changedBy(simulator: EcsSimulator, bound: Map<string, string[]>): number {
  return [...bound].reduce((sum, [regionId, ids]) => {
    const instances = ids.map((id) => simulator.fleet.findInstance(regionId, id)!);
    return sum + instances.filter((instance) => ['RUNNING', 'STOPPED'].includes(instance.status) && instance.hasResetAgent).length;
  }, 0);
}

for (const { locale, scheme } of [
  { locale: 'en-US', scheme: 'light' },
  { locale: 'zh-CN', scheme: 'dark' },
] as const) {
  test.describe(`${locale} ${scheme}`, () => {
    test.use({ osLanguages: [locale], colorScheme: scheme, fleet: { seed: 51, instances: 160, regions } });

    test('sweeps three accounts: the failing one says why, one review and one confirmation detach everywhere once, one export names account and region', async ({
      app,
    }) => {
      const t = texts[locale];
      const accounts = await threeAccounts(app);
      await app.open();
      const { page } = app;
      await page.getByText(t.nav, { exact: true }).click();
      await page.getByRole('textbox', { name: t.keyPairName }).fill(keyPairName);
      // Staging answers slowly (3 s a request, and its search sends at least three in turn): the progress shows each
      // account as it stands, prod and broken settled long before it.
      accounts.staging.simulator.setLatency(3_000);
      // Every profile is searched when none is picked.
      await page.getByRole('button', { name: t.search, exact: true }).click();
      const progress = page.getByTestId('sweep-progress-accounts');
      const stateOf = (profileId: string) => progress.locator(`tr[data-profile="${profileId}"] .arco-tag`);
      await expect(stateOf(accounts.prod.profileId)).toHaveText(t.states.done, { timeout: 30_000 });
      await expect(stateOf(accounts.broken.profileId)).toHaveText(t.states.failed);
      await expect(stateOf(accounts.staging.profileId)).toHaveText(t.states.searching);
      const prodRegions = progress.getByRole('progressbar', { name: /prod/ });
      await expect(prodRegions).toHaveAttribute('aria-valuetext', `${regions.length} / ${regions.length}`);
      // The whole search is not full while one account still searches, whatever the regions counted so far.
      const overall = Number(await page.getByTestId('sweep-progress').getByRole('progressbar').first().getAttribute('aria-valuenow'));
      expect(overall).toBeLessThan(100);
      await app.screenshot(`sweep-accounts-progress-${locale}-${scheme}`);
      accounts.staging.simulator.setLatency(0);

      const findings = page.getByTestId('sweep-findings');
      await expect(findings).toBeVisible({ timeout: 30_000 });
      const bound = [...accounts.prod.bound.values(), ...accounts.staging.bound.values()].flat().length;
      await expect(page.getByTestId('sweep-summary')).toContainText(t.summary(bound));
      await expect(page.getByTestId('sweep-summary')).toContainText(t.failedAccounts);
      // Each account's region shows its own key pair ID.
      for (const { name, simulator } of [
        { name: 'prod', simulator: accounts.prod.simulator },
        { name: 'staging', simulator: accounts.staging.simulator },
      ]) {
        const section = page.getByTestId(`sweep-account-${name}`);
        for (const regionId of regions) await expect(section).toContainText(simulator.fleet.findKeyPairByName(regionId, keyPairName)!.keyPairId);
      }
      await expect(page.getByTestId('sweep-account-broken').getByTestId('sweep-account-error')).toBeVisible();
      await app.screenshot(`sweep-accounts-findings-${locale}-${scheme}`);
      await expectNoAxeViolations(page, `sweep-${locale}`);

      await page.getByTestId('sweep-review').click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByTestId('sweep-plan-regions').locator('tbody')).toHaveCount(2);
      for (const { name, simulator } of [
        { name: 'prod', simulator: accounts.prod.simulator },
        { name: 'staging', simulator: accounts.staging.simulator },
      ]) {
        for (const regionId of regions) {
          const row = dialog.locator(`tbody[data-profile="${name}"] tr[data-region="${regionId}"]`);
          await expect(row).toContainText(simulator.fleet.findKeyPairByName(regionId, keyPairName)!.keyPairId);
        }
      }
      const confirm = dialog.getByTestId('plan-confirm');
      await expect(confirm).toBeDisabled();
      await dialog.getByLabel(t.confirm).fill(keyPairName);
      await app.screenshot(`sweep-accounts-review-${locale}-${scheme}`);
      await expectNoAxeViolations(page, `sweep-${locale}`);
      await confirm.click();

      const results = page.getByTestId('sweep-results');
      await expect(results).toBeVisible({ timeout: 40_000 });
      await expect(results.getByTestId('sweep-results-regions').locator('tbody')).toHaveCount(2);
      await expect(results.getByTestId('sweep-results-account-total')).toHaveCount(2);
      // Each account's "still exposed" total is the sum of its regions', once every region is checked.
      for (const name of ['prod', 'staging']) {
        const account = results.locator(`tbody[data-profile="${name}"]`);
        const regionCells = account.getByTestId('sweep-region-exposure');
        await expect.poll(async () => (await regionCells.allInnerTexts()).every((text) => /^\d+$/.test(text))).toBe(true);
        const sum = (await regionCells.allInnerTexts()).reduce((total, text) => total + Number(text), 0);
        await expect(account.getByTestId('sweep-account-exposure')).toHaveText(String(sum));
      }
      await app.screenshot(`sweep-accounts-results-${locale}-${scheme}`);
      await expectNoAxeViolations(page, `sweep-${locale}`);

      // Each account's simulator saw its own instances changed, each once; the broken account was never changed.
      for (const account of [accounts.prod, accounts.staging]) {
        const counts = account.simulator.changeCounts();
        expect(counts.size).toBe(changedBy(account.simulator, account.bound));
        expect([...counts.values()].every((count) => count === 1)).toBe(true);
      }
      expect(accounts.broken.simulator.changeCounts().size).toBe(0);

      // The instances without the password-reset agent fail in a way a second request would repeat: nothing is
      // offered again, and the disabled button says why.
      const withoutAgent = [accounts.prod, accounts.staging].reduce(
        (sum, account) =>
          sum +
          [...account.bound].flatMap(([regionId, ids]) => ids.map((id) => account.simulator.fleet.findInstance(regionId, id)!)).filter((instance) => ['RUNNING', 'STOPPED'].includes(instance.status) && !instance.hasResetAgent).length,
        0,
      );
      expect(withoutAgent).toBeGreaterThan(0);
      await expect(results.getByTestId('sweep-retry-all')).toBeDisabled();
      await expect(results.getByTestId('sweep-retry-all')).toHaveAccessibleDescription(t.retryNone);

      // One file for the whole sweep: every row names its account and region.
      await results.getByTestId('sweep-export').click();
      const folder = path.dirname(app.userDataDir);
      await expect.poll(async () => (await readdir(folder)).filter((name) => name.startsWith('sweep-') && name.endsWith('.csv')).length).toBe(1);
      const file = (await readdir(folder)).find((name) => name.startsWith('sweep-') && name.endsWith('.csv'))!;
      const [header, ...rows] = (await readFile(path.join(folder, file), 'utf8')).replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(header!.startsWith('profileName,accountId,regionId,')).toBe(true);
      const planned = [...accounts.prod.bound.values(), ...accounts.staging.bound.values()].flat();
      expect(rows.length).toBeGreaterThanOrEqual(changedBy(accounts.prod.simulator, accounts.prod.bound) + changedBy(accounts.staging.simulator, accounts.staging.bound));
      for (const row of rows) {
        const [profileName, accountId, regionId, instanceId] = row.split(',');
        expect(['prod', 'staging']).toContain(profileName);
        if (profileName === 'staging') expect(accountId).toBe('2100000002');
        expect(regions).toContain(regionId);
        expect(planned).toContain(instanceId);
      }
      expect(await app.cspViolations()).toEqual([]);
    });
  });
}

test.describe('the current profile alone', () => {
  test.use({ fleet: { seed: 51, instances: 160, regions } });

  test('one click narrows the search to the current profile, another widens it to every profile again', async ({ app }) => {
    await threeAccounts(app);
    await app.open();
    const { page } = app;
    await page.getByText('Sweep all accounts', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Key pair name (exact)' }).fill(keyPairName);
    await page.getByRole('button', { name: 'Only prod (the current profile)' }).click();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('sweep-findings')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('sweep-account-prod')).toBeVisible();
    await expect(page.locator('[data-testid^="sweep-account-"][data-state]')).toHaveCount(1);

    await page.getByRole('button', { name: 'All profiles again' }).click();
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.locator('[data-testid^="sweep-account-"][data-state]')).toHaveCount(3, { timeout: 30_000 });
  });
});
