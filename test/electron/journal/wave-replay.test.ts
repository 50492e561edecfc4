import { describe, expect, it } from 'vitest';
import { journalRecordSchema, type JournalRecord, type PlannedRecord } from '../../../electron/journal/journal-records';
import { replayJournal } from '../../../electron/journal/journal-replay';
import { resultFromJournal } from '../../../electron/history/journal-results';
import { answered, finished, planned, sent, succeeded, tick } from './journal-fixtures';

const ids = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6'];

/** A rolling reboot of six instances in three waves of two (one request each). */
function rollingPlanned(operationId: string): PlannedRecord {
  return {
    ...planned(operationId, ids, 2),
    action: 'reboot',
    keyPair: null,
    excluded: [],
    rolling: { mode: 'batch', waveSize: 2, waitMinutes: 10, failurePercent: 10, waves: [{ zoneId: null, batchCount: 1 }, { zoneId: null, batchCount: 1 }, { zoneId: null, batchCount: 1 }] },
  };
}

const waveStarted = (operationId: string, waveIndex: number): JournalRecord => ({ type: 'wave-started', operationId, at: tick(), waveIndex });
const waveChecked = (operationId: string, waveIndex: number, statuses: Array<[string, string | null]>): JournalRecord => ({
  type: 'wave-checked',
  operationId,
  at: tick(),
  waveIndex,
  statuses: statuses.map(([instanceId, status]) => ({ instanceId, status })),
});
const waveEnded = (operationId: string, waveIndex: number, verdict: 'passed' | 'stopped' | 'cancelled'): JournalRecord => ({ type: 'wave-ended', operationId, at: tick(), waveIndex, verdict });

describe('the journal of a rolling reboot', () => {
  it('accepts the wave records, and refuses waves that do not cover exactly the batches', () => {
    for (const record of [rollingPlanned('op-r'), waveStarted('op-r', 0), waveChecked('op-r', 0, [['i-1', 'REBOOTING'], ['i-2', null]]), waveEnded('op-r', 0, 'stopped')]) {
      expect(journalRecordSchema.safeParse(record).success).toBe(true);
    }
    const short = rollingPlanned('op-r');
    short.rolling!.waves.pop();
    expect(journalRecordSchema.safeParse(short).success).toBe(false);
    expect(journalRecordSchema.safeParse({ ...waveEnded('op-r', 0, 'passed'), verdict: 'maybe' }).success).toBe(false);
  });

  it('replays each wave: started, the latest status of each instance, how it ended; a repeated record changes nothing', () => {
    const records = [
      rollingPlanned('op-r'),
      waveStarted('op-r', 0),
      sent('op-r', 0),
      answered('op-r', 0, [succeeded('i-1'), succeeded('i-2')]),
      waveChecked('op-r', 0, [['i-1', 'REBOOTING'], ['i-2', 'REBOOTING']]),
      waveChecked('op-r', 0, [['i-1', 'RUNNING']]),
      waveEnded('op-r', 0, 'stopped'),
      finished('op-r'),
    ];
    const once = replayJournal(records);
    const twice = replayJournal([...records, ...records]);
    expect(once.ignored).toEqual([]);
    const [wave] = once.operations[0]!.waves!;
    expect(wave!.statuses).toEqual(new Map([['i-1', 'RUNNING'], ['i-2', 'REBOOTING']]));
    expect(wave!.ended?.verdict).toBe('stopped');
    expect(twice.operations[0]!.waves).toEqual(once.operations[0]!.waves);

    const result = resultFromJournal(once.operations[0]!, null);
    expect(result.plan.rolling!.waves.map((entry) => entry.instanceIds)).toEqual([['i-1', 'i-2'], ['i-3', 'i-4'], ['i-5', 'i-6']]);
    expect(result.rolling!.waves.map((entry) => entry.state)).toEqual(['stopped', 'not-sent', 'not-sent']);
    expect(result.rolling!.returns.slice(0, 2).map((entry) => [entry.state, entry.lastStatus])).toEqual([
      ['back', 'RUNNING'],
      ['not-back', 'REBOOTING'],
    ]);
    const notSent = result.outcomes.find((outcome) => outcome.instanceId === 'i-5');
    expect(notSent?.status === 'not-sent' && notSent.reason.message).toContain('stopped after wave 1,');
  });

  it('ignores a wave record that does not fit (no such wave, an instance of another wave, an operation without waves)', () => {
    const { ignored } = replayJournal([
      rollingPlanned('op-r'),
      planned('op-d', ['i-9']),
      waveStarted('op-r', 7),
      waveChecked('op-r', 0, [['i-5', 'RUNNING']]),
      waveStarted('op-d', 0),
    ]);
    expect(ignored.map((entry) => entry.reason)).toEqual(['the plan has no wave 7', 'a checked instance is not in wave 0', 'a wave record for an operation without waves']);
  });

  it('still reads a journal written before waves: a reboot without them is a plain reboot', () => {
    const older: PlannedRecord = { ...planned('op-old', ['i-1', 'i-2']), action: 'reboot', keyPair: null };
    const { operations, ignored } = replayJournal([older, sent('op-old', 0), answered('op-old', 0, [succeeded('i-1'), succeeded('i-2')]), finished('op-old')]);
    expect(ignored).toEqual([]);
    expect(operations[0]!.waves).toBeUndefined();
    const result = resultFromJournal(operations[0]!, null);
    expect(result.rolling).toBeUndefined();
    expect(result.plan.rolling).toBeUndefined();
    expect(result.progress.succeeded).toBe(2);
  });
});
