import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { appEntryUrl } from '../security/app-protocol';
import { secureWebPreferences } from './secure-web-preferences';
import { defaultWindowSize, minimumWindowSize, type WindowPlacement } from './window-placement';

export interface MainWindowOptions {
  preloadPath: string;
  allowDevTools: boolean;
  /** Where the window was last time (see window-state.ts); the default size, centred, when unset. */
  placement?: WindowPlacement;
}

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The app's one window, shown once its first paint is ready so the user never sees a blank frame. */
export function createMainWindow(BrowserWindowCtor: BrowserWindowClass, options: MainWindowOptions): BrowserWindow {
  const placement = options.placement ?? { maximized: false };
  const window = new BrowserWindowCtor({
    ...(placement.bounds ?? defaultWindowSize),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    show: false,
    title: 'KeyPair Desk',
    webPreferences: secureWebPreferences(options.preloadPath, options.allowDevTools),
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(appEntryUrl);
  return window;
}
