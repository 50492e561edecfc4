import type { Logger } from '../logging/logger';

/** The part of Electron's `app` this uses. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Quits only once pending writes have landed. Electron's 'before-quit' cannot wait for a promise, so the first quit
 * is held back (preventDefault), `flush` runs, and the app quits again, this time for real. A flush that hangs (a
 * keychain prompt nobody answers, a stuck disk) does not keep the app open for ever: after `timeoutMs` it quits
 * anyway and logs that it did. Every write is atomic, so a write cut short leaves the old file, never a torn one.
 */
export function holdQuitUntilFlushed(
  app: QuittingApp,
  flush: () => Promise<void>,
  logger: Logger,
  timeoutMs = 5000,
): void {
  let state: 'running' | 'flushing' | 'flushed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timed-out'>((resolve) => {
      timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    });
    void Promise.race([flush().then(() => 'flushed' as const), timedOut])
      .then((outcome) => {
        if (outcome === 'timed-out') logger.warn('quitting before pending writes finished', { timeoutMs });
      })
      .catch((error: unknown) => logger.error('pending writes failed while quitting', { errorName: error instanceof Error ? error.name : typeof error }))
      .finally(() => {
        clearTimeout(timer);
        state = 'flushed';
        app.quit();
      });
  });
}
