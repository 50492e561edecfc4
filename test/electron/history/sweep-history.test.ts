import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService } from '../../../electron/history/history-service';
import { openJournal, type Journal } from '../../../electron/journal/journal-file';
import type { JournalRecord } from '../../../electron/journal/journal-records';
import type { LiveState } from '../../../electron/history/journal-results';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { answered, finished, plannedPart, sent, succeeded, sweepStarted } from '../journal/journal-fixtures';

/*
 * A sweep is one operation in History, made of its parts: the `sweep-started` record lists every part confirmed, each
 * part's planned record names the sweep, and the sweep's state is read from its parts'.
 */

let root: string;
const opened: Journal[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kpd-sweep-history-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((journal) => journal.close()));
  await rm(root, { recursive: true, force: true });
});

async function historyOf(records: readonly JournalRecord[], liveState: (operationId: string) => LiveState = () => null) {
  const journal = await openJournal({ directory: path.join(root, 'journal'), maxActiveBytes: 1_000_000, now: () => new Date('2026-03-01T09:30:00.000Z'), logger: createMemoryLogger() });
  opened.push(journal);
  for (const record of records) await journal.append(record);
  return createHistoryService({ journal, liveState });
}

/** A part that ran to its end, one instance, succeeded. */
const endedPart = (sweepId: string, operationId: string, instanceId: string, state: 'finished' | 'cancelled' = 'finished'): JournalRecord[] => [
  plannedPart(sweepId, operationId, [instanceId]),
  sent(operationId, 0),
  answered(operationId, 0, [succeeded(instanceId)]),
  finished(operationId, state),
];

describe('a sweep in History', () => {
  it('groups its parts by the sweep, in the record’s order, and tells each entry its sweep', async () => {
    const history = await historyOf([
      sweepStarted('sweep-1', [{ operationId: 'op-a' }, { operationId: 'op-b', profileId: 'profile-0002', regionId: 'cn-shanghai' }]),
      ...endedPart('sweep-1', 'op-a', 'i-1'),
      ...endedPart('sweep-1', 'op-b', 'i-2'),
    ]);
    const list = await history.list();
    expect(list.sweeps).toHaveLength(1);
    expect(list.sweeps[0]).toMatchObject({ sweepOperationId: 'sweep-1', keyPairName: 'ops', state: 'finished' });
    expect(list.sweeps[0]!.parts.map((part) => [part.operationId, part.profileId, part.regionId, part.started])).toEqual([
      ['op-a', 'profile-0001', 'cn-beijing', true],
      ['op-b', 'profile-0002', 'cn-shanghai', true],
    ]);
    expect(list.entries.map((entry) => [entry.operationId, entry.sweepOperationId]).sort()).toEqual([
      ['op-a', 'sweep-1'],
      ['op-b', 'sweep-1'],
    ]);
  });

  it('is interrupted while any part is, running while any runs, and a part never started counts as not sent', async () => {
    const records = [
      sweepStarted('sweep-2', [{ operationId: 'op-c' }, { operationId: 'op-d' }, { operationId: 'op-never' }]),
      ...endedPart('sweep-2', 'op-c', 'i-3'),
      plannedPart('sweep-2', 'op-d', ['i-4']),
      sent('op-d', 0),
    ];
    const crashed = await historyOf(records);
    const list = await crashed.list();
    expect(list.sweeps[0]!.state).toBe('interrupted');
    expect(list.sweeps[0]!.parts.map((part) => part.started)).toEqual([true, true, false]);
    expect((await crashed.findSweep('sweep-2'))!.parts.map((part) => part.operationId)).toEqual(['op-c', 'op-d']);
    expect(await crashed.findSweep('no-such-sweep')).toBeUndefined();

    await Promise.all(opened.splice(0).map((journal) => journal.close()));
    const resumed = await historyOf([], (operationId) => (operationId === 'op-d' ? 'running' : null));
    expect((await resumed.list()).sweeps[0]!.state).toBe('running');
  });

  it('is cancelled when a part was, or when no part started (nothing was sent and nothing is left to resume)', async () => {
    const history = await historyOf([
      sweepStarted('sweep-3', [{ operationId: 'op-e' }, { operationId: 'op-f' }]),
      ...endedPart('sweep-3', 'op-e', 'i-5'),
      ...endedPart('sweep-3', 'op-f', 'i-6', 'cancelled'),
      sweepStarted('sweep-4', [{ operationId: 'op-g' }]),
    ]);
    const states = Object.fromEntries((await history.list()).sweeps.map((sweep) => [sweep.sweepOperationId, sweep.state]));
    expect(states).toEqual({ 'sweep-3': 'cancelled', 'sweep-4': 'cancelled' });
  });
});
