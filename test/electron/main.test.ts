import http from 'node:http';
import https from 'node:https';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invokeChannelNames, wireName } from '../../shared/ipc/channel-names';
import { createFakeElectron, FakeFrame, FakeWebContents, type FakeBrowserWindow } from './support/fake-electron';

// Imports the real electron/main.ts with a recording stand-in for `electron`, and asserts each item of Electron's
// security checklist that main is responsible for. If someone loosens a setting, this fails.
const userDataDir = await mkdtemp(path.join(tmpdir(), 'kpd-main-'));
const fake = createFakeElectron(userDataDir);
vi.mock('electron', () => fake);

let window: FakeBrowserWindow;
// main logs JSON lines to the console; keep the test output readable.
vi.spyOn(console, 'log').mockImplementation(() => undefined);
const createServer = vi.spyOn(http, 'createServer');
const createHttpsServer = vi.spyOn(https, 'createServer');

beforeAll(async () => {
  await import('../../electron/main');
  await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
  window = fake.BrowserWindow.instances[0]!;
});

afterAll(async () => {
  await rm(userDataDir, { recursive: true, force: true });
});

function invokeEvent(sender: FakeWebContents, frame: FakeFrame | null) {
  return { sender, senderFrame: frame };
}

describe('electron/main.ts', () => {
  it('turns the sandbox on for every renderer', () => {
    expect(fake.app.sandboxEnabled).toBe(true);
  });

  it('creates the window with context isolation, sandbox, no Node and web security', () => {
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
  });

  it('loads the UI from the privileged app:// protocol, not file: and not an HTTP server', () => {
    expect(window.loadedUrl).toBe('app://keypair-desk/index.html');
    expect(createServer).not.toHaveBeenCalled();
    expect(createHttpsServer).not.toHaveBeenCalled();
  });

  it('registers app:// as standard and secure without bypassing CSP, CORS or service workers', () => {
    expect(fake.protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.protocol.handlers.has('app')).toBe(true);
  });

  it('serves the UI with a strict Content-Security-Policy', async () => {
    const handler = fake.protocol.handlers.get('app')!;
    const response = await handler(new Request('app://keypair-desk/no-such-file.js'));
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('denies navigation, redirects, webviews and new windows in every webContents', () => {
    const [harden] = fake.app.listeners.get('web-contents-created') ?? [];
    const contents = new FakeWebContents();
    harden!({}, contents);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('answers every permission request and check with no, but clipboard writes from the app, and refuses downloads', () => {
    const session = fake.session.defaultSession;
    const app = { requestingUrl: 'app://keypair-desk/index.html' };
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!(window.webContents, permission, callback, app);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!(window.webContents, permission, 'app://keypair-desk')).toBe(false);
    }
    const fromApp = vi.fn();
    session.permissionRequestHandler!(window.webContents, 'clipboard-sanitized-write', fromApp, app);
    expect(fromApp).toHaveBeenCalledWith(true);
    const fromElsewhere = vi.fn();
    session.permissionRequestHandler!(window.webContents, 'clipboard-sanitized-write', fromElsewhere, { requestingUrl: 'https://evil.example/' });
    expect(fromElsewhere).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!(window.webContents, 'clipboard-sanitized-write', 'app://keypair-desk')).toBe(true);
    expect(session.permissionCheckHandler!(window.webContents, 'clipboard-sanitized-write', 'app://keypair-desk.evil')).toBe(false);
    expect(session.devicePermissionHandler!({})).toBe(false);
    const preventDefault = vi.fn();
    session.emit('will-download', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('registers exactly one ipcMain handler per contract channel', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(invokeChannelNames.map(wireName).sort());
  });

  it('answers the top frame of its own window at the app origin', async () => {
    const handler = fake.ipcMain.handlers.get(wireName('app.getInfo'))!;
    const result = await handler(invokeEvent(window.webContents, window.webContents.mainFrame), undefined);
    expect(result).toMatchObject({ ok: true, value: { version: '0.1.0-test', platform: 'linux' } });
  });

  it('refuses a sender that is another webContents, an iframe, another origin, or a dead frame', async () => {
    const handler = fake.ipcMain.handlers.get(wireName('app.getInfo'))!;
    const own = window.webContents;
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://keypair-desk/index.html';
    const iframe = new FakeFrame('app://keypair-desk/index.html', own.mainFrame);
    const foreign = new FakeWebContents();
    foreign.mainFrame.url = 'https://evil.example/';
    const untrusted = [
      invokeEvent(stranger, stranger.mainFrame),
      invokeEvent(own, iframe),
      invokeEvent(own, null),
      { sender: Object.assign(foreign, { id: own.id }), senderFrame: foreign.mainFrame },
    ];
    for (const event of untrusted) {
      expect(await handler(event, undefined)).toEqual({
        ok: false,
        error: { code: 'IPC_FORBIDDEN_SENDER', message: expect.any(String) as string },
      });
    }
  });
  it('runs one copy at a time: a second launch brings the minimized window back to the front', () => {
    expect(fake.app.singleInstanceLockRequested).toBe(true);
    window.minimized = true;
    fake.app.emit('second-instance', {}, ['keypair-desk'], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('installs a menu with File, Edit (cut, copy, paste), View, Window and Help, and no developer tools when packaged', () => {
    const template = fake.Menu.applicationMenu!.template as MenuItemConstructorOptions[];
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'window', 'help']));
    const roles = template.flatMap((menu) => (menu.submenu as MenuItemConstructorOptions[]).map((item) => item.role));
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'undo', 'redo', 'about']));
    expect(roles).not.toContain('toggleDevTools');
  });

  it("sets the About panel to the app's name and version", () => {
    expect(fake.app.aboutPanelOptions).toMatchObject({ applicationName: 'KeyPair Desk', applicationVersion: '0.1.0-test' });
  });

  it('opens the window at the default size the first time', () => {
    expect(window.options).toMatchObject({ width: 1280, height: 800 });
  });

  // Last: after it, the app has quit.
  it('holds the quit until the window state and pending writes are saved, then quits', async () => {
    window.bounds = { x: 40, y: 50, width: 1000, height: 700 };
    window.emit('resize');
    const held = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', held);
    expect(held.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(1));
    expect(JSON.parse(await readFile(path.join(userDataDir, 'window-state.json'), 'utf8'))).toEqual({
      bounds: { x: 40, y: 50, width: 1000, height: 700 },
      maximized: false,
    });
    const final = { preventDefault: vi.fn() };
    fake.app.emit('before-quit', final);
    expect(final.preventDefault).not.toHaveBeenCalled();
  });
});
