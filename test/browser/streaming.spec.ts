import { expect, test, type AppHarness } from './support/app-fixture';
import { busiestKeyPair } from './support/workspace-steps';

// Issue 12: the Instances screen is useful after one round trip, whatever the region's size. Each test runs in
// both languages; the simulator answers slowly enough (250 ms a request) that the states between are seen.

const texts = {
  'en-US': {
    listing: (total: string) => new RegExp(`Listing the region: [\\d,]+ of ${total} instances`),
    listed: (total: string) => new RegExp(`${total} instances, listed at`),
    cancelled: (total: string) => new RegExp(`Listing cancelled: [\\d,]+ of ${total} instances shown`),
    count: (total: string) => new RegExp(`^${total} instances · `),
    cancel: 'Cancel loading',
    search: 'Search instances',
    keyPair: 'Key pair to detach',
    selectAll: 'Select all that match',
    review: /Review detach \((\d+)\)/,
    keyListed: /instances are bound to/,
    cachedNotice: 'Showing the list kept on this computer from',
    zonesFallback: 'The zones could not be used',
    incomplete: /Incomplete: [\d,]+ of [\d,]+ instances listed/,
    zoneFailed: 'failed',
  },
  'zh-CN': {
    listing: (total: string) => new RegExp(`正在列举该地域：[\\d,]+ / ${total} 台实例`),
    listed: (total: string) => new RegExp(`共 ${total} 台实例，列举于`),
    cancelled: (total: string) => new RegExp(`已取消列举：显示 [\\d,]+ / ${total} 台实例`),
    count: (total: string) => new RegExp(`^共 ${total} 台实例 · `),
    cancel: '取消加载',
    search: '搜索实例',
    keyPair: '要解绑的密钥对',
    selectAll: '全选匹配项',
    review: /预览解绑计划（(\d+)）/,
    keyListed: /台实例绑定了/,
    cachedNotice: '正在显示本机保存的',
    zonesFallback: '无法按可用区列举',
    incomplete: /不完整：已列出 [\d,]+ \/ [\d,]+ 台实例/,
    zoneFailed: '失败',
  },
} as const;

const slowMs = 250;

for (const language of ['en-US', 'zh-CN'] as const) {
  const say = texts[language];

  test.describe(`streamed inventory (${language})`, () => {
    test.use({ osLanguages: [language], fleet: { seed: 31, instances: 3_000, regions: ['cn-beijing'], zoneWeights: [3, 2, 1] } });

    async function openSlowly(app: AppHarness): Promise<void> {
      await app.addSimulatorProfile();
      app.simulator.setLatency(slowMs);
      await app.open();
    }

    /**
     * The region's first zone holds its second page back (until `releaseWaits`), so the region is still being
     * listed when the test looks, however slowly this machine runs the steps in between: racing the latency alone
     * failed on a loaded machine, the region done before the test had looked.
     */
    function holdFirstZone(app: AppHarness): void {
      const firstZone = app.simulator.fleet.region('cn-beijing')!.zoneIds[0]!;
      app.simulator.addFault({ kind: 'slow-reply', action: 'DescribeInstances', params: { ZoneId: firstZone }, skip: 1, times: 1, delayMs: 120_000 });
    }

    test('shows rows after the first page, searches what has arrived, and says how far it is', async ({ app }) => {
      holdFirstZone(app);
      await openSlowly(app);
      const { page } = app;
      const progress = page.getByTestId('inventory-progress');
      await expect(page.getByTestId('instance-row').first()).toBeVisible();
      await expect(progress).toHaveAttribute('data-state', 'listing');
      await expect(progress).toContainText(say.listing('3,000'));
      await expect(page.getByTestId('zone-progress')).toBeVisible();
      await app.screenshot(`streaming-${language}-light`);
      // Search works on what has arrived: every row shown matches, while the rest still loads.
      await page.getByRole('textbox', { name: say.search }).fill('web-');
      await expect(page.getByTestId('instance-row').first()).toBeVisible();
      for (const name of await page.getByTestId('instance-row').locator('.instances-name').allInnerTexts()) expect(name).toContain('web-');
      app.simulator.releaseWaits();
      await expect(progress).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });
      await expect(progress).toContainText(say.listed('3,000'));
      await page.getByRole('textbox', { name: say.search }).fill('');
      await expect(page.getByTestId('instances-count')).toHaveText(say.count('3,000'));
      expect(await app.cspViolations()).toEqual([]);
    });

    test('enables Review from the key pair\'s own listing while the region still streams in', async ({ app }) => {
      holdFirstZone(app);
      await openSlowly(app);
      const { page } = app;
      const keyPairName = busiestKeyPair(app);
      const picker = page.getByRole('combobox', { name: say.keyPair });
      await picker.click();
      await page.keyboard.type(keyPairName);
      await page.getByRole('option', { name: new RegExp(`^${keyPairName} ·`) }).click();
      await expect(page.getByTestId('key-listing')).toHaveAttribute('data-state', 'complete');
      await expect(page.getByTestId('key-listing')).toContainText(say.keyListed);
      await page.getByRole('button', { name: say.selectAll }).click();
      const review = page.getByRole('button', { name: say.review });
      await expect(review).toBeEnabled();
      // The plan does not wait for the rest of the region: it is still being listed.
      await expect(page.getByTestId('inventory-progress')).toHaveAttribute('data-state', 'listing');
      const expected = app.simulator.fleet
        .region('cn-beijing')!
        .instances.filter((instance) => instance.keyPairName === keyPairName && instance.osType === 'Linux' && ['RUNNING', 'STOPPED'].includes(instance.status)).length;
      expect(Number(say.review.exec(await review.innerText())![1])).toBe(expected);
      await app.screenshot(`streaming-review-ready-${language}-light`);
    });

    test('stops on cancel, keeps what arrived, and marks the region incomplete', async ({ app }) => {
      holdFirstZone(app);
      await openSlowly(app);
      const { page } = app;
      await expect(page.getByTestId('instance-row').first()).toBeVisible();
      await page.getByRole('button', { name: say.cancel }).click();
      const incomplete = page.getByTestId('inventory-incomplete');
      await expect(incomplete).toContainText(say.cancelled('3,000'));
      const shown = Number(/([\d,]+)/.exec((await incomplete.innerText()).replace(/3,000/, ''))![1]!.replace(/,/g, ''));
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(3_000);
      await expect(page.getByTestId('instances-count')).toHaveText(say.count(shown.toLocaleString('en-US')));
      await app.screenshot(`streaming-cancelled-${language}-light`);
    });
  });

  test.describe(`the last inventory kept on this computer (${language})`, () => {
    test.use({ osLanguages: [language], fleet: { seed: 32, instances: 800, regions: ['cn-beijing'] } });

    test('shows the copy at once, marked with its time, then replaces it with what Volcengine says now', async ({ app }) => {
      await app.addSimulatorProfile();
      await app.open();
      const { page } = app;
      await expect(page.getByTestId('inventory-progress')).toHaveAttribute('data-state', 'complete');
      // Released since: the copy still has it, the fresh listing will not.
      const released = app.simulator.fleet.region('cn-beijing')!.instances[0]!.instanceId;
      app.simulator.fleet.removeInstance(released);
      // The fresh listing's first page is held back until the copy has been read and photographed: a latency raced
      // the checks, and on a loaded machine fresh rows could replace the copy first.
      app.simulator.addFault({ kind: 'slow-reply', action: 'DescribeInstances', times: 1, delayMs: 120_000 });
      await app.open();
      await expect(page.getByTestId('cached-notice')).toContainText(say.cachedNotice);
      await expect(page.locator('[data-testid="instance-row"][data-cached="true"]').first()).toBeVisible();
      await expect(page.locator(`[data-instance-id="${released}"]`)).toBeVisible();
      await app.screenshot(`cached-inventory-${language}-light`);
      app.simulator.releaseWaits();
      await expect(page.getByTestId('inventory-progress')).toHaveAttribute('data-state', 'complete', { timeout: 30_000 });
      await expect(page.getByTestId('cached-notice')).toHaveCount(0);
      await expect(page.locator('[data-cached="true"]')).toHaveCount(0);
      await expect(page.locator(`[data-instance-id="${released}"]`)).toHaveCount(0);
      await expect(page.getByTestId('instances-count')).toHaveText(say.count('799'));
    });
  });

  test.describe(`zones (${language})`, () => {
    test.use({ osLanguages: [language], fleet: { seed: 33, instances: 900, regions: ['cn-beijing'], zoneWeights: [3, 2, 1] } });

    test('lists the region in one sequence, and says so, when its zones cannot be listed', async ({ app }) => {
      await app.addSimulatorProfile();
      app.simulator.addFault({ kind: 'api-error', code: 'AccessDenied', action: 'DescribeZones' });
      await app.open();
      const { page } = app;
      const progress = page.getByTestId('inventory-progress');
      await expect(progress).toHaveAttribute('data-state', 'complete');
      await expect(progress).toContainText(say.zonesFallback);
      await expect(page.getByTestId('instances-count')).toHaveText(say.count('900'));
      await app.screenshot(`zones-fallback-${language}-light`);
    });

    test('marks the one zone that fails, keeps the others whole, and never calls the region complete', async ({ app }) => {
      await app.addSimulatorProfile();
      const zones = app.simulator.fleet.region('cn-beijing')!.zoneIds;
      app.simulator.addFault({ kind: 'api-error', code: 'AccessDenied', action: 'DescribeInstances', params: { ZoneId: zones[1]! } });
      await app.open();
      const { page } = app;
      const progress = page.getByTestId('inventory-progress');
      await expect(progress).toHaveAttribute('data-state', 'incomplete');
      await expect(page.getByTestId('inventory-incomplete')).toContainText(say.incomplete);
      const failedZone = page.locator('[data-zone-state="failed"]');
      await expect(failedZone).toContainText(zones[1]!);
      await expect(failedZone).toContainText(say.zoneFailed);
      await expect(page.locator('[data-zone-state="complete"]')).toHaveCount(zones.length - 1);
      await expect(page.getByTestId('app-error')).toHaveAttribute('data-cloud-code', 'AccessDenied');
      await app.screenshot(`zone-failed-${language}-light`);
    });
  });
}
