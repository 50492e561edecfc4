import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExposureReport } from '../../../shared/domain/exposure';
import { createHistoryService } from '../../../electron/history/history-service';
import { activeJournalName, openJournal, type Journal } from '../../../electron/journal/journal-file';
import { journalRecordSchema, type JournalRecord } from '../../../electron/journal/journal-records';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { rebootedSince } from '../../../electron/exposure/rebooted-since';
import { answered, failed, finished, planned, sent, succeeded } from '../journal/journal-fixtures';

let root: string;
let directory: string;
const opened: Journal[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kpd-exposure-journal-'));
  directory = path.join(root, 'journal');
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((journal) => journal.close()));
  await rm(root, { recursive: true, force: true });
});

async function history(maxActiveBytes = 1_000_000) {
  const journal = await openJournal({ directory, maxActiveBytes, now: () => new Date('2026-03-01T09:30:00.000Z'), logger: createMemoryLogger() });
  opened.push(journal);
  return { journal, history: createHistoryService({ journal, liveState: () => null }) };
}

/** A detach as the app wrote it before exposure checks existed: nothing about them in it. */
function olderOperation(operationId: string): JournalRecord[] {
  return [
    planned(operationId, ['i-a', 'i-b']),
    sent(operationId, 0),
    answered(operationId, 0, [succeeded('i-a'), failed('i-b')]),
    finished(operationId),
  ];
}

function report(operationId: string, checkedAt: string, notYetRebooted: number): ExposureReport {
  return {
    operationId,
    checkedAt,
    regionId: 'cn-beijing',
    keyPair: { keyPairId: 'kp-ops', keyPairName: 'ops' },
    buckets: {
      failed: [{ instanceId: 'i-b', instanceName: 'db-1', privateIp: '172.16.0.9', status: 'RUNNING', detail: 'InvalidInstanceStatus' }],
      notSent: [],
      leftOut: [],
      notYetRebooted: notYetRebooted === 0 ? [] : [{ instanceId: 'i-a', instanceName: null, privateIp: null, status: 'RUNNING', detail: 'detached' }],
    },
    total: 1 + notYetRebooted,
    problems: [],
  };
}

describe('exposure checks in the journal', () => {
  it('reads a journal from before exposure checks: every operation, none with a check', async () => {
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, activeJournalName), olderOperation('op-old').map((record) => `${JSON.stringify(record)}\n`).join(''), { mode: 0o600 });
    const { history: service } = await history();
    const list = await service.list();
    expect(list.skippedLines).toBe(0);
    expect(list.entries).toHaveLength(1);
    expect(list.entries[0]).toMatchObject({ operationId: 'op-old', counts: { succeeded: 1, failed: 1 }, exposure: null });
    expect((await service.get('op-old')).exposure).toBeNull();
  });

  it('shows the latest check, even when it sits in a newer file than the operation it is about', async () => {
    // A small active file: the finished operation is archived, its later checks land in the new file.
    const { journal, history: service } = await history(1200);
    for (const record of [...olderOperation('op-a'), ...olderOperation('op-b')]) await journal.append(record);
    expect((await journal.archives()).length).toBeGreaterThan(0);
    const older = report('op-a', '2026-03-01T10:00:00.000Z', 1);
    const newer = report('op-a', '2026-03-01T11:00:00.000Z', 0);
    await journal.append({ type: 'exposure-checked', operationId: 'op-a', at: older.checkedAt, report: older });
    await journal.append({ type: 'exposure-checked', operationId: 'op-a', at: newer.checkedAt, report: newer });
    const entries = (await service.list()).entries;
    expect(entries.find((entry) => entry.operationId === 'op-a')!.exposure).toEqual({
      checkedAt: newer.checkedAt,
      counts: { failed: 1, notSent: 0, leftOut: 0, notYetRebooted: 0, total: 1 },
      complete: true,
    });
    expect(entries.find((entry) => entry.operationId === 'op-b')!.exposure).toBeNull();
    expect((await service.get('op-a')).exposure).toEqual(newer);
  });

  it('refuses a check record whose report is about another operation', () => {
    const record = { type: 'exposure-checked', operationId: 'op-a', at: '2026-03-01T10:00:00.000Z', report: report('op-b', '2026-03-01T10:00:00.000Z', 0) };
    expect(journalRecordSchema.safeParse(record).success).toBe(false);
    expect(journalRecordSchema.safeParse({ ...record, report: report('op-a', '2026-03-01T10:00:00.000Z', 0) }).success).toBe(true);
  });
});

describe('rebooted since the detach', () => {
  const answeredAt = '2026-03-01T10:00:00.000Z';
  it('counts only a reboot that started after the detach was answered', () => {
    expect(rebootedSince(answeredAt, ['2026-03-01T10:00:01.000Z'])).toBe(true);
    expect(rebootedSince(answeredAt, ['2026-03-01T09:59:59.000Z', answeredAt])).toBe(false);
    expect(rebootedSince(answeredAt, [])).toBe(false);
  });

  it('counts nothing when the time of the detach is not known', () => {
    expect(rebootedSince(null, ['2026-03-01T10:00:01.000Z'])).toBe(false);
  });
});
