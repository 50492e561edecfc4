import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/domain/history';
import type { SweepHistory } from '../../../../shared/domain/sweep';
import { historyRows, interruptedCount, sweepPartsByAccount, type SweepRow } from '../../../../renderer/src/features/history/history-rows';

function entry(operationId: string, startedAt: string, state: HistoryEntry['state'], sweepOperationId: string | null, succeeded = 0): HistoryEntry {
  return {
    operationId,
    action: 'detach-key-pair',
    state,
    startedAt,
    finishedAt: null,
    profileName: 'prod',
    accessKeyHint: 'AKLT…',
    regionId: 'cn-beijing',
    keyPair: { keyPairId: 'kp-1', keyPairName: 'departed-admin' },
    counts: { total: succeeded, succeeded, failed: 0, unknown: 0, notSent: 0, excluded: 0 },
    exposure: null,
    undoOf: null,
    undoneBy: [],
    sweepOperationId,
  };
}

const part = (operationId: string, profileId: string, regionId: string, started: boolean) => ({
  operationId,
  profileId,
  profileName: profileId,
  accountId: null,
  regionId,
  started,
});

const sweep: SweepHistory = {
  sweepOperationId: 'sweep-1',
  keyPairName: 'departed-admin',
  startedAt: '2026-01-02T00:00:00.000Z',
  state: 'interrupted',
  parts: [part('p1', 'prod', 'cn-beijing', true), part('p2', 'staging', 'cn-beijing', true), part('p3', 'staging', 'cn-shanghai', false)],
};

const list = {
  entries: [
    entry('p2', '2026-01-02T00:00:01.000Z', 'interrupted', 'sweep-1', 3),
    entry('p1', '2026-01-02T00:00:01.000Z', 'finished', 'sweep-1', 4),
    entry('own-new', '2026-01-03T00:00:00.000Z', 'interrupted', null),
    entry('own-old', '2026-01-01T00:00:00.000Z', 'finished', null),
  ],
  sweeps: [sweep],
};

describe('historyRows', () => {
  it('lists a sweep once, among the operations of their own by start time, with its parts’ counts summed', () => {
    const rows = historyRows(list);
    expect(rows.map((row) => (row.kind === 'sweep' ? row.sweep.sweepOperationId : row.entry.operationId))).toEqual(['own-new', 'sweep-1', 'own-old']);
    const row = rows[1] as SweepRow;
    expect(row.counts.succeeded).toBe(7);
    expect(row.accounts).toBe(2);
    expect(row.regions).toBe(3);
  });
});

describe('interruptedCount', () => {
  it('counts an interrupted sweep once however many of its parts were cut short, and each operation of its own', () => {
    expect(interruptedCount(list)).toBe(2);
    expect(interruptedCount({ ...list, sweeps: [{ ...sweep, state: 'finished' }] })).toBe(1);
    expect(interruptedCount(null)).toBe(0);
  });
});

describe('sweepPartsByAccount', () => {
  it('groups the parts by account in the sweep’s order, a part never started without an entry', () => {
    const groups = sweepPartsByAccount(historyRows(list)[1] as SweepRow);
    expect(groups.map((group) => [group.profileId, group.parts.map((p) => [p.regionId, p.entry?.operationId ?? null])])).toEqual([
      ['prod', [['cn-beijing', 'p1']]],
      [
        'staging',
        [
          ['cn-beijing', 'p2'],
          ['cn-shanghai', null],
        ],
      ],
    ]);
  });
});
