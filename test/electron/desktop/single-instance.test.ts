import { describe, expect, it } from 'vitest';
import { claimSingleInstance } from '../../../electron/desktop/single-instance';
import { createFakeElectron, FakeBrowserWindow } from '../support/fake-electron';

function appWithLock(granted: boolean) {
  const { app } = createFakeElectron('/nowhere');
  return Object.assign(app, { requestSingleInstanceLock: () => granted });
}

describe('one copy of the app at a time', () => {
  it('tells a second copy to quit, and lets it do nothing else', () => {
    const app = appWithLock(false);
    expect(claimSingleInstance(app, () => undefined)).toBe(false);
    expect(app.listeners.get('second-instance')).toBeUndefined();
  });

  it("brings the first copy's minimized window back and focuses it when a second copy starts", () => {
    const app = appWithLock(true);
    const window = new FakeBrowserWindow({});
    window.show();
    window.minimized = true;
    expect(claimSingleInstance(app, () => window)).toBe(true);
    app.emit('second-instance', {}, ['keypair-desk'], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('shows a hidden window before focusing it', () => {
    const app = appWithLock(true);
    const window = new FakeBrowserWindow({});
    claimSingleInstance(app, () => window);
    app.emit('second-instance', {}, [], '/');
    expect(window.shown).toBe(true);
    expect(window.focused).toBe(true);
  });

  it('does nothing when the window is not there yet, or already gone', () => {
    const app = appWithLock(true);
    const gone = Object.assign(new FakeBrowserWindow({}), { destroyed: true });
    const current: { window?: FakeBrowserWindow } = {};
    claimSingleInstance(app, () => current.window);
    expect(() => app.emit('second-instance', {}, [], '/')).not.toThrow();
    current.window = gone;
    app.emit('second-instance', {}, [], '/');
    expect(gone.focused).toBe(false);
  });
});
