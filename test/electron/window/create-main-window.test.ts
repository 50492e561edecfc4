import { describe, expect, it } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { createMainWindow } from '../../../electron/window/create-main-window';
import { FakeBrowserWindow } from '../support/fake-electron';

const Window = FakeBrowserWindow as unknown as new (options: BrowserWindowConstructorOptions) => BrowserWindow;
const open = (placement?: Parameters<typeof createMainWindow>[1]['placement']) =>
  createMainWindow(Window, { preloadPath: '/app/preload.cjs', allowDevTools: false, placement }) as unknown as FakeBrowserWindow;

describe('the main window', () => {
  it('opens at 1280 by 800, centred by Electron, when there is no saved place', () => {
    const window = open();
    expect(window.options).toMatchObject({ width: 1280, height: 800, minWidth: 960, minHeight: 600, show: false });
    expect(window.options).not.toHaveProperty('x');
  });

  it('opens at the saved place, and maximizes before it is first shown if it was maximized', () => {
    const window = open({ bounds: { x: 200, y: 100, width: 1200, height: 800 }, maximized: true });
    expect(window.options).toMatchObject({ x: 200, y: 100, width: 1200, height: 800 });
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.maximized).toBe(true);
    expect(window.shown).toBe(true);
  });
});
