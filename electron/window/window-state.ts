import { z } from 'zod';
import type { Logger } from '../logging/logger';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file';
import { rectangleSchema, visibleBounds, type Rectangle, type WindowPlacement } from './window-placement';

const windowStateSchema = z.strictObject({ bounds: rectangleSchema, maximized: z.boolean() });
type WindowState = z.infer<typeof windowStateSchema>;

/** The parts of a BrowserWindow the keeper watches. */
export interface TrackedWindow {
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'move', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface WindowStateKeeper {
  /** Where to open the window: the saved size and position if still on a connected display, else the default. */
  load(workAreas: readonly Rectangle[]): Promise<WindowPlacement>;
  /** Saves the window's size, position and maximized state as they change (debounced) and when it closes. */
  track(window: TrackedWindow): void;
  /** Saves the window as it is now, if that differs from the file, and waits until every write has landed. */
  flush(): Promise<void>;
}

export interface WindowStateKeeperOptions {
  /** `window-state.json` in the user-data folder. */
  file: string;
  logger: Logger;
  /** A drag or a resize fires dozens of events a second: only the state after a pause is written. */
  debounceMs?: number;
}

/**
 * Remembers the main window between runs, in a small JSON file written atomically. It saves the normal (not
 * maximized) bounds, so un-maximizing after a restart returns the window to where the user last put it.
 */
export function createWindowStateKeeper(options: WindowStateKeeperOptions): WindowStateKeeper {
  const debounceMs = options.debounceMs ?? 500;
  let window: TrackedWindow | undefined;
  let lastSaved = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writes: Promise<unknown> = Promise.resolve();

  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (window === undefined || window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    const text = JSON.stringify(state);
    if (text === lastSaved) return;
    lastSaved = text;
    writes = writes
      .then(() => writeJsonFileAtomic(options.file, state))
      .catch((error: unknown) => options.logger.warn('window state not saved', { errorName: error instanceof Error ? error.name : typeof error }));
  };

  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };

  return {
    async load(workAreas) {
      const read = await readJsonFile(options.file, windowStateSchema).catch(() => ({ kind: 'missing' as const }));
      if (read.kind === 'corrupt') options.logger.warn('window state unreadable; kept aside, default placement', { keptAt: read.keptAt });
      if (read.kind !== 'ok') return { maximized: false };
      lastSaved = JSON.stringify(read.value);
      return { bounds: visibleBounds(read.value.bounds, workAreas), maximized: read.value.maximized };
    },

    track(tracked) {
      window = tracked;
      tracked.on('resize', saveSoon);
      tracked.on('move', saveSoon);
      tracked.on('maximize', saveSoon);
      tracked.on('unmaximize', saveSoon);
      // 'close' comes while the window still has its bounds; 'closed' would be too late to read them.
      tracked.on('close', save);
    },

    async flush() {
      // Saved now, not left to the window's 'close': once the quit goes ahead, a write started then could be cut off.
      save();
      await writes;
    },
  };
}
