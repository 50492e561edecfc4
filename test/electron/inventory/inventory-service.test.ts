import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { regionFile } from '../../../electron/inventory/inventory-cache-format';
import { makeInstance, makeKeyPair } from '../../../simulator/fleet-builders';
import type { InventoryPage, ListingProgress } from '../../../shared/domain/inventory';
import { startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';
import { listInventory } from '../support/list-inventory';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const cacheFileOf = (running: AppUnderTest, regionId = 'cn-beijing') => regionFile(path.join(running.userDataDir, 'inventory-cache'), running.profileId, regionId);
const progressEvents = (running: AppUnderTest, jobId: string) =>
  running.events.filter((event) => event.channel === 'inventory.progress' && (event.payload as ListingProgress).jobId === jobId).map((event) => event.payload as ListingProgress);

describe('a region listing', () => {
  it('hands every instance over once, in pages of at most 100, with its state as it goes, and ends complete', async () => {
    app = await startAppUnderTest({ generate: { seed: 21, instances: 1_234, regions: ['cn-beijing'], zoneWeights: [5, 3, 1] } });
    const { progress, pages, instances } = await listInventory(app);
    expect(progress).toMatchObject({ state: 'complete', scope: 'region', mode: 'zones', received: 1_234, totalCount: 1_234, cancelled: false, error: null, cached: null });
    expect(pages.every((page) => page.source === 'fresh' && page.instances.length > 0 && page.instances.length <= 100)).toBe(true);
    expect(pages.reduce((sum, page) => sum + page.instances.length, 0)).toBe(1_234);
    expect(instances).toHaveLength(1_234);
    const states = progressEvents(app, progress.jobId);
    expect(states[0]).toMatchObject({ state: 'listing', mode: null });
    expect(states.at(-1)).toEqual(progress);
    expect(states.some((state) => state.zones.some((zone) => zone.state === 'listing'))).toBe(true);
  });

  it('shows the last complete listing from disk first, marked with its time, then the fresh one; never planned from', async () => {
    app = await startAppUnderTest({ generate: { seed: 22, instances: 450, regions: ['cn-beijing'] } });
    const first = await listInventory(app);
    await app.core.inventory.settled();
    const file = cacheFileOf(app);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    // The copy on disk races the fresh listing: a slow answer makes the order the one this test is about (on a
    // loaded machine the simulator's first page once arrived before the file was read).
    app.simulator.setLatency(500);
    const second = await listInventory(app);
    const cachedPages = second.pages.filter((page) => page.source === 'cached');
    expect(cachedPages.reduce((sum, page) => sum + page.instances.length, 0)).toBe(450);
    expect(cachedPages.every((page) => page.readAt === first.progress.startedAt)).toBe(true);
    expect(second.pages[0]!.source).toBe('cached');
    expect(second.progress).toMatchObject({ state: 'complete', received: 450, cached: { readAt: first.progress.startedAt, received: 450 }, cacheProblem: null });
  });

  it('still shows the copy on disk when Volcengine cannot be reached, and says the listing failed', async () => {
    app = await startAppUnderTest({ generate: { seed: 23, instances: 300, regions: ['cn-beijing'] } });
    const keyPairs = valueOf(await app.api.inventory.listKeyPairs({ profileId: app.profileId, regionId: 'cn-beijing' }));
    await listInventory(app);
    await app.core.inventory.settled();
    app.simulator.addFault({ kind: 'destroy-before-apply' });

    const offline = await listInventory(app);
    expect(offline.pages.filter((page) => page.source === 'cached').reduce((sum, page) => sum + page.instances.length, 0)).toBe(300);
    expect(offline.progress).toMatchObject({ state: 'incomplete', received: 0, error: { code: 'CLOUD_REQUEST_FAILED' } });
    const copied = valueOf(await app.api.inventory.listKeyPairs({ profileId: app.profileId, regionId: 'cn-beijing' }));
    expect(copied).toMatchObject({ fromCache: true, keyPairs: keyPairs.keyPairs });
  });

  it('keeps no copy when the setting says so, and forgets every copy on request', async () => {
    app = await startAppUnderTest({ generate: { seed: 24, instances: 120, regions: ['cn-beijing'] } });
    await listInventory(app);
    await app.core.inventory.settled();
    expect(valueOf(await app.api.inventory.forgetCache())).toEqual({ removed: 1 });
    await expect(stat(cacheFileOf(app))).rejects.toMatchObject({ code: 'ENOENT' });

    valueOf(await app.api.settings.update({ keepInventoryCache: false }));
    await listInventory(app);
    await app.core.inventory.settled();
    expect(await readdir(path.join(app.userDataDir, 'inventory-cache')).catch(() => [])).toEqual([]);
    expect((await listInventory(app)).pages.some((page) => page.source === 'cached')).toBe(false);
  });

  it('sets a damaged copy aside, says so, and lists the region whole anyway', async () => {
    app = await startAppUnderTest({ generate: { seed: 25, instances: 220, regions: ['cn-beijing'] } });
    await listInventory(app);
    await app.core.inventory.settled();
    await writeFile(cacheFileOf(app), '{"format":"keypair-desk/inventory-cache","version":1,\n{not json', { mode: 0o600 });
    const listed = await listInventory(app);
    expect(listed.progress).toMatchObject({ state: 'complete', received: 220, cacheProblem: { code: 'INVENTORY_CACHE_SET_ASIDE' } });
    const names = await readdir(path.dirname(cacheFileOf(app)));
    expect(names.some((name) => name.includes('set-aside'))).toBe(true);
  });

  it('stops on cancel and keeps what arrived, marked incomplete', async () => {
    app = await startAppUnderTest({ generate: { seed: 26, instances: 2_000, regions: ['cn-beijing'] }, latencyMs: 30 });
    const running = app;
    const jobId = 'cancel-job-0001';
    const answer = running.api.inventory.list({ profileId: running.profileId, regionId: 'cn-beijing', jobId, scope: { kind: 'region' } });
    while (!running.events.some((event) => event.channel === 'inventory.page' && (event.payload as InventoryPage).jobId === jobId)) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const { cancelled } = valueOf(await running.api.inventory.cancel({ jobId }));
    const ended = valueOf(await answer);
    expect(cancelled).toBe(true);
    expect(ended).toMatchObject({ state: 'incomplete', cancelled: true, error: null });
    expect(ended.received).toBeGreaterThan(0);
    expect(ended.received).toBeLessThan(2_000);
    // Nothing is kept on disk from an incomplete listing.
    await running.core.inventory.settled();
    await expect(stat(cacheFileOf(running))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('paces reads under the setting, so a read flow limit is never tripped', async () => {
    app = await startAppUnderTest({ generate: { seed: 27, instances: 700, regions: ['cn-beijing'], zoneWeights: [1, 1, 1, 1] }, readFlowLimit: { ratePerSecond: 12, burst: 1 } });
    valueOf(await app.api.settings.update({ readRequestsPerSecond: 10 }));
    const listed = await listInventory(app);
    expect(listed.progress.state).toBe('complete');
    expect(app.simulator.requests.filter((request) => request.errorCode === 'FlowLimitExceeded')).toEqual([]);
  });
});

describe('a key pair listing', () => {
  it('reads only the instances bound to the key pair, ceil(M/100) requests, kept only where the KeyPairId matches', async () => {
    const key = makeKeyPair({ keyPairId: 'kp-scoped0000000000000001', keyPairName: 'deploy' });
    const instances = [
      ...Array.from({ length: 230 }, (_, index) => makeInstance({ instanceId: `i-bound${String(index).padStart(13, '0')}`, keyPairId: key.keyPairId, keyPairName: key.keyPairName })),
      // The same name under another ID (a key pair deleted and made again): not this key pair.
      makeInstance({ instanceId: 'i-samename0000000000001', keyPairId: 'kp-older00000000000000001', keyPairName: 'deploy' }),
      ...Array.from({ length: 3_000 }, (_, index) => makeInstance({ instanceId: `i-other${String(index).padStart(13, '0')}` })),
    ];
    app = await startAppUnderTest({ fleet: { regions: [{ regionId: 'cn-beijing', zoneIds: ['cn-beijing-a'], keyPairs: [key], instances }] } });
    app.simulator.clearRequests();
    const listed = await listInventory(app, { kind: 'key-pair', keyPair: { keyPairId: key.keyPairId, keyPairName: key.keyPairName } });
    expect(listed.progress).toMatchObject({ state: 'complete', scope: 'key-pair', received: 230 });
    expect(listed.instances).toHaveLength(230);
    expect(listed.instances.every((instance) => instance.keyPairId === key.keyPairId)).toBe(true);
    expect(app.simulator.requests.map((request) => request.action)).toEqual(['DescribeInstances', 'DescribeInstances', 'DescribeInstances']);

    // Enough to plan: the plan rests on it, with nothing else of the region read.
    const plan = valueOf(
      await app.api.operations.plan({
        profileId: app.profileId,
        regionId: 'cn-beijing',
        action: 'detach-key-pair',
        keyPair: { keyPairId: key.keyPairId, keyPairName: key.keyPairName },
        forceStop: false,
        instanceIds: [...listed.instances.map((instance) => instance.instanceId), 'i-samename0000000000001'],
      }),
    );
    expect(plan.instanceIds).toHaveLength(230);
    expect(plan.excluded).toEqual([{ instanceId: 'i-samename0000000000001', reason: 'not-in-inventory' }]);
  });

  it('reads instances again by ID after a change, 100 a request, and forgets those that are gone', async () => {
    app = await startAppUnderTest({ generate: { seed: 28, instances: 260, regions: ['cn-beijing'] } });
    const region = await listInventory(app);
    const ids = region.instances.slice(0, 150).map((instance) => instance.instanceId);
    app.simulator.clearRequests();
    const again = await listInventory(app, { kind: 'instances', instanceIds: [...ids, 'i-deleted00000000000001'] });
    expect(again.progress).toMatchObject({ state: 'complete', scope: 'instances', received: 150 });
    expect(app.simulator.requests.filter((request) => request.action === 'DescribeInstances')).toHaveLength(2);
  });
});
