import type { HistoryEntry, HistoryList } from '../../../../shared/domain/history';
import type { SweepHistory } from '../../../../shared/domain/sweep';

type Counts = HistoryEntry['counts'];

/** A sweep as one History row: its record, its parts' entries, and their counts summed. */
export interface SweepRow {
  kind: 'sweep';
  sweep: SweepHistory;
  /** The entries of its started parts (a part that never started has none). */
  entries: HistoryEntry[];
  counts: Counts;
  accounts: number;
  regions: number;
}

export type HistoryRow = { kind: 'operation'; entry: HistoryEntry } | SweepRow;

const zero: Counts = { total: 0, succeeded: 0, failed: 0, unknown: 0, notSent: 0, excluded: 0 };

function sumCounts(entries: readonly HistoryEntry[]): Counts {
  return entries.reduce<Counts>(
    (sum, entry) => ({
      total: sum.total + entry.counts.total,
      succeeded: sum.succeeded + entry.counts.succeeded,
      failed: sum.failed + entry.counts.failed,
      unknown: sum.unknown + entry.counts.unknown,
      notSent: sum.notSent + entry.counts.notSent,
      excluded: sum.excluded + entry.counts.excluded,
    }),
    zero,
  );
}

function sweepRow(sweep: SweepHistory, entries: readonly HistoryEntry[]): SweepRow {
  const own = entries.filter((entry) => entry.sweepOperationId === sweep.sweepOperationId);
  return {
    kind: 'sweep',
    sweep,
    entries: own,
    counts: sumCounts(own),
    accounts: new Set(sweep.parts.map((part) => part.profileId)).size,
    regions: sweep.parts.length,
  };
}

/**
 * History's rows, newest first: each operation of its own, and each sweep once (its parts open from it), so a
 * sweep over ten accounts is one line, as it was one confirmation.
 */
export function historyRows(list: Pick<HistoryList, 'entries' | 'sweeps'>): HistoryRow[] {
  const rows: Array<{ startedAt: string; row: HistoryRow }> = [
    ...list.entries.filter((entry) => entry.sweepOperationId === null).map((entry) => ({ startedAt: entry.startedAt, row: { kind: 'operation', entry } as const })),
    ...list.sweeps.map((sweep) => ({ startedAt: sweep.startedAt, row: sweepRow(sweep, list.entries) })),
  ];
  // ISO timestamps sort as text; a stable sort keeps the journal's order for equal times.
  return rows.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0)).map(({ row }) => row);
}

/** How many things a restart left half done: an operation of its own each, and a sweep once however many parts. */
export function interruptedCount(list: Pick<HistoryList, 'entries' | 'sweeps'> | null): number {
  if (list === null) return 0;
  const own = list.entries.filter((entry) => entry.sweepOperationId === null && entry.state === 'interrupted').length;
  return own + list.sweeps.filter((sweep) => sweep.state === 'interrupted').length;
}

/** A sweep's parts grouped by account (in the sweep's order), each part with its entry when it started. */
export function sweepPartsByAccount(row: SweepRow): Array<{
  profileId: string;
  profileName: string;
  accountId: string | null;
  parts: Array<SweepHistory['parts'][number] & { entry: HistoryEntry | null }>;
}> {
  const groups = new Map<string, { profileId: string; profileName: string; accountId: string | null; parts: Array<SweepHistory['parts'][number] & { entry: HistoryEntry | null }> }>();
  for (const part of row.sweep.parts) {
    const entry = part.started ? (row.entries.find((candidate) => candidate.operationId === part.operationId) ?? null) : null;
    const group = groups.get(part.profileId) ?? { profileId: part.profileId, profileName: part.profileName, accountId: part.accountId, parts: [] };
    group.parts.push({ ...part, entry });
    groups.set(part.profileId, group);
  }
  return [...groups.values()];
}
