import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { appEntryUrl } from '../security/app-protocol';
import { secureWebPreferences } from './secure-web-preferences';

export interface MainWindowOptions {
  preloadPath: string;
  allowDevTools: boolean;
}

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** The app's one window, shown once its first paint is ready so the user never sees a blank frame. */
export function createMainWindow(BrowserWindowCtor: BrowserWindowClass, options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindowCtor({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'KeyPair Desk',
    webPreferences: secureWebPreferences(options.preloadPath, options.allowDevTools),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}
