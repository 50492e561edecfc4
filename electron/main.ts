import path from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { createAppCore } from './app-core';
import { platformOf } from './app-info/app-info-handlers';
import { appId, productName } from './app-identity';
import { registerIpcHandlers } from './ipc/register-ipc';
import { createKeytarSecretStore } from './keychain/keytar-secret-store';
import { createConsoleLogger } from './logging/logger';
import { appOrigin, appScheme, appSchemePrivileges, createAppProtocolHandler } from './security/app-protocol';
import { denyAllPermissions, hardenWebContents } from './security/harden-web-contents';
import { createSenderPolicy } from './security/sender-policy';
import { createMainWindow } from './window/create-main-window';

// The thin shell: everything here is Electron wiring; the app's behaviour lives in `createAppCore`.
const logger = createConsoleLogger();

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();
app.setName(productName);
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
app.on('window-all-closed', () => app.quit());

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  protocol.handle(appScheme, createAppProtocolHandler(path.join(__dirname, '..', 'renderer')));

  // Filled in once the window exists; IPC is registered first so no early message finds no handler.
  const mainWindow: { current?: BrowserWindow } = {};
  const core = createAppCore({
    info: {
      name: productName,
      version: app.getVersion(),
      platform: platformOf(process.platform),
      osLanguages: app.getPreferredSystemLanguages(),
      demoMode: false,
    },
    userDataDir: app.getPath('userData'),
    homeDir: app.getPath('home'),
    env: process.env,
    secretStore: createKeytarSecretStore(appId),
    eventSink: (wireChannel, payload) => {
      const window = mainWindow.current;
      if (window !== undefined && !window.isDestroyed()) window.webContents.send(wireChannel, payload);
    },
    logger,
  });
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
  });
}

start().catch((error: unknown) => {
  logger.error('start-up failed', { errorName: error instanceof Error ? error.name : typeof error });
  app.exit(1);
});
