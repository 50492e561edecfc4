import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { aboutPanelOptions } from '../../../electron/desktop/about-panel';
import { appMenuTemplate } from '../../../electron/desktop/app-menu';

const titles = (template: MenuItemConstructorOptions[]) => template.map((menu) => menu.label ?? menu.role);
const roles = (menu: MenuItemConstructorOptions | undefined) =>
  (menu?.submenu as MenuItemConstructorOptions[]).map((item) => item.role).filter((role) => role !== undefined);
const allRoles = (template: MenuItemConstructorOptions[]) => template.flatMap(roles);
const named = (template: MenuItemConstructorOptions[], title: string) => template.find((menu) => (menu.label ?? menu.role) === title);

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(titles(appMenuTemplate({ platform, isPackaged: true, productName: 'KeyPair Desk' }))).toEqual(['File', 'Edit', 'View', 'window', 'help']);
    }
  });

  it('puts the app menu first on macOS, with About, Hide and Quit', () => {
    const template = appMenuTemplate({ platform: 'darwin', isPackaged: true, productName: 'KeyPair Desk' });
    expect(titles(template)).toEqual(['KeyPair Desk', 'File', 'Edit', 'View', 'window', 'help']);
    expect(roles(template[0])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(named(template, 'File'))).toEqual(['close']);
  });

  it('gives Edit the roles that make cut, copy, paste and select all work in text fields', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const edit = roles(named(appMenuTemplate({ platform, isPackaged: true, productName: 'KeyPair Desk' }), 'Edit'));
      expect(edit).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']));
    }
  });

  it('offers no reload and no developer tools in a packaged app, and both when unpackaged', () => {
    const packaged = allRoles(appMenuTemplate({ platform: 'linux', isPackaged: true, productName: 'KeyPair Desk' }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    const unpackaged = allRoles(appMenuTemplate({ platform: 'linux', isPackaged: false, productName: 'KeyPair Desk' }));
    expect(unpackaged).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('has About in Help, where Windows and Linux users look for it', () => {
    expect(roles(named(appMenuTemplate({ platform: 'linux', isPackaged: true, productName: 'KeyPair Desk' }), 'help'))).toEqual(['about']);
  });
});

describe('the About panel', () => {
  it("shows the app's name and version, and the Electron it runs on", () => {
    expect(aboutPanelOptions({ productName: 'KeyPair Desk', version: '1.2.3', electronVersion: '45.5.0' })).toMatchObject({
      applicationName: 'KeyPair Desk',
      applicationVersion: '1.2.3',
      version: 'Electron 45.5.0',
    });
  });
});
