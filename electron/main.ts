import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { createAppCore } from './app-core';
import { platformOf } from './app-info/app-info-handlers';
import { appId, productName } from './app-identity';
import { aboutPanelOptions } from './desktop/about-panel';
import { appMenuTemplate } from './desktop/app-menu';
import { holdQuitUntilFlushed } from './desktop/clean-exit';
import { claimSingleInstance } from './desktop/single-instance';
import { registerIpcHandlers } from './ipc/register-ipc';
import { clearDemoAppData, demoFolders } from './demo/demo-folders';
import { createKeytarSecretStore } from './keychain/keytar-secret-store';
import { createMemorySecretStore } from './keychain/secret-store';
import { createConsoleLogger } from './logging/logger';
import { appOrigin, appScheme, appSchemePrivileges, createAppProtocolHandler } from './security/app-protocol';
import { denyAllPermissions, hardenWebContents } from './security/harden-web-contents';
import { createSenderPolicy } from './security/sender-policy';
import { createMainWindow } from './window/create-main-window';
import { createWindowStateKeeper } from './window/window-state';

// The thin shell: everything here is Electron wiring; the app's behaviour lives in `createAppCore`.
const logger = createConsoleLogger();
const demoMode = process.argv.includes('--demo');
// Filled in once the window exists; IPC is registered first so no early message finds no handler.
const mainWindow: { current?: BrowserWindow } = {};

// Before `ready` and before the single-instance lock, as Electron requires of anything that changes userData: the
// default userData is named after the app, and the lock is keyed to userData, so the demo gets a lock of its own.
app.setName(productName);
const realUserDataDir = app.getPath('userData');
const demo = demoMode ? demoFolders(realUserDataDir) : undefined;
if (demo !== undefined) app.setPath('userData', demo.userData);
/** Where the app's own files go: userData itself, or in demo mode a folder the demo clears at each start. */
const appDataDir = demo?.appData ?? realUserDataDir;

/** Demo mode only: the simulator is loaded here, by a dynamic import, so a normal start never evaluates it. */
async function startDemo(appDataFolder: string) {
  await clearDemoAppData(appDataFolder, realUserDataDir);
  const { addDemoProfiles, startDemoCloud } = await import('./demo/demo-cloud');
  const cloud = await startDemoCloud();
  return { addProfile: (core: Parameters<typeof addDemoProfiles>[0]) => addDemoProfiles(core, cloud) };
}

async function start(): Promise<void> {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();
  denyAllPermissions(session.defaultSession, appOrigin);
  protocol.handle(appScheme, createAppProtocolHandler(path.join(__dirname, '..', 'renderer')));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, productName })));
  app.setAboutPanelOptions(aboutPanelOptions({ productName, version: app.getVersion(), electronVersion: process.versions.electron }));
  const demoCloud = demo === undefined ? undefined : await startDemo(demo.appData);

  const windowState = createWindowStateKeeper({ file: path.join(appDataDir, 'window-state.json'), logger });
  const core = createAppCore({
    info: {
      name: productName,
      version: app.getVersion(),
      platform: platformOf(process.platform),
      osLanguages: app.getPreferredSystemLanguages(),
      demoMode,
    },
    userDataDir: appDataDir,
    homeDir: app.getPath('home'),
    env: process.env,
    secretStore: demoMode ? createMemorySecretStore() : createKeytarSecretStore(appId),
    chooseSavePath: async (suggestedName, extension) => {
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: extension.toUpperCase(), extensions: [extension] }] };
      const choice = mainWindow.current === undefined ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(mainWindow.current, options);
      return choice.canceled ? undefined : choice.filePath;
    },
    eventSink: (wireChannel, payload) => {
      const window = mainWindow.current;
      if (window !== undefined && !window.isDestroyed()) window.webContents.send(wireChannel, payload);
    },
    logger,
  });
  holdQuitUntilFlushed(app, async () => {
    await Promise.all([windowState.flush(), core.flush()]);
  }, logger);
  if (demoCloud !== undefined) await demoCloud.addProfile(core);
  registerIpcHandlers(
    ipcMain,
    core.dispatcher,
    createSenderPolicy({
      appOrigin,
      trustedWebContentsIds: () => new Set(mainWindow.current === undefined ? [] : [mainWindow.current.webContents.id]),
    }),
    logger,
  );
  mainWindow.current = createMainWindow(BrowserWindow, {
    preloadPath: path.join(__dirname, 'preload.cjs'),
    allowDevTools: !app.isPackaged,
    placement: await windowState.load(screen.getAllDisplays().map((display) => display.workArea)),
  });
  windowState.track(mainWindow.current);
}

if (claimSingleInstance(app, () => mainWindow.current)) {
  start().catch((error: unknown) => {
    logger.error('start-up failed', { errorName: error instanceof Error ? error.name : typeof error });
    app.exit(1);
  });
} else {
  // Another copy is running; Electron has asked it to come to the front.
  app.quit();
}
