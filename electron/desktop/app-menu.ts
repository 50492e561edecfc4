import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  /** `process.platform`: macOS puts the app's own menu first and keeps Quit there. */
  platform: NodeJS.Platform;
  /** Packaged builds offer no reload and no developer tools. */
  isPackaged: boolean;
  productName: string;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu, built from Electron's roles so labels, shortcuts and behaviour are each OS's own. The Edit
 * roles are what make Cut, Copy, Paste and Select All work in the window's text fields at all (and their shortcuts
 * on macOS). About shows the panel set by about-panel.ts.
 */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: options.productName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };
  const file: MenuItemConstructorOptions = { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };
  const developer: MenuItemConstructorOptions[] = options.isPackaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }],
  };
  const window: MenuItemConstructorOptions = {
    role: 'window',
    submenu: [{ role: 'minimize' }, { role: 'zoom' }, ...(isMac ? [separator, { role: 'front' } as const] : [{ role: 'close' } as const])],
  };
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [{ role: 'about' }] };
  return [...(isMac ? [appMenu] : []), file, edit, view, window, help];
}
