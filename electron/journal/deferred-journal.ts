import { AppError } from '../../shared/errors/app-error';
import type { Journal } from './journal-file';

/**
 * The journal, usable before it has finished opening: the app core is built synchronously, the file opens in the
 * background, and every call waits for it. If it cannot open (a full disk, a folder without permission), every
 * call fails with JOURNAL_UNAVAILABLE: reads say so, and appends refuse, so no operation sends anything that
 * could not be recorded.
 */
export function deferredJournal(opening: Promise<Journal>): Journal {
  const ready = opening.then(
    (journal) => ({ journal }),
    (error: unknown) => ({ error }),
  );
  const use = async <T>(call: (journal: Journal) => Promise<T>): Promise<T> => {
    const opened = await ready;
    if ('error' in opened) throw new AppError('JOURNAL_UNAVAILABLE', 'The operation journal could not be opened.', { cause: opened.error });
    return call(opened.journal);
  };
  return {
    append: (record) => use((journal) => journal.append(record)),
    read: () => use((journal) => journal.read()),
    archives: () => use((journal) => journal.archives()),
    readArchive: (name) => use((journal) => journal.readArchive(name)),
    close: async () => {
      const opened = await ready;
      if ('journal' in opened) await opened.journal.close();
    },
  };
}
