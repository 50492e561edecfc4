import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { createAppCore } from './app-core';
import { platformOf } from './app-info/app-info-handlers';
import { appId, productName } from './app-identity';
import { registerIpcHandlers } from './ipc/register-ipc';
import { addDemoProfile, startDemoCloud } from './demo/demo-cloud';
import { createKeytarSecretStore } from './keychain/keytar-secret-store';
import { createMemorySecretStore } from './keychain/secret-store';
import { createConsoleLogger } from './logging/logger';
import { appOrigin, appScheme, appSchemePrivileges, createAppProtocolHandler } from './security/app-protocol';
import { denyAllPermissions, hardenWebContents } from './security/harden-web-contents';
import { createSenderPolicy } from './security/sender-policy';
import { createMainWindow } from './window/create-main-window';

// The thin shell: everything here is Electron wiring; the app's behaviour lives in `createAppCore`.
const logger = createConsoleLogger();
const demoMode = process.argv.includes('--demo');

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();
app.setName(productName);
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
app.on('window-all-closed', () => app.quit());

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession, appOrigin);
  protocol.handle(appScheme, createAppProtocolHandler(path.join(__dirname, '..', 'renderer')));
  if (demoMode) app.setPath('userData', path.join(app.getPath('userData'), 'demo'));
  const demoCloud = demoMode ? await startDemoCloud(app.getPath('userData')) : undefined;

  // Filled in once the window exists; IPC is registered first so no early message finds no handler.
  const mainWindow: { current?: BrowserWindow } = {};
  const core = createAppCore({
    info: {
      name: productName,
      version: app.getVersion(),
      platform: platformOf(process.platform),
      osLanguages: app.getPreferredSystemLanguages(),
      demoMode,
    },
    userDataDir: app.getPath('userData'),
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
  if (demoCloud !== undefined) await addDemoProfile(core, demoCloud);
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
