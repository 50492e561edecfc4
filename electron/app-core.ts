import path from 'node:path';
import type { AppInfo } from '../shared/domain/app-info';
import { createAppInfoHandlers } from './app-info/app-info-handlers';
import { createIpcDispatcher, type IpcDispatcher } from './ipc/dispatcher';
import { createAppEvents, type EventSink } from './ipc/event-emitter';
import type { IpcHandlers } from './ipc/handler-types';
import { createKeychainHandlers } from './keychain/keychain-handlers';
import type { SecretStore } from './keychain/secret-store';
import type { Logger } from './logging/logger';
import { createSettingsHandlers } from './settings/settings-handlers';
import { createSettingsStore } from './settings/settings-store';

export interface AppCoreOptions {
  info: AppInfo;
  /** The app's user-data folder (Electron's `app.getPath('userData')`; a temp folder in tests). */
  userDataDir: string;
  secretStore: SecretStore;
  /** Where events for the renderer go. */
  eventSink: EventSink;
  logger: Logger;
}

export interface AppCore {
  dispatcher: IpcDispatcher;
}

/**
 * Everything main does, built from its dependencies and free of Electron: `main.ts` builds it with the real
 * keychain and `ipcMain`, the browser tests build the same thing and bridge Chromium to it.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  const events = createAppEvents(options.eventSink, options.logger);
  const settings = createSettingsStore(path.join(options.userDataDir, 'settings.json'), options.logger);
  const handlers: IpcHandlers = {
    ...createAppInfoHandlers(options.info),
    ...createSettingsHandlers(settings, events),
    ...createKeychainHandlers(options.secretStore, options.info.platform),
  };
  return { dispatcher: createIpcDispatcher(handlers, options.logger) };
}
