import path from 'node:path';
import { openJournal } from '../../electron/journal/journal-file';
import { createMemoryLogger } from '../../electron/logging/logger';
import type { FleetState } from '../../simulator/fleet-state';
import { bindSharedKeyPair } from '../../simulator/shared-key-pair';
import { expectNoAxeViolations } from './support/accessibility-audit';
import { expect, test } from './support/app-fixture';

const keyPairName = 'departed-admin';
const stagingKeys = { accessKeyId: 'AKLTbrowserStagingKey02', secretAccessKey: 'browser-test-secret-key-0002' };

/** The detachable instances of one region that carry the key, with the agent so each detach succeeds. */
function targets(fleet: FleetState, bound: Map<string, string[]>, regionId: string): string[] {
  const ids = bound.get(regionId)!.filter((id) => ['RUNNING', 'STOPPED'].includes(fleet.findInstance(regionId, id)!.status));
  for (const id of ids) fleet.updateInstance(id, { hasResetAgent: true });
  return ids;
}

const texts = {
  'en-US': { notice: '1 operation was interrupted', openHistory: 'Open history', resume: 'Resume', notStarted: 'Not started — nothing was sent', shanghai: 'China East 2 (Shanghai) cn-shanghai' },
  'zh-CN': { notice: '上次退出时有 1 个操作被中断', openHistory: '打开历史', resume: '继续操作', notStarted: '未开始——未发送任何请求', shanghai: '华东2（上海） cn-shanghai' },
} as const;

for (const { locale, scheme } of [
  { locale: 'en-US', scheme: 'light' },
  { locale: 'zh-CN', scheme: 'dark' },
] as const) {
  test.describe(`${locale} ${scheme}`, () => {
    test.use({ osLanguages: [locale], colorScheme: scheme, fleet: { seed: 61, instances: 120, regions: ['cn-beijing'] } });

    /**
     * A sweep over two accounts cut short the way a killed process leaves it: prod's part sent its request and never
     * heard back, staging's first part was planned and sent nothing, its second never started. History shows it as
     * one interrupted sweep; Resume finishes both started parts on the Sweep screen, each instance changed once.
     */
    test('resumes a sweep over two accounts that a crash interrupted, from History, counting it once', async ({ app }) => {
      const t = texts[locale];
      const prodId = await app.addSimulatorProfile('prod');
      const prodBound = bindSharedKeyPair(app.simulator.fleet, { keyPairName, instancesPerRegion: 10, idTag: 'prod' });
      const staging = await app.addAccountProfile({
        name: 'staging',
        keys: stagingKeys,
        fleet: { seed: 62, instances: 120, regions: ['cn-beijing', 'cn-shanghai'] },
        accountId: '2100000002',
      });
      const stagingBound = bindSharedKeyPair(staging.simulator.fleet, { keyPairName, instancesPerRegion: 6, idTag: 'stag' });
      const prodTargets = targets(app.simulator.fleet, prodBound, 'cn-beijing');
      const stagingTargets = targets(staging.simulator.fleet, stagingBound, 'cn-beijing');

      const sweepOperationId = 'crashed-sweep-0001';
      const parts = [
        { operationId: 'crashed-part-prod', profileId: prodId, profileName: 'prod', accountId: null, regionId: 'cn-beijing' },
        { operationId: 'crashed-part-staging-1', profileId: staging.profileId, profileName: 'staging', accountId: '2100000002', regionId: 'cn-beijing' },
        { operationId: 'crashed-part-staging-2', profileId: staging.profileId, profileName: 'staging', accountId: '2100000002', regionId: 'cn-shanghai' },
      ];
      const planned = (part: (typeof parts)[number], keyPairId: string, instanceIds: string[], endpoint: string) => ({
        type: 'planned' as const,
        operationId: part.operationId,
        at: new Date(Date.now() - 60_000).toISOString(),
        profileId: part.profileId,
        profileName: part.profileName,
        accessKeyHint: 'AKLT…',
        accountId: part.accountId,
        endpoint,
        regionId: part.regionId,
        action: 'detach-key-pair' as const,
        keyPair: { keyPairId, keyPairName },
        forceStop: false,
        instanceIds,
        excluded: [],
        batches: [{ index: 0, clientToken: `${part.operationId}-token-0`, instanceIds }],
        sweepOperationId,
      });
      const journal = await openJournal({ directory: path.join(app.userDataDir, 'journal'), maxActiveBytes: 1 << 20, now: () => new Date(), logger: createMemoryLogger() });
      await journal.append({ type: 'sweep-started', operationId: sweepOperationId, at: new Date(Date.now() - 61_000).toISOString(), keyPairName, parts });
      await journal.append(planned(parts[0]!, app.simulator.fleet.findKeyPairByName('cn-beijing', keyPairName)!.keyPairId, prodTargets, app.simulator.url));
      await journal.append({ type: 'batch-sent', operationId: parts[0]!.operationId, at: new Date(Date.now() - 59_000).toISOString(), batchIndex: 0, attempt: 1 });
      await journal.append(planned(parts[1]!, staging.simulator.fleet.findKeyPairByName('cn-beijing', keyPairName)!.keyPairId, stagingTargets, staging.simulator.url));
      await journal.close();

      await app.open();
      const { page } = app;
      // Three parts, one sweep: the notice counts it once.
      const notice = page.getByTestId('interrupted-notice');
      await expect(notice).toContainText(t.notice);
      await notice.getByRole('button', { name: t.openHistory }).click();

      await page.getByRole('row', { name: new RegExp(keyPairName) }).getByRole('button').click();
      const sweep = page.getByTestId('history-sweep');
      await expect(sweep.getByTestId('history-sweep-account')).toHaveCount(2);
      const shanghai = sweep.locator('[data-profile] tr[data-region="cn-shanghai"]');
      await expect(shanghai).toContainText(t.notStarted);
      // Each part is named as the Sweep screen names its region, in the chosen language.
      await expect(shanghai.getByRole('rowheader')).toHaveText(t.shanghai);
      await app.screenshot(`sweep-interrupted-history-${locale}-${scheme}`);
      await expectNoAxeViolations(page, `history-sweep-${locale}`);

      await sweep.getByTestId('history-sweep-resume').click();
      const results = page.getByTestId('sweep-results');
      await expect(results).toBeVisible({ timeout: 30_000 });
      await expect(results.getByTestId('sweep-results-regions').locator('tbody')).toHaveCount(2);
      await expect(page.getByTestId('interrupted-notice')).toHaveCount(0);
      await app.screenshot(`sweep-resumed-${locale}-${scheme}`);

      // Prod's request went again with its recorded ClientToken; every instance of both accounts changed once.
      const prodTokens = app.simulator.requests.filter((request) => request.action === 'DetachKeyPair').map((request) => request.clientToken);
      expect(prodTokens).toEqual(['crashed-part-prod-token-0']);
      expect(app.simulator.changeCounts().size).toBe(prodTargets.length);
      expect(staging.simulator.changeCounts().size).toBe(stagingTargets.length);
      for (const counts of [app.simulator.changeCounts(), staging.simulator.changeCounts()]) expect([...counts.values()].every((count) => count === 1)).toBe(true);
      expect(await app.cspViolations()).toEqual([]);
    });
  });
}
