import { readFileSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeJournalName, archiveFolderName, JournalRecordError, openJournal, type Journal } from '../../../electron/journal/journal-file';
import type { JournalRecord } from '../../../electron/journal/journal-records';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { answered, finished, planned, plannedPart, sent, succeeded, sweepStarted } from './journal-fixtures';

let root: string;
let directory: string;
let activeFile: string;
const opened: Journal[] = [];
const fixedNow = () => new Date('2026-03-01T09:30:00.000Z');

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kpd-journal-'));
  directory = path.join(root, 'user-data', 'journal');
  activeFile = path.join(directory, activeJournalName);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((journal) => journal.close()));
  await rm(root, { recursive: true, force: true });
});

async function open(options: { maxActiveBytes?: number; now?: () => Date } = {}) {
  const logger = createMemoryLogger();
  const journal = await openJournal({ directory, maxActiveBytes: options.maxActiveBytes ?? 1_000_000, now: options.now ?? fixedNow, logger });
  opened.push(journal);
  return Object.assign(journal, { logger });
}

/** A whole detach of four instances in two batches, answered and finished: about 1.3 kB of records. */
function finishedOperation(operationId: string): JournalRecord[] {
  const ids = [1, 2, 3, 4].map((n) => `i-${operationId}-${n}`);
  return [
    planned(operationId, ids),
    sent(operationId, 0),
    sent(operationId, 1),
    answered(operationId, 0, [succeeded(ids[0]!), succeeded(ids[1]!)]),
    answered(operationId, 1, [succeeded(ids[2]!), succeeded(ids[3]!)]),
    finished(operationId),
  ];
}

async function appendAll(journal: Journal, records: readonly JournalRecord[]) {
  for (const record of records) await journal.append(record);
}

const linesOf = (text: string) => text.split('\n').filter((line) => line !== '');

describe('the journal file', () => {
  it('reads back what was appended, one JSON line per record', async () => {
    const journal = await open();
    const records = finishedOperation('op-a');
    await appendAll(journal, records);
    expect(await journal.read()).toEqual({ records, skipped: [] });
    expect(linesOf(await readFile(activeFile, 'utf8')).map((line) => JSON.parse(line) as unknown)).toEqual(records);
  });

  it('keeps its folders to the owner (0700) and its files too (0600), archives included', async () => {
    const journal = await open({ maxActiveBytes: 1500 });
    await appendAll(journal, [...finishedOperation('op-a'), ...finishedOperation('op-b')]);
    expect(await journal.archives()).toHaveLength(1);
    const mode = async (file: string) => (await stat(file)).mode & 0o777;
    expect(await mode(path.join(root, 'user-data'))).toBe(0o700);
    expect(await mode(directory)).toBe(0o700);
    expect(await mode(path.join(directory, archiveFolderName))).toBe(0o700);
    expect(await mode(activeFile)).toBe(0o600);
    const [archive] = await journal.archives();
    expect(await mode(path.join(directory, archiveFolderName, archive!))).toBe(0o600);
  });

  it('has the line on disk by the time append resolves', async () => {
    const journal = await open();
    const record = planned('op-a', ['i-1']);
    await journal.append(record);
    expect(readFileSync(activeFile, 'utf8')).toBe(`${JSON.stringify(record)}\n`);
  });

  it('writes concurrent appends whole and in call order, each resolving only once its own line is in the file', async () => {
    const journal = await open();
    const records = Array.from({ length: 60 }, (_, index) => sent('op-a', index % 3, index + 1));
    const resolved: number[] = [];
    await Promise.all(
      records.map((record, index) =>
        journal.append(record).then(() => {
          expect(readFileSync(activeFile, 'utf8')).toContain(`${JSON.stringify(record)}\n`);
          resolved.push(index);
        }),
      ),
    );
    expect(resolved).toEqual(records.map((_, index) => index));
    expect(await journal.read()).toEqual({ records, skipped: [] });
  });

  it('skips and reports a torn last line after a crash, keeps the records before it, and appends on a fresh line', async () => {
    const before = await open();
    const records = [planned('op-a', ['i-1', 'i-2']), sent('op-a', 0)];
    await appendAll(before, records);
    await before.close();
    const torn = JSON.stringify(answered('op-a', 0, [succeeded('i-1'), succeeded('i-2')])).slice(0, 60);
    await appendFile(activeFile, torn);

    const after = await open();
    expect(await after.read()).toEqual({ records, skipped: [{ lineNumber: 3, reason: expect.stringMatching(/^torn/) as string }] });
    const next = answered('op-a', 0, [succeeded('i-1'), succeeded('i-2')]);
    await after.append(next);
    expect(await after.read()).toEqual({ records: [...records, next], skipped: [{ lineNumber: 3, reason: 'not valid JSON' }] });
    expect((await readFile(activeFile, 'utf8')).split('\n').slice(2)).toEqual([torn, JSON.stringify(next), '']);
  });

  it('keeps a whole last record that only lost its line break, and starts the next one on its own line', async () => {
    const first = planned('op-a', ['i-1']);
    await mkdir(directory, { recursive: true });
    await writeFile(activeFile, JSON.stringify(first));
    const journal = await open();
    const second = sent('op-a', 0);
    await journal.append(second);
    expect(await journal.read()).toEqual({ records: [first, second], skipped: [] });
  });

  it('reports lines that are not records (damaged, or with a field no record has) and reads on', async () => {
    const journal = await open();
    await journal.append(planned('op-a', ['i-1']));
    await appendFile(activeFile, `{"type":"batch-sent"\n\n${JSON.stringify({ ...sent('op-a', 0), secretAccessKey: 'x' })}\n`);
    await journal.append(finished('op-a'));
    const read = await journal.read();
    expect(read.records.map((record) => record.type)).toEqual(['planned', 'finished']);
    expect(read.skipped).toEqual([
      { lineNumber: 2, reason: 'not valid JSON' },
      { lineNumber: 3, reason: 'empty line' },
      { lineNumber: 4, reason: 'not a journal record (1 problem(s))' },
    ]);
  });

  it('refuses a record with an extra field without writing anything, and names the field but never its value', async () => {
    const journal = await open();
    await journal.append(planned('op-a', ['i-1']));
    const before = await readFile(activeFile, 'utf8');
    const leaky = { ...sent('op-a', 0), secretAccessKey: 'wJalrXUtnFEMI-K7MDENG' } as JournalRecord;
    const error = await journal.append(leaky).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JournalRecordError);
    expect((error as Error).message).toContain('secretAccessKey');
    expect((error as Error).message).not.toContain('wJalrXUtnFEMI');
    expect(await readFile(activeFile, 'utf8')).toBe(before);
    await journal.append(sent('op-a', 0));
    expect((await journal.read()).records).toHaveLength(2);
  });

  it('finishes the appends already called when closed, and refuses appends after', async () => {
    const journal = await open();
    const records = finishedOperation('op-a');
    const appends = records.map((record) => journal.append(record));
    await journal.close();
    await Promise.all(appends);
    expect(linesOf(await readFile(activeFile, 'utf8'))).toHaveLength(records.length);
    await expect(journal.append(sent('op-a', 0))).rejects.toThrow('closed');
  });
});

describe('rotation', () => {
  it('archives the active file and carries every record of unfinished operations over, also after a restart', async () => {
    const first = await open({ maxActiveBytes: 2500 });
    const done = finishedOperation('op-done');
    const open1 = [planned('op-open', ['i-5', 'i-6', 'i-7']), sent('op-open', 0), answered('op-open', 0, [succeeded('i-5'), succeeded('i-6')])];
    await appendAll(first, [...done, ...open1]);
    await first.close();
    expect(await first.archives()).toEqual([]);

    const journal = await open({ maxActiveBytes: 2500 });
    const next = planned('op-new', ['i-8']);
    await journal.append(next);

    expect(await journal.archives()).toEqual(['operations-2026-03-01T09-30-00-000Z.jsonl']);
    expect(await journal.readArchive('operations-2026-03-01T09-30-00-000Z.jsonl')).toEqual({ records: [...done, ...open1], skipped: [] });
    expect(await journal.read()).toEqual({ records: [...open1, next], skipped: [] });
    expect(await readdir(directory)).toEqual([activeJournalName, archiveFolderName].sort());
  });

  it('carries a sweep’s record over while any of its parts is unfinished, and archives it once all have ended', async () => {
    const first = await open({ maxActiveBytes: 3000 });
    const ended = sweepStarted('sweep-ended', [{ operationId: 'op-e1' }]);
    const open1 = sweepStarted('sweep-open', [{ operationId: 'op-s1' }, { operationId: 'op-s2', profileId: 'profile-0002' }]);
    const records = [
      ended,
      ...finishedOperation('op-e1').map((record) => (record.type === 'planned' ? { ...record, sweepOperationId: 'sweep-ended' } : record)),
      open1,
      plannedPart('sweep-open', 'op-s1', ['i-1', 'i-2']),
      finished('op-s1'),
      plannedPart('sweep-open', 'op-s2', ['i-3']),
      sent('op-s2', 0),
    ];
    await appendAll(first, records);
    await first.close();

    const journal = await open({ maxActiveBytes: 3000 });
    await journal.append(planned('op-new', ['i-9']));
    expect(await journal.archives()).toHaveLength(1);
    const active = (await journal.read()).records;
    expect(active.filter((record) => record.type === 'sweep-started').map((record) => record.operationId)).toEqual(['sweep-open']);
    expect(active.map((record) => `${record.type} ${record.operationId}`)).toEqual(['sweep-started sweep-open', 'planned op-s2', 'batch-sent op-s2', 'planned op-new']);
  });

  it('never overwrites an archive: names stay unique and in history order even when the clock stands still or goes back', async () => {
    const times = ['2026-03-01T09:30:00.000Z', '2026-03-01T09:30:00.000Z', '2026-02-01T00:00:00.000Z'];
    let call = 0;
    const journal = await open({ maxActiveBytes: 1500, now: () => new Date(times[Math.min(call++, times.length - 1)]!) });
    const archiveFolder = path.join(directory, archiveFolderName);
    await mkdir(archiveFolder, { recursive: true });
    await writeFile(path.join(archiveFolder, 'operations-2026-03-01T09-30-00-000Z.jsonl'), 'kept as it was\n');

    for (const operationId of ['op-1', 'op-2', 'op-3', 'op-4']) await appendAll(journal, finishedOperation(operationId));

    expect(await journal.archives()).toEqual([
      'operations-2026-03-01T09-30-00-000Z.jsonl',
      'operations-2026-03-01T09-30-00-000Z-1.jsonl',
      'operations-2026-03-01T09-30-00-000Z-2.jsonl',
      'operations-2026-03-01T09-30-00-000Z-3.jsonl',
    ]);
    expect(await readFile(path.join(archiveFolder, 'operations-2026-03-01T09-30-00-000Z.jsonl'), 'utf8')).toBe('kept as it was\n');
    const archived = await Promise.all((await journal.archives()).slice(1).map((name) => journal.readArchive(name)));
    expect(archived.map((read) => read.records[0]?.operationId)).toEqual(['op-1', 'op-2', 'op-3']);
    expect((await journal.read()).records.map((record) => record.operationId)).toEqual(Array(6).fill('op-4'));
  });

  it('does not rotate while unfinished operations fill the file, so nothing is copied over and over', async () => {
    const journal = await open({ maxActiveBytes: 1000 });
    const records = [planned('op-big', ['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6']), sent('op-big', 0), sent('op-big', 1), sent('op-big', 2)];
    await appendAll(journal, [...records, ...records.slice(1)]);
    expect((await stat(activeFile)).size).toBeGreaterThan(1000);
    expect(await journal.archives()).toEqual([]);
  });

  it('still appends when the archive cannot be written, and says so in the log', async () => {
    const journal = await open({ maxActiveBytes: 1500 });
    await writeFile(path.join(directory, archiveFolderName), 'a file where the archive folder should be');
    const records = [...finishedOperation('op-a'), ...finishedOperation('op-b')];
    await appendAll(journal, records);
    expect(await journal.read()).toEqual({ records, skipped: [] });
    expect(journal.logger.lines.some((line) => line.includes('journal rotation failed'))).toBe(true);
    expect((await readdir(directory)).sort()).toEqual([archiveFolderName, activeJournalName].sort());
  });

  it('reads only the archives it wrote, by name', async () => {
    const journal = await open();
    await expect(journal.readArchive(`../${activeJournalName}`)).rejects.toThrow('Not the name of a journal archive');
  });
});
