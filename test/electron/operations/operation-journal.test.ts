import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../electron/journal/journal-file';
import { journalRecordSchema, type JournalRecord } from '../../../electron/journal/journal-records';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { startAppUnderTest, testKeys, valueOf, type AppUnderTest } from '../support/app-under-test';
import { loadRegion } from '../support/list-inventory';

let app: AppUnderTest;

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 23, instances: 900, regions: ['cn-beijing'] } });
});
afterAll(async () => {
  await app.close();
});

async function journalRecords(): Promise<JournalRecord[]> {
  const text = await readFile(path.join(app.userDataDir, 'journal', 'operations.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => journalRecordSchema.parse(JSON.parse(line)));
}

async function detachBusiestKey() {
  const inventory = await loadRegion(app);
  const counts = new Map<string, number>();
  for (const instance of inventory.instances) if (instance.keyPairId !== null) counts.set(instance.keyPairId, (counts.get(instance.keyPairId) ?? 0) + 1);
  const keyPairId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const keyPair = inventory.keyPairs.find((candidate) => candidate.keyPairId === keyPairId)!;
  const plan = valueOf(
    await app.api.operations.plan({
      profileId: app.profileId,
      regionId: 'cn-beijing',
      action: 'detach-key-pair',
      keyPair: { keyPairId, keyPairName: keyPair.keyPairName },
      forceStop: false,
      instanceIds: inventory.instances.map((instance) => instance.instanceId),
    }),
  );
  const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
  return { plan, result: await app.core.operations.settled(operationId) };
}

describe('the operation journal', () => {
  it('records each step before the next: the plan, every send before its answer, then the end', async () => {
    const { plan, result } = await detachBusiestKey();
    const records = (await journalRecords()).filter((record) => record.operationId === result.operationId);
    expect(records[0]).toMatchObject({ type: 'planned', instanceIds: plan.instanceIds, regionId: 'cn-beijing', profileName: 'test' });
    expect(records.at(-1)).toMatchObject({ type: 'finished', state: 'finished' });
    const planned = records[0]!.type === 'planned' ? records[0] : null;
    expect(planned!.batches.map((batch) => batch.clientToken)).toEqual(plan.requests.map((request) => request.query.find(([key]) => key === 'ClientToken')![1]));
    for (const batch of planned!.batches) {
      const sent = records.findIndex((record) => record.type === 'batch-sent' && record.batchIndex === batch.index);
      const answered = records.findIndex((record) => record.type === 'batch-answered' && record.batchIndex === batch.index);
      expect(sent).toBeGreaterThan(0);
      expect(answered).toBeGreaterThan(sent);
    }
    const text = JSON.stringify(records);
    expect(text).not.toContain(testKeys.secretAccessKey);
    expect(text).not.toContain(testKeys.accessKeyId);
  });

  it('tells the same story as the live operation, through the history', async () => {
    const { result } = await detachBusiestKey();
    const fromJournal = valueOf(await app.api.history.get({ operationId: result.operationId }));
    expect(fromJournal.outcomes).toEqual(result.outcomes);
    expect(fromJournal.progress).toEqual(result.progress);
    const list = valueOf(await app.api.history.list());
    expect(list.entries[0]).toMatchObject({
      operationId: result.operationId,
      state: 'finished',
      counts: { total: result.outcomes.length, succeeded: result.progress.succeeded, failed: result.progress.failed, unknown: 0, notSent: 0 },
    });
    expect(list.skippedLines).toBe(0);
  });

  it('keeps a re-check’s settlements', async () => {
    app.simulator.addFault({ kind: 'destroy-after-apply', action: 'DetachKeyPair' });
    const { result } = await detachBusiestKey();
    app.simulator.setFaults([]);
    expect(result.progress.unknown).toBeGreaterThan(0);
    const rechecked = valueOf(await app.api.operations.recheck({ operationId: result.operationId }));
    expect(rechecked.progress.unknown).toBe(0);
    const fromJournal = valueOf(await app.api.history.get({ operationId: result.operationId }));
    expect(fromJournal.outcomes).toEqual(rechecked.outcomes);
  });

  it('keeps each planned instance\'s name, private IP and zone, so the history shows them as they were when planned', async () => {
    const inventory = await loadRegion(app);
    const { plan, result } = await detachBusiestKey();
    const byId = new Map(inventory.instances.map((instance) => [instance.instanceId, instance]));
    const expected = plan.instanceIds.map((instanceId) => {
      const instance = byId.get(instanceId)!;
      return { instanceId, instanceName: instance.instanceName, privateIp: instance.privateIp, zoneId: instance.zoneId, status: instance.status };
    });
    const planned = (await journalRecords()).find((record) => record.type === 'planned' && record.operationId === result.operationId);
    expect(planned).toMatchObject({ instances: expected, endpoint: plan.endpoint, accountId: plan.accountId });
    const fromJournal = valueOf(await app.api.history.get({ operationId: result.operationId }));
    expect(fromJournal.plan.instances).toEqual(expected);
    expect(fromJournal.plan.breakdown).toEqual(plan.breakdown);
    expect(fromJournal.plan.endpoint).toBe(plan.endpoint);
  });

  it('keeps the RequestIds of unknown outcomes through a re-check, in the history too', async () => {
    // Applied, then the answer lost; every retry then meets a 500 with a RequestId: unknown, with that RequestId.
    app.simulator.addFault({ kind: 'destroy-after-apply', action: 'DetachKeyPair', times: 1 });
    app.simulator.addFault({ kind: 'api-error', code: 'InternalError', action: 'DetachKeyPair' });
    const { result } = await detachBusiestKey();
    app.simulator.setFaults([]);
    const unknown = result.outcomes.filter((outcome) => outcome.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    const requestIdOf = (outcome: (typeof result.outcomes)[number]) =>
      outcome.status === 'succeeded' ? outcome.requestId : outcome.status === 'failed' ? (outcome.error.requestId ?? outcome.error.cause?.requestId) : (outcome.reason.requestId ?? outcome.reason.cause?.requestId);
    const before = new Map(unknown.map((outcome) => [outcome.instanceId, requestIdOf(outcome)]));
    expect([...before.values()].every((requestId) => typeof requestId === 'string' && requestId.length > 0)).toBe(true);

    const rechecked = valueOf(await app.api.operations.recheck({ operationId: result.operationId }));
    const settled = rechecked.outcomes.filter((outcome) => before.has(outcome.instanceId));
    expect(settled.every((outcome) => outcome.status !== 'unknown')).toBe(true);
    for (const outcome of settled) expect(requestIdOf(outcome)).toBe(before.get(outcome.instanceId));
    const fromJournal = valueOf(await app.api.history.get({ operationId: result.operationId }));
    for (const outcome of fromJournal.outcomes.filter((candidate) => before.has(candidate.instanceId))) expect(requestIdOf(outcome)).toBe(before.get(outcome.instanceId));
  });

  it('refuses to resume an operation that ended', async () => {
    const { result } = await detachBusiestKey();
    expect(await app.api.operations.resume({ operationId: result.operationId })).toMatchObject({ ok: false, error: { code: 'OPERATION_NOT_RESUMABLE' } });
    expect(await app.api.operations.resume({ operationId: 'no-such-operation' })).toMatchObject({ ok: false, error: { code: 'OPERATION_NOT_FOUND' } });
  });

  it('re-checks an interrupted operation from an earlier run, and can end it without resuming', async () => {
    const inventory = await loadRegion(app);
    const bound = inventory.instances.filter((instance) => instance.keyPairId !== null && instance.osType === 'Linux').slice(0, 150);
    const keyPair = { keyPairId: bound[0]!.keyPairId!, keyPairName: bound[0]!.keyPairName! };
    const mine = bound.filter((instance) => instance.keyPairId === keyPair.keyPairId).map((instance) => instance.instanceId);
    // As a killed process leaves it: planned, the first request sent (never answered), the second never sent.
    const writer = await openJournal({ directory: path.join(app.userDataDir, 'journal'), maxActiveBytes: 1 << 20, now: () => new Date(), logger: createMemoryLogger() });
    const operationId = 'earlier-run-operation-1';
    const half = Math.ceil(mine.length / 2);
    await writer.append({
      type: 'planned',
      operationId,
      at: new Date().toISOString(),
      profileId: app.profileId,
      profileName: 'test',
      accessKeyHint: 'AKLT…0001',
      regionId: 'cn-beijing',
      action: 'detach-key-pair',
      keyPair,
      forceStop: false,
      instanceIds: mine,
      excluded: [],
      batches: [
        { index: 0, clientToken: 'earlier-token-0', instanceIds: mine.slice(0, half) },
        { index: 1, clientToken: 'earlier-token-1', instanceIds: mine.slice(half) },
      ],
    });
    await writer.append({ type: 'batch-sent', operationId, at: new Date().toISOString(), batchIndex: 0, attempt: 1 });
    await writer.close();

    const rechecked = valueOf(await app.api.operations.recheck({ operationId }));
    expect(rechecked.progress).toMatchObject({ state: 'interrupted', unknown: 0 });
    // A record from before names and endpoints were kept still reads: IDs alone.
    expect(rechecked.plan).toMatchObject({ instances: [], endpoint: null, accountId: null, estimate: null });
    // Nothing reached the simulator, so the key is still bound: failed, not applied, safe to send again.
    expect(rechecked.outcomes.slice(0, half).every((outcome) => outcome.status === 'failed' && outcome.error.code === 'ECS_NOT_APPLIED')).toBe(true);
    expect((await journalRecords()).some((record) => record.type === 'rechecked' && record.operationId === operationId)).toBe(true);

    const ended = valueOf(await app.api.operations.abandon({ operationId }));
    expect(ended.progress.state).toBe('cancelled');
    expect(ended.outcomes.slice(half).every((outcome) => outcome.status === 'not-sent' && outcome.reason.code === 'ECS_CANCELLED')).toBe(true);
    expect(valueOf(await app.api.history.list()).entries.find((entry) => entry.operationId === operationId)).toMatchObject({ state: 'cancelled' });
    expect(await app.api.operations.resume({ operationId })).toMatchObject({ ok: false, error: { code: 'OPERATION_NOT_RESUMABLE' } });
    expect(app.simulator.requests.filter((request) => request.clientToken?.startsWith('earlier-token'))).toHaveLength(0);
  });
});
