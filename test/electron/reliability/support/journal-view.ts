import path from 'node:path';
import { openJournal, type JournalRead } from '../../../../electron/journal/journal-file';
import { replayJournal, type JournalReplay } from '../../../../electron/journal/journal-replay';
import { createMemoryLogger } from '../../../../electron/logging/logger';

/**
 * The journal as the next start of the app reads it: the archives oldest first, then the active file, replayed by
 * the project's own code. Read after the core has closed, so what it finds is what reached the disk.
 */
export async function replayJournalOnDisk(userDataDir: string): Promise<JournalReplay & { skippedLines: number }> {
  const journal = await openJournal({
    directory: path.join(userDataDir, 'journal'),
    maxActiveBytes: 1 << 30,
    now: () => new Date(),
    logger: createMemoryLogger(),
  });
  try {
    const reads: JournalRead[] = [];
    for (const name of await journal.archives()) reads.push(await journal.readArchive(name));
    reads.push(await journal.read());
    const replay = replayJournal(reads.flatMap((read) => read.records));
    return { ...replay, skippedLines: reads.reduce((sum, read) => sum + read.skipped.length, 0) };
  } finally {
    await journal.close();
  }
}
