import { exposureSummary } from '../../shared/domain/exposure';
import type { HistoryDetail, HistoryEntry, HistoryList } from '../../shared/domain/history';
import type { SweepHistory } from '../../shared/domain/sweep';
import type { SweepStartedRecord } from '../journal/journal-records';
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
  /** A sweep as the journal tells it (archives included): its record and its parts that started. */
  findSweep(sweepOperationId: string): Promise<{ sweep: SweepStartedRecord; parts: ReplayedOperation[] } | undefined>;
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
    sweepOperationId: planned.sweepOperationId ?? null,
  };
}

type OperationState = HistoryEntry['state'];

/**
 * A sweep as one: running while any part runs, interrupted while any part is, else cancelled when any part was,
 * else finished. A part the app never got to start (it stopped between the confirmation and that part's start)
 * sent nothing, has no plan left to send and never will: it counts as cancelled, and History lists it as not
 * started. So a sweep none of whose parts started is cancelled, not interrupted: there is nothing to resume.
 */
function sweepStateOf(partStates: ReadonlyArray<OperationState | undefined>): OperationState {
  const states = new Set(partStates);
  for (const state of ['running', 'cancelling', 'interrupted'] as const) if (states.has(state)) return state;
  return states.has('cancelled') || states.has(undefined) ? 'cancelled' : 'finished';
}

function sweepHistoryOf(sweep: SweepStartedRecord, states: ReadonlyMap<string, OperationState>): SweepHistory {
  return {
    sweepOperationId: sweep.operationId,
    keyPairName: sweep.keyPairName,
    startedAt: sweep.at,
    state: sweepStateOf(sweep.parts.map((part) => states.get(part.operationId))),
    parts: sweep.parts.map((part) => ({ ...part, started: states.has(part.operationId) })),
  };
}

/**
 * The history of operations, read from the journal: the archives oldest first, then the active file. Replay is
 * indifferent to the copies rotation makes, so the whole sequence replays as one.
 */
export function createHistoryService(options: HistoryServiceOptions): HistoryService {
  const { journal } = options;

  async function readAll(): Promise<{ operations: ReplayedOperation[]; sweeps: SweepStartedRecord[]; skippedLines: number; archives: number }> {
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
    const { operations, sweeps } = replayJournal(records);
    return { operations, sweeps, skippedLines, archives: names.length };
  }

  return {
    async list() {
      const { operations, sweeps, skippedLines, archives } = await readAll();
      const undos = undosByDetach(operations);
      const entries = operations.map((operation) => entryOf(operation, options.liveState(operation.operationId), undos.get(operation.operationId) ?? []));
      entries.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      const states = new Map(entries.map((entry) => [entry.operationId, entry.state]));
      const listed = sweeps.map((sweep) => sweepHistoryOf(sweep, states));
      listed.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      return { entries, sweeps: listed, skippedLines, archives };
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

    async findSweep(sweepOperationId) {
      const { operations, sweeps } = await readAll();
      const sweep = sweeps.find((candidate) => candidate.operationId === sweepOperationId);
      if (sweep === undefined) return undefined;
      const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
      return { sweep, parts: sweep.parts.flatMap((part) => byId.get(part.operationId) ?? []) };
    },

    async findActive(operationId) {
      const { records } = await journal.read();
      return replayJournal(records).operations.find((operation) => operation.operationId === operationId);
    },
  };
}
