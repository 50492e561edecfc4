import { describe, expect, it, vi } from 'vitest';
import { holdQuitUntilFlushed } from '../../../electron/desktop/clean-exit';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { createFakeElectron } from '../support/fake-electron';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function quitEvent() {
  return { preventDefault: vi.fn() };
}

describe('quitting', () => {
  it('holds the quit until pending writes have landed, then quits', async () => {
    const { app } = createFakeElectron('/nowhere');
    const writes = deferred();
    const flush = vi.fn(() => writes.promise);
    holdQuitUntilFlushed(app, flush, createMemoryLogger());
    const first = quitEvent();
    app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(flush).toHaveBeenCalledTimes(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(app.quitCalls).toBe(0);

    writes.resolve();
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    const second = quitEvent();
    app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it('holds a second quit asked for while flushing, without flushing twice', async () => {
    const { app } = createFakeElectron('/nowhere');
    const writes = deferred();
    const flush = vi.fn(() => writes.promise);
    holdQuitUntilFlushed(app, flush, createMemoryLogger());
    app.emit('before-quit', quitEvent());
    const again = quitEvent();
    app.emit('before-quit', again);
    expect(again.preventDefault).toHaveBeenCalled();
    expect(flush).toHaveBeenCalledTimes(1);
    writes.resolve();
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
  });

  it('quits anyway, and says so, when the writes hang', async () => {
    const { app } = createFakeElectron('/nowhere');
    const logger = createMemoryLogger();
    holdQuitUntilFlushed(app, () => new Promise(() => undefined), logger, 20);
    app.emit('before-quit', quitEvent());
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    expect(logger.lines.join('\n')).toContain('quitting before pending writes finished');
  });

  it('quits anyway, and logs it, when a write fails', async () => {
    const { app } = createFakeElectron('/nowhere');
    const logger = createMemoryLogger();
    holdQuitUntilFlushed(app, () => Promise.reject(new Error('disk full')), logger);
    app.emit('before-quit', quitEvent());
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    expect(logger.lines.join('\n')).toContain('pending writes failed while quitting');
  });
});
