import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindSharedKeyPair } from '../../../simulator/shared-key-pair';
import type { Sweep, SweepProgress } from '../../../shared/domain/sweep';
import { startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';

const keyPairName = 'departed-admin';
const regions = ['cn-beijing', 'cn-shanghai', 'ap-southeast-1', 'cn-guangzhou'];
let app: AppUnderTest;
let bound: Map<string, string[]>;

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 31, instances: 2400, regions } });
  // The key is in three of the four regions; cn-guangzhou never had it.
  bound = bindSharedKeyPair(app.simulator.fleet, { keyPairName, instancesPerRegion: 150, regionIds: regions.slice(0, 3) });
});
afterAll(async () => {
  await app.close();
});

const find = async (jobId: string) => valueOf(await app.api.sweep.find({ profileIds: [app.profileId], keyPairName, jobId }));
/** The one account's regions (this file sweeps one profile; sweep-accounts.test.ts sweeps several). */
const regionsOf = (sweep: Sweep) => {
  const account = sweep.accounts[0];
  if (account?.state !== 'searched') throw new Error(`expected the account searched, got ${account?.state}`);
  return account.regions;
};
const foundIn = (sweep: Sweep, regionId: string) => {
  const region = regionsOf(sweep).find((candidate) => candidate.regionId === regionId);
  if (region?.state !== 'found') throw new Error(`expected ${keyPairName} in ${regionId}, got ${region?.state}`);
  return region;
};

describe('sweep', () => {
  it('searches every region, finds each region’s own key pair and exactly the instances bound to it', async () => {
    const sweep = await find('sweep-find-0001');
    expect(regionsOf(sweep).map((region) => region.regionId).sort()).toEqual([...regions].sort());
    for (const regionId of regions.slice(0, 3)) {
      const region = foundIn(sweep, regionId);
      expect(region.keyPair.keyPairId).toBe(app.simulator.fleet.findKeyPairByName(regionId, keyPairName)!.keyPairId);
      expect(region.instances.map((instance) => instance.instanceId).sort()).toEqual([...bound.get(regionId)!].sort());
    }
    expect(regionsOf(sweep).find((region) => region.regionId === 'cn-guangzhou')).toEqual({ state: 'absent', regionId: 'cn-guangzhou' });
    const progress = app.events.filter((event) => event.channel === 'sweep.progress').map((event) => event.payload as SweepProgress);
    expect(progress.at(-1)).toEqual({
      jobId: 'sweep-find-0001',
      accounts: [{ profileId: app.profileId, state: 'done', regionsTotal: 4, regionsDone: 4, instancesFound: 450 }],
    });
    // Two filtered listings per region, not whole inventories: a sweep stays quick on a large fleet.
    const listings = app.simulator.requests.filter((entry) => entry.action === 'DescribeInstances');
    expect(listings.length).toBeLessThanOrEqual(3 * 2);
  });

  it('reports a region it could not read, and still answers for the others', async () => {
    app.simulator.addFault({ kind: 'internal-error', action: 'DescribeKeyPairs', region: 'cn-shanghai' });
    const sweep = await find('sweep-find-0002');
    const failed = regionsOf(sweep).filter((region) => region.state === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ regionId: 'cn-shanghai', error: { code: 'CLOUD_REQUEST_FAILED', cloud: { code: 'ECS_RETRIES_EXHAUSTED' } } });
    expect(regionsOf(sweep).filter((region) => region.state !== 'failed')).toHaveLength(3);
    app.simulator.setFaults([]);
  });

  it('plans one reviewed detach over the regions, with each region’s key pair ID, and confirms it once', async () => {
    const sweep = await find('sweep-find-0003');
    const plan = valueOf(
      await app.api.sweep.plan({
        sweepId: sweep.sweepId,
        parts: regions.slice(0, 3).map((regionId) => ({ profileId: app.profileId, regionId, instanceIds: foundIn(sweep, regionId).instances.map((instance) => instance.instanceId) })),
      }),
    );
    expect(plan.plans.map((part) => part.regionId)).toEqual(regions.slice(0, 3));
    for (const part of plan.plans) {
      const keyPairId = foundIn(sweep, part.regionId).keyPair.keyPairId;
      expect(part.keyPair).toEqual({ keyPairId, keyPairName });
      for (const request of part.requests) expect(request.query).toContainEqual(['KeyPairId', keyPairId]);
      // Instances bound but not detachable (Windows is impossible here; STOPPING and the like are not) are left out.
      expect(part.instanceIds.length + part.excluded.length).toBe(150);
    }
    expect(plan.confirmationText).toBe(keyPairName);

    expect(await app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: 'departed' })).toMatchObject({
      ok: false,
      error: { code: 'PLAN_CONFIRMATION_MISMATCH' },
    });
    const started = valueOf(await app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: keyPairName }));
    expect(started.operations.map((operation) => operation.regionId)).toEqual(regions.slice(0, 3));
    expect(await app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: keyPairName })).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_FOUND' } });

    for (const { regionId, operationId } of started.operations) {
      const result = await app.core.operations.settled(operationId);
      const part = plan.plans.find((candidate) => candidate.regionId === regionId)!;
      expect(result.outcomes.map((outcome) => outcome.instanceId).sort()).toEqual([...part.instanceIds].sort());
      for (const outcome of result.outcomes) {
        if (outcome.status === 'succeeded') expect(app.simulator.fleet.findInstance(regionId, outcome.instanceId)!.keyPairId).toBe('');
      }
    }
    expect([...app.simulator.changeCounts().values()].every((count) => count === 1)).toBe(true);
  });

  it('plans only with what main found: an unknown sweep or a region without the key pair is refused', async () => {
    const unknown = await app.api.sweep.plan({ sweepId: 'no-such-sweep', parts: [{ profileId: app.profileId, regionId: 'cn-beijing', instanceIds: ['i-anything'] }] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'SWEEP_NOT_FOUND' } });
    const sweep = await find('sweep-find-0004');
    const absent = await app.api.sweep.plan({ sweepId: sweep.sweepId, parts: [{ profileId: app.profileId, regionId: 'cn-guangzhou', instanceIds: ['i-anything'] }] });
    expect(absent).toMatchObject({ ok: false, error: { code: 'SWEEP_NOT_FOUND' } });
  });

  it('can be cancelled', async () => {
    app.simulator.setLatency(400);
    const pending = app.api.sweep.find({ profileIds: [app.profileId], keyPairName, jobId: 'sweep-find-0005' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(valueOf(await app.api.sweep.cancel({ jobId: 'sweep-find-0005' }))).toEqual({ cancelled: true });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CLOUD_REQUEST_FAILED', cloud: { code: 'ECS_CANCELLED' } } });
    app.simulator.setLatency(0);
  });
});
