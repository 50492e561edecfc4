import { afterAll, beforeAll, expect, it } from 'vitest';
import { bindSharedKeyPair } from '../../../simulator/shared-key-pair';
import { startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';

/**
 * Volcengine's flow limits are the account's: a sweep's parts in several regions of one account share that
 * account's change pace (cloud/profile-pacers.ts), instead of each region sending at the full rate.
 */
const keyPairName = 'paced-key';
const regions = ['cn-beijing', 'cn-shanghai'];
let app: AppUnderTest;

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 61, instances: 1600, regions } });
  bindSharedKeyPair(app.simulator.fleet, { keyPairName, instancesPerRegion: 500 });
});
afterAll(async () => {
  await app.close();
});

it('sends one account’s changes in all its regions at the account’s pace, not at the pace times the regions', async () => {
  const changesPerSecond = 2;
  valueOf(await app.api.settings.update({ changeRequestsPerSecond: changesPerSecond, requestConcurrency: 4 }));
  const sweep = valueOf(await app.api.sweep.find({ profileIds: [app.profileId], keyPairName, jobId: 'paced-find' }));
  const account = sweep.accounts[0]!;
  if (account.state !== 'searched') throw new Error('the account was not searched');
  const parts = account.regions.flatMap((region) =>
    region.state === 'found' ? [{ profileId: app.profileId, regionId: region.regionId, instanceIds: region.instances.map((instance) => instance.instanceId) }] : [],
  );
  const plan = valueOf(await app.api.sweep.plan({ sweepId: sweep.sweepId, parts }));
  const requests = plan.plans.reduce((sum, part) => sum + part.requests.length, 0);
  // Each region alone has at least two requests, so paced per region the sweep would take half as long or less.
  expect(plan.plans.every((part) => part.requests.length >= 2)).toBe(true);

  const startedAt = performance.now();
  const started = valueOf(await app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: plan.confirmationText }));
  await Promise.all(started.operations.map((part) => app.core.operations.settled(part.operationId)));
  const elapsedMs = performance.now() - startedAt;
  // A lower bound only: one slot every 1/rate seconds for the whole account. A slow machine can only add to it.
  expect(elapsedMs).toBeGreaterThanOrEqual(((requests - 1) / changesPerSecond) * 1000 - 50);
  expect(app.simulator.requests.filter((entry) => entry.action === 'DetachKeyPair')).toHaveLength(requests);
}, 30_000);
