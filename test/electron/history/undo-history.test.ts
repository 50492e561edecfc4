import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService } from '../../../electron/history/history-service';
import { openJournal, type Journal } from '../../../electron/journal/journal-file';
import type { JournalRecord, PlannedRecord } from '../../../electron/journal/journal-records';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { answered, failed, finished, planned, sent, succeeded } from '../journal/journal-fixtures';

/*
 * The history ties an undo to its detach both ways, from what the journal holds: the undo's planned record names the
 * detach (`undoOf`), and the detach learns its undos from them (`undoneBy`), whichever file of the journal they are in.
 */

let root: string;
const opened: Journal[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kpd-undo-history-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((journal) => journal.close()));
  await rm(root, { recursive: true, force: true });
});

async function open(maxActiveBytes: number) {
  const journal = await openJournal({ directory: path.join(root, 'journal'), maxActiveBytes, now: () => new Date('2026-03-01T09:30:00.000Z'), logger: createMemoryLogger() });
  opened.push(journal);
  return { journal, history: createHistoryService({ journal, liveState: () => null }) };
}

/** An operation that ran to its end: `plan`, its one batch answered as given. */
function ran(plan: PlannedRecord, outcomes: Parameters<typeof answered>[2]): JournalRecord[] {
  return [plan, sent(plan.operationId, 0), answered(plan.operationId, 0, outcomes), finished(plan.operationId)];
}

/** An undo of `detachId`: an attach of its key to `instanceIds`, replacing nothing. */
function undo(operationId: string, detachId: string, instanceIds: string[]): PlannedRecord {
  return { ...planned(operationId, instanceIds, 100), action: 'attach-key-pair', excluded: [], replacing: [], undoOf: detachId };
}

describe('undos in the history', () => {
  it('lists each undo with its detach, and each detach with its undos oldest first, across archived files', async () => {
    // A small active file: the detach and the first undo are archived, the second undo is in the new file.
    const { journal, history } = await open(1500);
    const records = [
      ...ran(planned('op-detach', ['i-a', 'i-b']), [succeeded('i-a'), succeeded('i-b')]),
      ...ran(planned('op-other', ['i-c']), [succeeded('i-c')]),
      ...ran(undo('op-undo-1', 'op-detach', ['i-a', 'i-b']), [succeeded('i-a'), failed('i-b')]),
      ...ran(undo('op-undo-2', 'op-detach', ['i-b']), [succeeded('i-b')]),
    ];
    for (const record of records) await journal.append(record);
    expect((await journal.archives()).length).toBeGreaterThan(0);

    const { entries } = await history.list();
    const entry = (operationId: string) => entries.find((candidate) => candidate.operationId === operationId);
    expect(entry('op-detach')).toMatchObject({ action: 'detach-key-pair', undoOf: null, undoneBy: ['op-undo-1', 'op-undo-2'] });
    expect(entry('op-other')).toMatchObject({ undoOf: null, undoneBy: [] });
    expect(entry('op-undo-1')).toMatchObject({ action: 'attach-key-pair', undoOf: 'op-detach', undoneBy: [] });
    expect(entry('op-undo-2')).toMatchObject({ undoOf: 'op-detach', undoneBy: [] });

    const detail = await history.get('op-detach');
    expect(detail.undoneBy).toEqual(['op-undo-1', 'op-undo-2']);
    const undone = await history.get('op-undo-2');
    expect(undone.plan).toMatchObject({ action: 'attach-key-pair', undoOf: 'op-detach', replacing: [] });
    expect(undone.plan.requests[0]!.action).toBe('AttachKeyPair');
    expect(undone.undoneBy).toEqual([]);
  });

  it('reads a journal from before undos: no operation is an undo, none undone, and no plan has the new fields', async () => {
    const { journal, history } = await open(1_000_000);
    for (const record of ran(planned('op-old', ['i-a']), [succeeded('i-a')])) await journal.append(record);
    expect((await history.list()).entries).toMatchObject([{ operationId: 'op-old', undoOf: null, undoneBy: [] }]);
    const detail = await history.get('op-old');
    expect(detail.undoneBy).toEqual([]);
    expect(detail.plan).not.toHaveProperty('undoOf');
    expect(detail.plan).not.toHaveProperty('replacing');
  });
});
