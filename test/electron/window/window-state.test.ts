import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { createWindowStateKeeper } from '../../../electron/window/window-state';
import { FakeBrowserWindow } from '../support/fake-electron';

const display = { x: 0, y: 0, width: 1920, height: 1080 };
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-window-state-'));
  file = path.join(dir, 'window-state.json');
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

const saved = async () => JSON.parse(await readFile(file, 'utf8')) as unknown;

describe('remembering the window', () => {
  it('opens at the default place the first time', async () => {
    const keeper = createWindowStateKeeper({ file, logger: createMemoryLogger() });
    expect(await keeper.load([display])).toEqual({ maximized: false });
  });

  it('saves the size and position once the user stops moving the window, not at every step', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const keeper = createWindowStateKeeper({ file, logger: createMemoryLogger(), debounceMs: 500 });
    const window = new FakeBrowserWindow({ x: 10, y: 10, width: 1000, height: 700 });
    keeper.track(window);
    for (let step = 1; step <= 20; step++) {
      window.bounds = { x: 10 + step * 5, y: 10, width: 1000, height: 700 };
      window.emit('move');
      vi.advanceTimersByTime(100);
    }
    expect(await readdir(dir)).toEqual([]);
    vi.advanceTimersByTime(500);
    await keeper.flush();
    expect(await saved()).toEqual({ bounds: { x: 110, y: 10, width: 1000, height: 700 }, maximized: false });
  });

  it('saves at once when the window closes, and on flush (before quitting) whatever changed', async () => {
    const keeper = createWindowStateKeeper({ file, logger: createMemoryLogger(), debounceMs: 60_000 });
    const window = new FakeBrowserWindow({ x: 30, y: 40, width: 1100, height: 720 });
    keeper.track(window);
    window.emit('close');
    await keeper.flush();
    expect(await saved()).toEqual({ bounds: { x: 30, y: 40, width: 1100, height: 720 }, maximized: false });

    window.maximized = true;
    window.emit('maximize');
    await keeper.flush();
    expect(await saved()).toEqual({ bounds: { x: 30, y: 40, width: 1100, height: 720 }, maximized: true });
  });

  it('saves the window on flush even when no event came, so nothing is left for a write after the quit', async () => {
    const keeper = createWindowStateKeeper({ file, logger: createMemoryLogger() });
    keeper.track(new FakeBrowserWindow({ x: 5, y: 6, width: 1000, height: 700 }));
    await keeper.flush();
    expect(await saved()).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: false });
  });

  it('opens where it was saved, maximized if it was, when that place is still on a display', async () => {
    await writeFile(file, JSON.stringify({ bounds: { x: 200, y: 100, width: 1200, height: 800 }, maximized: true }));
    const keeper = createWindowStateKeeper({ file, logger: createMemoryLogger() });
    expect(await keeper.load([display])).toEqual({ bounds: { x: 200, y: 100, width: 1200, height: 800 }, maximized: true });
  });

  it('opens at the default place when the saved one is on a display that is gone', async () => {
    await writeFile(file, JSON.stringify({ bounds: { x: 2200, y: 100, width: 1200, height: 800 }, maximized: false }));
    const keeper = createWindowStateKeeper({ file, logger: createMemoryLogger() });
    expect(await keeper.load([display])).toEqual({ bounds: undefined, maximized: false });
  });

  it('sets a damaged file aside and opens at the default place', async () => {
    await writeFile(file, '{ not json');
    const logger = createMemoryLogger();
    const keeper = createWindowStateKeeper({ file, logger });
    expect(await keeper.load([display])).toEqual({ maximized: false });
    expect((await readdir(dir)).some((name) => name.startsWith('window-state.json.corrupt-'))).toBe(true);
    expect(logger.lines.join('\n')).toContain('window state unreadable');
  });

  it('writes nothing on flush when nothing changed since the last save', async () => {
    await writeFile(file, JSON.stringify({ bounds: { x: 30, y: 40, width: 1100, height: 720 }, maximized: false }));
    const keeper = createWindowStateKeeper({ file, logger: createMemoryLogger() });
    await keeper.load([display]);
    await rm(file);
    const window = new FakeBrowserWindow({ x: 30, y: 40, width: 1100, height: 720 });
    keeper.track(window);
    window.emit('move');
    await keeper.flush();
    expect(await readdir(dir)).toEqual([]);
  });
});
