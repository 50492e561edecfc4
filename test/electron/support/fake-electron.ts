import path from 'node:path';

/**
 * A stand-in for the `electron` module, for the one test that imports the real `electron/main.ts` (Electron itself
 * cannot start here). It only records what main asks of Electron, so the test can assert every security setting;
 * it has no behaviour of its own worth testing.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener) {
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
  constructor(readonly options: Record<string, unknown>) {
    super();
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
  isDestroyed() {
    return false;
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
    whenReady: () => Promise.resolve(),
    enableSandbox() {
      app.sandboxEnabled = true;
    },
    setName: (_name: string) => undefined,
    getVersion: () => '0.1.0-test',
    getPath: (name: string) => (name === 'home' ? path.join(userDataDir, 'home') : userDataDir),
    getPreferredSystemLanguages: () => ['en-US'],
    quit: () => undefined,
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
  return { app, protocol, ipcMain, session, BrowserWindow: FakeBrowserWindow };
}
