import { describe, expect, it } from 'vitest';
import { countsOf, outcomesOf, replayJournal, resumableBatches } from '../../../electron/journal/journal-replay';
import type { JournalRecord } from '../../../electron/journal/journal-records';
import { answered, failed, finished, planned, rechecked, sent, succeeded, unknown } from './journal-fixtures';

const ids = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6'];

/** The only operation the records hold. */
function only(records: JournalRecord[]) {
  const { operations, ignored } = replayJournal(records);
  expect(ignored).toEqual([]);
  expect(operations).toHaveLength(1);
  return operations[0]!;
}

describe('replaying the journal', () => {
  it('gives a finished operation its answered outcomes and counts, and nothing to resume', () => {
    const operation = only([
      planned('op-a', ids.slice(0, 4)),
      sent('op-a', 0),
      sent('op-a', 1),
      answered('op-a', 1, [succeeded('i-3'), failed('i-4')]),
      answered('op-a', 0, [succeeded('i-1'), unknown('i-2')]),
      finished('op-a'),
    ]);
    expect(operation.finished).toEqual({ state: 'finished', at: expect.any(String) as string });
    expect(outcomesOf(operation)).toEqual([succeeded('i-1'), unknown('i-2'), succeeded('i-3'), failed('i-4')]);
    expect(countsOf(operation)).toEqual({ total: 4, succeeded: 2, failed: 1, unknown: 1, notSent: 0, excluded: 1 });
    expect(resumableBatches(operation)).toEqual([]);
  });

  it('marks an operation without a finished record interrupted: a sent batch without an answer is unknown, an unsent one not-sent', () => {
    const plan = planned('op-a', ids);
    const operation = only([plan, sent('op-a', 0), answered('op-a', 0, [succeeded('i-1'), succeeded('i-2')]), sent('op-a', 1), sent('op-a', 1, 2)]);
    expect(operation.finished).toBeNull();
    expect(outcomesOf(operation)).toEqual([
      succeeded('i-1'),
      succeeded('i-2'),
      ...['i-3', 'i-4'].map((instanceId) => ({ instanceId, status: 'unknown', reason: { code: 'ECS_INTERRUPTED', message: expect.any(String) as string, attempts: 2 } })),
      ...['i-5', 'i-6'].map((instanceId) => ({ instanceId, status: 'not-sent', reason: { code: 'ECS_NOT_SENT', message: 'Not sent.', action: 'DetachKeyPair' } })),
    ]);
    expect(countsOf(operation)).toEqual({ total: 6, succeeded: 2, failed: 0, unknown: 2, notSent: 2, excluded: 1 });
    expect(resumableBatches(operation)).toEqual([plan.batches[1], plan.batches[2]]);
    expect(resumableBatches(operation).map((batch) => batch.clientToken)).toEqual(['op-a-t1', 'op-a-t2']);
  });

  it('lets a re-check settlement replace the answer it re-checked, and a later answer replace the settlement', () => {
    const records = [planned('op-a', ids.slice(0, 2)), sent('op-a', 0), answered('op-a', 0, [unknown('i-1'), unknown('i-2')]), finished('op-a')];
    const settled = only([...records, rechecked('op-a', [succeeded('i-1')])]);
    expect(outcomesOf(settled)).toEqual([{ instanceId: 'i-1', status: 'succeeded', requestId: 'req-ok' }, unknown('i-2')]);
    expect(countsOf(settled)).toMatchObject({ succeeded: 1, unknown: 1 });

    const resumed = only([planned('op-b', ['i-1']), sent('op-b', 0), rechecked('op-b', [failed('i-1', 'ECS_NOT_APPLIED')]), sent('op-b', 0, 2), answered('op-b', 0, [succeeded('i-1')])]);
    expect(outcomesOf(resumed)).toEqual([succeeded('i-1')]);
  });

  it('leaves the unsent batches of a cancelled operation unsent: nothing to resume', () => {
    const operation = only([planned('op-a', ids.slice(0, 4)), sent('op-a', 0), answered('op-a', 0, [succeeded('i-1'), succeeded('i-2')]), finished('op-a', 'cancelled')]);
    expect(operation.finished?.state).toBe('cancelled');
    expect(countsOf(operation)).toMatchObject({ succeeded: 2, notSent: 2 });
    expect(resumableBatches(operation)).toEqual([]);
  });

  it('reads a cancelled batch that an older journal recorded as failed with ECS_CANCELLED as not sent', () => {
    const neverLeft = (instanceId: string) => ({ instanceId, status: 'failed' as const, error: { code: 'ECS_CANCELLED', message: 'Cancelled before it was sent.' } });
    const operation = only([
      planned('op-a', ids.slice(0, 4)),
      sent('op-a', 0),
      answered('op-a', 0, [succeeded('i-1'), succeeded('i-2')]),
      sent('op-a', 1),
      answered('op-a', 1, [neverLeft('i-3'), failed('i-4')]),
      finished('op-a', 'cancelled'),
    ]);
    expect(outcomesOf(operation)[2]).toEqual({ instanceId: 'i-3', status: 'not-sent', reason: neverLeft('i-3').error });
    expect(countsOf(operation)).toMatchObject({ succeeded: 2, failed: 1, notSent: 1 });
  });

  it('lists operations in the order they were planned, with every planned instance exactly once', () => {
    const { operations } = replayJournal([planned('op-b', ['i-9']), planned('op-a', ids), sent('op-a', 2), finished('op-b')]);
    expect(operations.map((operation) => operation.operationId)).toEqual(['op-b', 'op-a']);
    expect(outcomesOf(operations[1]!).map((status) => status.instanceId)).toEqual(ids);
  });

  it('gives the same state when rotation copies (or a crash duplicates) an operation\'s records into the next file', () => {
    const done = [planned('op-done', ['i-9']), sent('op-done', 0), answered('op-done', 0, [succeeded('i-9')]), finished('op-done')];
    const open = [planned('op-a', ids.slice(0, 4)), sent('op-a', 0), answered('op-a', 0, [unknown('i-1'), succeeded('i-2')]), rechecked('op-a', [succeeded('i-1')])];
    const later = [sent('op-a', 1), answered('op-a', 1, [succeeded('i-3'), failed('i-4')]), finished('op-a')];
    const once = replayJournal([...done, ...open, ...later]);
    const archiveThenActive = replayJournal([...done, ...open, ...open, ...later]);
    const archivedTwice = replayJournal([...done, ...open, ...done, ...open, ...later]);
    for (const replay of [archiveThenActive, archivedTwice]) {
      expect(replay.ignored).toEqual([]);
      expect(replay.operations).toEqual(once.operations);
    }
  });

  it('ignores, and reports, records that do not fit: no plan before them, no such batch, an instance not planned, a second ending', () => {
    const records = [
      rechecked('op-archived', [succeeded('i-1')]),
      planned('op-a', ids.slice(0, 2)),
      sent('op-a', 5),
      answered('op-a', 0, [succeeded('i-1'), succeeded('i-9')]),
      rechecked('op-a', [succeeded('i-9')]),
      planned('op-a', ['i-1']),
      finished('op-a'),
      finished('op-a', 'cancelled'),
    ];
    const { operations, ignored } = replayJournal(records);
    expect(ignored.map(({ index, operationId }) => [index, operationId])).toEqual([
      [0, 'op-archived'],
      [2, 'op-a'],
      [3, 'op-a'],
      [4, 'op-a'],
      [5, 'op-a'],
      [7, 'op-a'],
    ]);
    expect(operations).toHaveLength(1);
    expect(operations[0]!.finished?.state).toBe('finished');
    expect(countsOf(operations[0]!)).toMatchObject({ total: 2, notSent: 2 });
  });
});
