import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindSharedKeyPair } from '../../../simulator/shared-key-pair';
import type { EcsSimulator } from '../../../simulator/ecs-simulator';
import type { Sweep, SweepProgress } from '../../../shared/domain/sweep';
import { startAppUnderTest, testKeys, valueOf, type AppUnderTest } from '../support/app-under-test';
import { addOtherAccount, type OtherAccount } from '../support/other-account';

/**
 * One sweep over three accounts: production (the app's own simulator), staging (another simulator, its own fleet
 * and key pair IDs) and one whose profile holds a wrong secret, so Volcengine refuses every request it signs.
 */
const keyPairName = 'leaked-deploy-key';
let app: AppUnderTest;
let staging: OtherAccount;
let broken: OtherAccount;
const bound = new Map<string, Map<string, string[]>>();

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 51, instances: 600, regions: ['cn-beijing', 'cn-shanghai'] } });
  staging = await addOtherAccount(app, {
    name: 'staging',
    keys: { accessKeyId: 'AKLTstagingAccount0001', secretAccessKey: 'staging-account-secret-01' },
    fleet: { seed: 52, instances: 600, regions: ['cn-beijing', 'ap-southeast-1'] },
    accountId: '2100000002',
  });
  broken = await addOtherAccount(app, {
    name: 'subsidiary',
    keys: { accessKeyId: 'AKLTsubsidiaryAcct0001', secretAccessKey: 'subsidiary-secret-01' },
    fleet: { seed: 53, instances: 100, regions: ['cn-beijing'] },
    wrongSecret: 'a-secret-that-was-rotated',
  });
  bound.set(app.profileId, bindSharedKeyPair(app.simulator.fleet, { keyPairName, instancesPerRegion: 40, idTag: 'prod' }));
  bound.set(staging.profileId, bindSharedKeyPair(staging.simulator.fleet, { keyPairName, instancesPerRegion: 30, idTag: 'stg' }));
  bindSharedKeyPair(broken.simulator.fleet, { keyPairName, instancesPerRegion: 10, idTag: 'sub' });
});
afterAll(async () => {
  await staging.close();
  await broken.close();
  await app.close();
});

const simulatorOf = (profileId: string): EcsSimulator => (profileId === app.profileId ? app.simulator : staging.simulator);
const find = async (jobId: string, profileIds = [app.profileId, staging.profileId, broken.profileId]) =>
  valueOf(await app.api.sweep.find({ profileIds, keyPairName, jobId }));
const progressOf = (jobId: string) =>
  app.events.filter((event) => event.channel === 'sweep.progress').map((event) => event.payload as SweepProgress).filter((progress) => progress.jobId === jobId);
/** Every part a plan can have: each searched account's regions where the key was found, with their instances. */
const partsOf = (sweep: Sweep) =>
  sweep.accounts.flatMap((account) =>
    account.state !== 'searched'
      ? []
      : account.regions.flatMap((region) =>
          region.state === 'found' ? [{ profileId: account.profileId, regionId: region.regionId, instanceIds: region.instances.map((instance) => instance.instanceId) }] : [],
        ),
  );

describe('a sweep across accounts', () => {
  it('searches every account, each with its own key pair IDs, and reports the account it cannot read with its reason', async () => {
    const sweep = await find('accounts-find-1');
    expect(sweep.accounts.map((account) => [account.profileName, account.state])).toEqual([
      ['test', 'searched'],
      ['staging', 'searched'],
      ['subsidiary', 'failed'],
    ]);
    expect(sweep.accounts[1]).toMatchObject({ profileId: staging.profileId, accountId: '2100000002' });
    const failed = sweep.accounts[2]!;
    if (failed.state !== 'failed') throw new Error('expected the subsidiary to fail');
    // Said once for the account, with Volcengine's own code: not once per region.
    expect(failed.error).toMatchObject({ code: 'CLOUD_REQUEST_FAILED', cloud: { code: 'SignatureDoesNotMatch' } });

    const keyPairIds = new Set<string>();
    for (const account of sweep.accounts) {
      if (account.state !== 'searched') continue;
      const simulator = simulatorOf(account.profileId);
      for (const region of account.regions) {
        if (region.state !== 'found') throw new Error(`expected the key in ${region.regionId} of ${account.profileName}`);
        expect(region.keyPair.keyPairId).toBe(simulator.fleet.findKeyPairByName(region.regionId, keyPairName)!.keyPairId);
        expect(region.instances.map((instance) => instance.instanceId).sort()).toEqual([...bound.get(account.profileId)!.get(region.regionId)!].sort());
        keyPairIds.add(region.keyPair.keyPairId);
      }
    }
    // cn-beijing is in both accounts, under two IDs.
    expect(keyPairIds.size).toBe(4);
    expect(progressOf('accounts-find-1').at(-1)!.accounts).toEqual([
      { profileId: app.profileId, state: 'done', regionsTotal: 2, regionsDone: 2, instancesFound: 80 },
      { profileId: staging.profileId, state: 'done', regionsTotal: 2, regionsDone: 2, instancesFound: 60 },
      { profileId: broken.profileId, state: 'failed', regionsTotal: 0, regionsDone: 0, instancesFound: 0 },
    ]);
  });

  it('searches accounts side by side: a quick account is done while a slow one is still being read', async () => {
    app.simulator.setLatency(300);
    try {
      await find('accounts-find-2', [app.profileId, staging.profileId]);
    } finally {
      app.simulator.setLatency(0);
    }
    const events = progressOf('accounts-find-2');
    const doneAt = (index: number) => events.findIndex((progress) => progress.accounts[index]!.state === 'done');
    expect(doneAt(1)).toBeGreaterThan(-1);
    expect(doneAt(1)).toBeLessThan(doneAt(0));
  });

  it('refuses a profile that does not exist before reading anything', async () => {
    app.simulator.clearRequests();
    const answer = await app.api.sweep.find({ profileIds: [app.profileId, 'no-such-profile'], keyPairName, jobId: 'accounts-find-3' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
    expect(app.simulator.requests).toEqual([]);
  });

  it('plans account by account, journals the sweep as one operation before its parts, and changes each instance once', async () => {
    const sweep = await find('accounts-find-4');
    // Asked for staging first: the plan still follows the sweep's order of accounts.
    const parts = partsOf(sweep).reverse();
    const plan = valueOf(await app.api.sweep.plan({ sweepId: sweep.sweepId, parts }));
    expect(plan.plans.map((part) => [part.profileName, part.regionId])).toEqual([
      ['test', 'cn-beijing'],
      ['test', 'cn-shanghai'],
      ['staging', 'cn-beijing'],
      ['staging', 'ap-southeast-1'],
    ]);
    for (const part of plan.plans) {
      expect(part.keyPair!.keyPairId).toBe(simulatorOf(part.profileId).fleet.findKeyPairByName(part.regionId, keyPairName)!.keyPairId);
      expect(part.accountId).toBe(part.profileId === staging.profileId ? '2100000002' : null);
    }
    expect(plan.confirmationText).toBe(keyPairName);

    const started = valueOf(await app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: keyPairName }));
    expect(started).toMatchObject({ sweepId: sweep.sweepId, keyPairName });
    expect(started.operations.map((part) => [part.profileId, part.regionId])).toEqual(plan.plans.map((part) => [part.profileId, part.regionId]));
    const results = await Promise.all(started.operations.map((part) => app.core.operations.settled(part.operationId)));
    for (const simulator of [app.simulator, staging.simulator]) {
      const succeeded = results.filter((result) => simulatorOf(result.plan.profileId) === simulator).reduce((sum, result) => sum + result.progress.succeeded, 0);
      expect(simulator.changeCounts().size).toBe(succeeded);
      expect([...simulator.changeCounts().values()].every((count) => count === 1)).toBe(true);
    }
    expect(broken.simulator.changeCounts().size).toBe(0);

    const records = (await readFile(path.join(app.userDataDir, 'journal', 'operations.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; operationId: string; sweepOperationId?: string; parts?: Array<{ operationId: string }> });
    const sweepRecord = records.findIndex((record) => record.type === 'sweep-started' && record.operationId === started.sweepOperationId);
    expect(sweepRecord).toBeGreaterThan(-1);
    expect(records[sweepRecord]!.parts!.map((part) => part.operationId)).toEqual(started.operations.map((part) => part.operationId));
    const planned = records.flatMap((record, index) => (record.type === 'planned' && record.sweepOperationId === started.sweepOperationId ? [index] : []));
    expect(planned).toHaveLength(4);
    expect(planned.every((index) => index > sweepRecord)).toBe(true);

    const history = valueOf(await app.api.history.list());
    expect(history.sweeps[0]).toMatchObject({ sweepOperationId: started.sweepOperationId, keyPairName, state: 'finished' });
    expect(history.sweeps[0]!.parts.map((part) => [part.profileName, part.accountId, part.regionId, part.started])).toEqual([
      ['test', null, 'cn-beijing', true],
      ['test', null, 'cn-shanghai', true],
      ['staging', '2100000002', 'cn-beijing', true],
      ['staging', '2100000002', 'ap-southeast-1', true],
    ]);
    const entries = history.entries.filter((entry) => entry.sweepOperationId === started.sweepOperationId);
    expect(entries.map((entry) => entry.operationId).sort()).toEqual(started.operations.map((part) => part.operationId).sort());
    expect(await app.api.sweep.resume({ sweepOperationId: started.sweepOperationId })).toMatchObject({ ok: false, error: { code: 'OPERATION_NOT_RESUMABLE' } });
    expect(await app.api.sweep.resume({ sweepOperationId: 'no-such-sweep' })).toMatchObject({ ok: false, error: { code: 'SWEEP_NOT_FOUND' } });
  });

  it('refuses to plan the same instances twice when two profiles reach one account', async () => {
    const sameAccount = valueOf(await app.api.profiles.create({ name: 'test-readonly', ...testKeys, region: 'cn-beijing', endpoint: app.simulator.url })).id;
    const sweep = await find('accounts-find-6', [app.profileId, sameAccount]);
    expect(sweep.accounts.map((account) => account.state)).toEqual(['searched', 'searched']);
    const planned = await app.api.sweep.plan({ sweepId: sweep.sweepId, parts: partsOf(sweep) });
    expect(planned).toMatchObject({ ok: false, error: { code: 'SWEEP_PARTS_OVERLAP' } });
    // One profile of the account is a plan.
    valueOf(await app.api.sweep.plan({ sweepId: sweep.sweepId, parts: partsOf(sweep).filter((part) => part.profileId === sameAccount) }));
    valueOf(await app.api.profiles.remove({ id: sameAccount }));
  });

  it('starts nothing when any account’s part overlaps a running operation', async () => {
    // The key is back on production's first instances, as if re-imported: a detach of them runs while the sweep waits.
    bindSharedKeyPair(app.simulator.fleet, { keyPairName: 'second-key', instancesPerRegion: 40, regionIds: ['cn-beijing'], idTag: 'again' });
    const sweep = valueOf(await app.api.sweep.find({ profileIds: [staging.profileId, app.profileId], keyPairName: 'second-key', jobId: 'accounts-find-5' }));
    const plan = valueOf(await app.api.sweep.plan({ sweepId: sweep.sweepId, parts: partsOf(sweep) }));
    const part = plan.plans[0]!;
    expect(part.profileId).toBe(app.profileId);
    const alone = valueOf(
      await app.api.operations.plan({ profileId: app.profileId, regionId: part.regionId, action: 'detach-key-pair', keyPair: part.keyPair, forceStop: false, instanceIds: part.instanceIds.slice(0, 1) }),
    );
    app.simulator.setLatency(400);
    const running = valueOf(await app.api.operations.start({ planId: alone.planId, confirmation: alone.confirmationText }));
    const refused = await app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: plan.confirmationText });
    expect(refused).toMatchObject({ ok: false, error: { code: 'OPERATION_INSTANCES_BUSY' } });
    expect(app.core.operations.memory().running).toBe(1);
    expect(valueOf(await app.api.history.list()).sweeps.filter((listed) => listed.keyPairName === 'second-key')).toEqual([]);
    await app.core.operations.settled(running.operationId);
    app.simulator.setLatency(0);
  });

  it('checks again after the sweep is on record, and starts no part when an operation took an instance meanwhile', async () => {
    bindSharedKeyPair(app.simulator.fleet, { keyPairName: 'third-key', instancesPerRegion: 20, regionIds: ['cn-beijing'], idTag: 'third' });
    bindSharedKeyPair(staging.simulator.fleet, { keyPairName: 'third-key', instancesPerRegion: 20, regionIds: ['cn-beijing'], idTag: 'third-stg' });
    const sweep = valueOf(await app.api.sweep.find({ profileIds: [app.profileId, staging.profileId], keyPairName: 'third-key', jobId: 'accounts-find-7' }));
    const plan = valueOf(await app.api.sweep.plan({ sweepId: sweep.sweepId, parts: partsOf(sweep) }));
    expect(plan.plans).toHaveLength(2);
    // The operation takes an instance of the part that starts last, so a sweep that skipped the second check would
    // have started the first part before refusing the second.
    const [first, last] = plan.plans as [(typeof plan.plans)[0], (typeof plan.plans)[0]];
    const alone = valueOf(
      await app.api.operations.plan({ profileId: last.profileId, regionId: last.regionId, action: 'detach-key-pair', keyPair: last.keyPair, forceStop: false, instanceIds: last.instanceIds.slice(0, 1) }),
    );
    const detachesOf = (simulator: EcsSimulator) => simulator.requests.filter((request) => request.action === 'DetachKeyPair').length;
    const before = { first: detachesOf(simulatorOf(first.profileId)), last: detachesOf(simulatorOf(last.profileId)) };
    simulatorOf(last.profileId).setLatency(400);
    // Asked first, the sweep passes its first check and waits on the journal's fsync; the operation asked next starts
    // at once, on one of the sweep's instances, before that write ends.
    const sweepStart = app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: plan.confirmationText });
    const running = valueOf(await app.api.operations.start({ planId: alone.planId, confirmation: alone.confirmationText }));
    expect(await sweepStart).toMatchObject({ ok: false, error: { code: 'OPERATION_INSTANCES_BUSY' } });
    await app.core.operations.settled(running.operationId);
    simulatorOf(last.profileId).setLatency(0);

    // The refusal came after the record (the first check would have left none): History has the sweep, cancelled,
    // with no part started; the first part's account got no request, and the other only the one operation's.
    const recorded = valueOf(await app.api.history.list()).sweeps.filter((listed) => listed.keyPairName === 'third-key');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ state: 'cancelled' });
    expect(recorded[0]!.parts.map((part) => part.started)).toEqual([false, false]);
    expect(detachesOf(simulatorOf(first.profileId)) - before.first).toBe(0);
    expect(detachesOf(simulatorOf(last.profileId)) - before.last).toBe(1);
    expect(app.core.operations.memory().running).toBe(0);
    // No review holds any more: the plan is gone with its parts.
    expect(await app.api.sweep.start({ sweepPlanId: plan.sweepPlanId, confirmation: plan.confirmationText })).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_FOUND' } });
  });
});
