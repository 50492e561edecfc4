import path from 'node:path';

/**
 * A stand-in for the `electron` module, for the one test that imports the real `electron/main.ts` (Electron itself
 * cannot start here). It only records what main asks of Electron, so the test can assert every security setting;
 * it has no behaviour of its own worth testing.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  // Generic so a stand-in fits the narrow interfaces main's modules declare, whatever arguments their listeners take.
  on<L extends (...args: never[]) => unknown>(event: string, listener: L) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as unknown as Listener]);
    return this;
  }
  once<L extends (...args: never[]) => unknown>(event: string, listener: L) {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

let nextWebContentsId = 1;

export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends Emitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = new FakeFrame('about:blank');
  windowOpenHandler: ((details: unknown) => unknown) | undefined;
  readonly sent: Array<[string, unknown]> = [];
  setWindowOpenHandler(handler: (details: unknown) => unknown) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
}

export class FakeBrowserWindow extends Emitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  shown = false;
  focused = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: { x: number; y: number; width: number; height: number };
  constructor(readonly options: Record<string, unknown>) {
    super();
    const { x = 0, y = 0, width = 800, height = 600 } = options as Partial<FakeBrowserWindow['bounds']>;
    this.bounds = { x, y, width, height };
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  show() {
    this.shown = true;
  }
  isVisible() {
    return this.shown;
  }
  focus() {
    this.focused = true;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export class FakeSession extends Emitter {
  permissionRequestHandler: Listener | undefined;
  permissionCheckHandler: Listener | undefined;
  devicePermissionHandler: Listener | undefined;
  setPermissionRequestHandler(handler: Listener) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener) {
    this.devicePermissionHandler = handler;
  }
}

export function createFakeElectron(userDataDir: string) {
  const app = Object.assign(new Emitter(), {
    sandboxEnabled: false,
    isPackaged: true,
    singleInstanceLockRequested: false,
    aboutPanelOptions: undefined as Record<string, unknown> | undefined,
    quitCalls: 0,
    /** The lifecycle calls in the order main made them, for the tests of what must come before `ready`. */
    lifecycle: [] as string[],
    /** Paths main has set with `setPath`; `getPath` answers with them. */
    paths: new Map<string, string>(),
    whenReady: () => {
      app.lifecycle.push('whenReady');
      return Promise.resolve();
    },
    requestSingleInstanceLock() {
      app.lifecycle.push('requestSingleInstanceLock');
      app.singleInstanceLockRequested = true;
      return true;
    },
    setPath(name: string, value: string) {
      app.lifecycle.push(`setPath(${name})`);
      app.paths.set(name, value);
    },
    setAboutPanelOptions(options: Record<string, unknown>) {
      app.aboutPanelOptions = options;
    },
    enableSandbox() {
      app.sandboxEnabled = true;
    },
    setName: (_name: string) => undefined,
    getVersion: () => '0.1.0-test',
    getPath: (name: string) => app.paths.get(name) ?? (name === 'home' ? path.join(userDataDir, 'home') : userDataDir),
    getPreferredSystemLanguages: () => ['en-US'],
    quit() {
      app.quitCalls += 1;
    },
    exit: (code: number) => {
      throw new Error(`app.exit(${code}) called: main failed to start`);
    },
  });
  const protocol = {
    privilegedSchemes: [] as unknown[],
    handlers: new Map<string, (request: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: unknown[]) {
      protocol.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      protocol.handlers.set(scheme, handler);
    },
  };
  const ipcMain = {
    handlers: new Map<string, Listener>(),
    handle(channel: string, handler: Listener) {
      if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcMain.handlers.set(channel, handler);
    },
  };
  const session = { defaultSession: new FakeSession() };
  const Menu = {
    applicationMenu: undefined as { template: unknown[] } | undefined,
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu(menu: { template: unknown[] }) {
      Menu.applicationMenu = menu;
    },
  };
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
  return { app, protocol, ipcMain, session, Menu, screen, BrowserWindow: FakeBrowserWindow };
}
