import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ValidationIssue } from '../../shared/errors/app-error';
import type { Logger } from '../logging/logger';
import { syncDirectory } from '../storage/json-file';
import { journalRecordSchema, type JournalRecord } from './journal-records';

/*
 * The operation journal: an append-only JSON Lines file that lets the app tell, after a crash, what it planned,
 * what it sent and what Volcengine answered, and resume with the same ClientTokens.
 *
 * Layout, under `directory` (created 0700; every file 0600):
 *   operations.jsonl                                   the active file: everything recovery needs
 *   journal-archive/operations-<UTC stamp>[-<n>].jsonl  earlier active files, never overwritten, never deleted
 *
 * Use (the operation service is the one writer; one journal per app instance):
 *   const journal = await openJournal({ directory, maxActiveBytes, now, logger });
 *   await journal.append(record);   // validated, written, fsynced; only then take the step it records:
 *     planned        before the first request goes out (from onPlanned, which is awaited)
 *     batch-sent     before each send of a batch (attempt 1, 2, …); onBatchSent must be awaited for this to hold
 *     batch-answered when a sent batch has its outcomes (onBatchFinished with sent = true); a batch never sent
 *                    gets no record: replay shows its instances as `not-sent`
 *     rechecked      after a DescribeInstances re-check, with the outcomes it settled (succeeded or failed)
 *     finished       when the operation ends, `finished` or `cancelled`; an operation without it is interrupted
 *   const { records, skipped } = await journal.read();   // the active file; replayJournal(records) for recovery
 *   journal.archives() / journal.readArchive(name)        // older history, oldest first
 *   await journal.close();
 *
 * A rejected append means the record may not be on disk: the caller must not take the step (the operation
 * service's callbacks then stop the operation, and unsent batches end `ECS_NOT_SENT`).
 *
 * Rotation keeps the active file near `maxActiveBytes`: when a record would take it past the bound and at least
 * half of it belongs to finished operations, the file is archived and a new one starts with a copy of every record
 * of the operations that have not finished. The bound is soft on purpose: an unfinished operation is never split
 * from its records, and the half rule keeps a large unfinished operation from being copied at every append. A
 * failed rotation is logged and retried later; the record is still appended, because losing it would be worse
 * than a large file. For the whole history, replay the archives in `archives()` order and then the active file:
 * the copies a rotation made are identical records, and replay is written so that seeing them twice changes
 * nothing. An interrupted operation is carried over until it gets its finished record: once resumed to the end, or
 * as `cancelled` when the user lets it go.
 */

export const activeJournalName = 'operations.jsonl';
export const archiveFolderName = 'journal-archive';

const archiveNamePattern = /^operations-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.jsonl$/;

export interface SkippedLine {
  /** 1-based, as an editor shows it. */
  lineNumber: number;
  reason: string;
}

export interface JournalRead {
  records: JournalRecord[];
  /** Lines that are not records (torn by a crash, damaged, or from an unknown version): reported, never fatal. */
  skipped: SkippedLine[];
}

export interface JournalOptions {
  /** The folder the journal lives in, e.g. `<userData>/journal`. */
  directory: string;
  /** The size the active file is kept near (see rotation above). */
  maxActiveBytes: number;
  /** Names the archives. */
  now: () => Date;
  logger: Logger;
}

export interface Journal {
  /** Validates the record, appends it as one line and fsyncs; resolves only once it is on disk. Appends run in call order. */
  append(record: JournalRecord): Promise<void>;
  /** The active file's records, after every append called before it. */
  read(): Promise<JournalRead>;
  /** The archive files' names, oldest first. */
  archives(): Promise<string[]>;
  /** One archive, by a name from `archives()`. */
  readArchive(name: string): Promise<JournalRead>;
  /** Waits for the appends already called, then closes the file; later appends reject. */
  close(): Promise<void>;
}

/** A record the journal refuses to write. Says where and what is wrong, never the offending value. */
export class JournalRecordError extends Error {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(`Not a journal record: ${issues.map((issue) => `${issue.path || '(record)'}: ${issue.message}`).join('; ')}`);
    this.name = 'JournalRecordError';
    this.issues = issues;
  }
}

interface ParsedLine {
  text: string;
  record: JournalRecord;
}

/**
 * Reads JSON Lines text. A last line without its line break is kept when it is a whole record (only the break was
 * lost) and reported as torn otherwise; every other line that is not a record is reported, and reading goes on.
 */
function parseJournalText(text: string): { lines: ParsedLine[]; skipped: SkippedLine[] } {
  const parts = text.split('\n');
  const tail = parts.pop() ?? '';
  const lines: ParsedLine[] = [];
  const skipped: SkippedLine[] = [];
  const consider = (line: string, lineNumber: number, unterminated: boolean) => {
    let reason: string;
    if (line.trim() === '') {
      reason = 'empty line';
    } else {
      try {
        const parsed = journalRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) {
          lines.push({ text: line, record: parsed.data });
          return;
        }
        reason = `not a journal record (${parsed.error.issues.length} problem(s))`;
      } catch {
        reason = unterminated ? 'torn: the last line is incomplete (the app probably stopped while writing it)' : 'not valid JSON';
      }
    }
    skipped.push({ lineNumber, reason });
  };
  parts.forEach((line, index) => consider(line, index + 1, false));
  if (tail !== '') consider(tail, parts.length + 1, true);
  return { lines, skipped };
}

async function readJournalFile(file: string): Promise<JournalRead> {
  const { lines, skipped } = parseJournalText(await readFile(file, 'utf8'));
  return { records: lines.map((line) => line.record), skipped };
}

/** The operations with a planned record and no finished one: those whose records rotation carries over. */
function unfinishedOperations(records: readonly JournalRecord[]): Set<string> {
  const unfinished = new Set<string>();
  for (const record of records) {
    if (record.type === 'planned') unfinished.add(record.operationId);
    else if (record.type === 'finished') unfinished.delete(record.operationId);
  }
  return unfinished;
}

interface ArchiveName {
  stamp: string;
  sequence: number;
}

function parseArchiveName(name: string): ArchiveName | undefined {
  const match = archiveNamePattern.exec(name);
  return match?.[1] === undefined ? undefined : { stamp: match[1], sequence: Number(match[2] ?? 0) };
}

function compareArchiveNames(a: ArchiveName, b: ArchiveName): number {
  return a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : a.sequence - b.sequence;
}

function formatArchiveName({ stamp, sequence }: ArchiveName): string {
  return `operations-${stamp}${sequence === 0 ? '' : `-${sequence}`}.jsonl`;
}

async function writeNewFileSynced(file: string, text: string): Promise<void> {
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function openJournal(options: JournalOptions): Promise<Journal> {
  const { directory, maxActiveBytes, logger } = options;
  if (!Number.isSafeInteger(maxActiveBytes) || maxActiveBytes < 1) throw new RangeError('maxActiveBytes must be a positive integer');
  const activeFile = path.join(directory, activeJournalName);
  const archiveFolder = path.join(directory, archiveFolderName);

  let handle: FileHandle | undefined;
  /** Bytes in the active file. */
  let size = 0;
  /** The file ends inside a line (torn by a crash or a failed write): the next record starts with a line break. */
  let lineBreakDue = false;
  /** Bytes of each unfinished operation's records in the active file: what a rotation would carry over. */
  const unfinishedBytes = new Map<string, number>();
  /** After a failed rotation, the next try waits until the file has grown by this much more. */
  let rotationRetryAt = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const track = (record: JournalRecord, bytes: number) => {
    if (record.type === 'planned') unfinishedBytes.set(record.operationId, (unfinishedBytes.get(record.operationId) ?? 0) + bytes);
    else if (record.type === 'finished') unfinishedBytes.delete(record.operationId);
    else if (unfinishedBytes.has(record.operationId)) unfinishedBytes.set(record.operationId, unfinishedBytes.get(record.operationId)! + bytes);
  };

  /** (Re)opens the active file and learns its state from what is on disk, which is the truth after any failure. */
  async function load(): Promise<FileHandle> {
    await handle?.close().catch(() => undefined);
    handle = undefined;
    const existed = await stat(activeFile).then(() => true, () => false);
    const opened = await open(activeFile, 'a', 0o600);
    try {
      // A new file's name must be as durable as the records in it.
      if (!existed) await syncDirectory(directory);
      const content = await readFile(activeFile);
      size = content.length;
      lineBreakDue = size > 0 && content[size - 1] !== 0x0a;
      unfinishedBytes.clear();
      for (const line of parseJournalText(content.toString('utf8')).lines) track(line.record, Buffer.byteLength(line.text) + 1);
    } catch (error) {
      await opened.close();
      throw error;
    }
    handle = opened;
    return opened;
  }

  async function archiveName(): Promise<string> {
    const existing = (await archives()).map((name) => parseArchiveName(name)!);
    const latest = existing.at(-1);
    const fresh = { stamp: options.now().toISOString().replace(/[:.]/g, '-'), sequence: 0 };
    // Later than every existing archive even if the clock went back, so that name order is history order.
    return formatArchiveName(latest === undefined || compareArchiveNames(fresh, latest) > 0 ? fresh : { ...latest, sequence: latest.sequence + 1 });
  }

  /**
   * Archives the active file and starts a new one holding a copy of every unfinished operation's records. The new
   * file is complete and synced before it replaces the old one, and the old one is linked into the archive before
   * that, so a crash at any point leaves every record in the active file, an archive, or both.
   */
  async function rotate(): Promise<void> {
    await handle?.close();
    handle = undefined;
    const { lines } = parseJournalText(await readFile(activeFile, 'utf8'));
    const unfinished = unfinishedOperations(lines.map((line) => line.record));
    // A sweep's record goes along while any of its parts is unfinished, so it stays beside them (an archive keeps
    // it too; History and a sweep's resume read every file).
    const carry = (record: JournalRecord) =>
      record.type === 'sweep-started' ? record.parts.some((part) => unfinished.has(part.operationId)) : unfinished.has(record.operationId);
    const carried = lines.filter((line) => carry(line.record)).map((line) => `${line.text}\n`);
    const temp = path.join(directory, `.${activeJournalName}.${randomBytes(6).toString('hex')}.tmp`);
    await writeNewFileSynced(temp, carried.join(''));
    try {
      await mkdir(archiveFolder, { recursive: true, mode: 0o700 });
      // link, not rename: it fails rather than replace an archive of the same name.
      await link(activeFile, path.join(archiveFolder, await archiveName()));
      await syncDirectory(archiveFolder);
      await rename(temp, activeFile);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await syncDirectory(directory);
  }

  async function write(record: JournalRecord, line: string): Promise<void> {
    if (handle === undefined) await load();
    const bytes = Buffer.byteLength(line);
    let unfinishedTotal = 0;
    for (const value of unfinishedBytes.values()) unfinishedTotal += value;
    if (size + bytes > maxActiveBytes && size - unfinishedTotal >= maxActiveBytes / 2 && size >= rotationRetryAt) {
      try {
        await rotate();
        rotationRetryAt = 0;
      } catch (error) {
        rotationRetryAt = size + maxActiveBytes / 2;
        logger.warn('journal rotation failed; the active file grows past its bound until a later try succeeds', {
          errorCode: (error as NodeJS.ErrnoException).code ?? 'unknown',
        });
      }
    }
    const target = handle ?? (await load());
    const text = lineBreakDue ? `\n${line}` : line;
    try {
      await target.appendFile(text, 'utf8');
      await target.sync();
    } catch (error) {
      // The file may now end inside a line: forget what we knew, and read it again before the next record.
      await target.close().catch(() => undefined);
      handle = undefined;
      throw error;
    }
    size += Buffer.byteLength(text);
    lineBreakDue = false;
    track(record, bytes);
  }

  const enqueue = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  async function archives(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(archiveFolder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .flatMap((name) => {
        const parsed = parseArchiveName(name);
        return parsed === undefined ? [] : [{ name, parsed }];
      })
      .sort((a, b) => compareArchiveNames(a.parsed, b.parsed))
      .map((entry) => entry.name);
  }

  await mkdir(directory, { recursive: true, mode: 0o700 });
  await load();

  return {
    append(record) {
      if (closed) return Promise.reject(new Error('The journal is closed.'));
      const parsed = journalRecordSchema.safeParse(record);
      if (!parsed.success) {
        const issues = parsed.error.issues.slice(0, 50).map((issue) => ({ path: issue.path.join('.').slice(0, 200), message: issue.message.slice(0, 300) }));
        return Promise.reject(new JournalRecordError(issues));
      }
      // Serialized now, so a caller changing its object after the call cannot change what is written.
      const line = `${JSON.stringify(parsed.data)}\n`;
      return enqueue(() => write(parsed.data, line));
    },

    read: () => enqueue(() => readJournalFile(activeFile)),

    archives,

    async readArchive(name) {
      if (parseArchiveName(name) === undefined) throw new Error('Not the name of a journal archive.');
      return readJournalFile(path.join(archiveFolder, name));
    },

    close() {
      closed = true;
      return enqueue(async () => {
        await handle?.close();
        handle = undefined;
      });
    },
  };
}
