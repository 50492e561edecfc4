import { exposureSummary } from '../../shared/domain/exposure';
import type { HistoryDetail, HistoryEntry, HistoryList } from '../../shared/domain/history';
import { AppError } from '../../shared/errors/app-error';
import type { Journal } from '../journal/journal-file';
import type { JournalRecord } from '../journal/journal-records';
import { countsOf, replayJournal, type ReplayedOperation } from '../journal/journal-replay';
import { resultFromJournal, type LiveState } from './journal-results';

export interface HistoryService {
  /** Every operation in the journal, archives included, newest first. */
  list(): Promise<HistoryList>;
  /** One operation, per instance, as the journal tells it, with its latest exposure check. */
  get(operationId: string): Promise<HistoryDetail>;
  /** Every operation in the journal, archives included, in the order they were planned. */
  replayAll(): Promise<ReplayedOperation[]>;
  /** The journal's account of one operation in the active file (where every unfinished operation is). */
  findActive(operationId: string): Promise<ReplayedOperation | undefined>;
}

export interface HistoryServiceOptions {
  journal: Pick<Journal, 'read' | 'archives' | 'readArchive'>;
  /** Whether this process is running the operation: the journal cannot tell running from interrupted. */
  liveState: (operationId: string) => LiveState;
}

const maxUndosListed = 1000;

/**
 * The undos started for each detach, oldest first (planned order, which is the journal's: archives oldest first,
 * then the active file). An undo names its detach in its planned record; the detach itself never changes.
 */
function undosByDetach(operations: readonly ReplayedOperation[]): Map<string, string[]> {
  const undos = new Map<string, string[]>();
  for (const { planned } of operations) {
    if (planned.undoOf === undefined) continue;
    const list = undos.get(planned.undoOf) ?? [];
    list.push(planned.operationId);
    // The contract lists at most this many (each undo needs instances left to re-attach, so it is never reached in
    // practice): past it, the newest are the ones kept.
    if (list.length > maxUndosListed) list.shift();
    undos.set(planned.undoOf, list);
  }
  return undos;
}

function entryOf(operation: ReplayedOperation, live: LiveState, undoneBy: readonly string[]): HistoryEntry {
  const { planned, finished } = operation;
  return {
    operationId: planned.operationId,
    action: planned.action,
    state: finished?.state ?? live ?? 'interrupted',
    startedAt: planned.at,
    finishedAt: finished?.at ?? null,
    profileName: planned.profileName,
    accessKeyHint: planned.accessKeyHint,
    regionId: planned.regionId,
    keyPair: planned.keyPair,
    counts: countsOf(operation),
    exposure: operation.exposure === null ? null : exposureSummary(operation.exposure),
    undoOf: planned.undoOf ?? null,
    undoneBy: [...undoneBy],
  };
}

/**
 * The history of operations, read from the journal: the archives oldest first, then the active file. Replay is
 * indifferent to the copies rotation makes, so the whole sequence replays as one.
 */
export function createHistoryService(options: HistoryServiceOptions): HistoryService {
  const { journal } = options;

  async function readAll(): Promise<{ operations: ReplayedOperation[]; skippedLines: number; archives: number }> {
    const names = await journal.archives();
    const records: JournalRecord[] = [];
    let skippedLines = 0;
    for (const name of names) {
      const read = await journal.readArchive(name);
      records.push(...read.records);
      skippedLines += read.skipped.length;
    }
    const active = await journal.read();
    records.push(...active.records);
    skippedLines += active.skipped.length;
    return { operations: replayJournal(records).operations, skippedLines, archives: names.length };
  }

  return {
    async list() {
      const { operations, skippedLines, archives } = await readAll();
      const undos = undosByDetach(operations);
      const entries = operations.map((operation) => entryOf(operation, options.liveState(operation.operationId), undos.get(operation.operationId) ?? []));
      entries.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      return { entries, skippedLines, archives };
    },

    async get(operationId) {
      const { operations } = await readAll();
      const operation = operations.find((candidate) => candidate.operationId === operationId);
      if (operation === undefined) throw new AppError('OPERATION_NOT_FOUND', 'The journal has no such operation.');
      const undoneBy = undosByDetach(operations).get(operationId) ?? [];
      return { ...resultFromJournal(operation, options.liveState(operationId)), exposure: operation.exposure, undoneBy };
    },

    async replayAll() {
      return (await readAll()).operations;
    },

    async findActive(operationId) {
      const { records } = await journal.read();
      return replayJournal(records).operations.find((operation) => operation.operationId === operationId);
    },
  };
}
