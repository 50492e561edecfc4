import type { BrowserWindow } from 'electron';

/** The part of Electron's `app` this uses. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
}

export type FrontableWindow = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>;

/** Brings the window back in front of the user: out of the taskbar or Dock if minimized, then focused. */
function bringToFront(window: FrontableWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

/**
 * One copy of the app at a time: two would each keep their own secrets cache and write the same profile and
 * settings files. Returns false in a second copy, which should quit at once; Electron then tells the first copy
 * ('second-instance'), which comes to the front instead.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  currentWindow: () => FrontableWindow | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const window = currentWindow();
    if (window !== undefined) bringToFront(window);
  });
  return true;
}
