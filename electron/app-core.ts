import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AppInfo } from '../shared/domain/app-info';
import { createAppInfoHandlers } from './app-info/app-info-handlers';
import { createClientForProfile } from './cloud/profile-clients';
import { createConnectionTester } from './credentials/connection-tester';
import { createCredentialImporter } from './credentials/credential-importer';
import { createCredentialVault, type CredentialVault } from './credentials/credential-vault';
import { createProfileHandlers } from './credentials/profile-handlers';
import { createProfileService, type ProfileService } from './credentials/profile-service';
import { createInventoryHandlers } from './inventory/inventory-handlers';
import { createInventoryService } from './inventory/inventory-service';
import { createRegionService } from './inventory/region-service';
import { createExportHandlers, type ChooseSavePath } from './exports/export-handlers';
import { createIpcDispatcher, type IpcDispatcher } from './ipc/dispatcher';
import { createAppEvents, type EventSink } from './ipc/event-emitter';
import type { IpcHandlers } from './ipc/handler-types';
import { createKeychainHandlers } from './keychain/keychain-handlers';
import type { SecretStore } from './keychain/secret-store';
import type { Logger } from './logging/logger';
import { createOperationHandlers } from './operations/operation-handlers';
import { createOperationService, type OperationService } from './operations/operation-service';
import { createSettingsHandlers } from './settings/settings-handlers';
import { createSettingsStore } from './settings/settings-store';
import { createEcsClient, type EcsClient, type EcsClientDependencies } from './volcengine/ecs-client';

export interface AppCoreOptions {
  info: AppInfo;
  /** The app's user-data folder (Electron's `app.getPath('userData')`; a temp folder in tests). */
  userDataDir: string;
  /** The user's home folder, where the Volcengine CLI keeps its config. */
  homeDir: string;
  /** The environment, for the VOLCENGINE_* variables and the proxy variables. */
  env: NodeJS.ProcessEnv;
  secretStore: SecretStore;
  /** Where events for the renderer go. */
  eventSink: EventSink;
  logger: Logger;
  /** Overrides the setting for how long a secret may stay in memory (tests). */
  secretCacheTtlMs?: number;
  /** Asks where to save an export: Electron's save dialog in the app, a temp path in tests. */
  chooseSavePath: ChooseSavePath;
  /** The ECS client factory; tests may pin a transport or a clock. */
  createEcsClient?: (dependencies: EcsClientDependencies) => EcsClient;
  now?: () => Date;
}

export interface AppCore {
  dispatcher: IpcDispatcher;
  profiles: ProfileService;
  vault: CredentialVault;
  operations: OperationService;
  /**
   * Resolves once every write that must survive a quit has landed: main awaits it on 'before-quit'. Today that is
   * the settings and the profiles (each already queues its writes); the operation journal joins here when it comes.
   * The region cache is left out on purpose: it is a cache, refetched when missing.
   */
  flush(): Promise<void>;
}

/**
 * Everything main does, built from its dependencies and free of Electron: `main.ts` builds it with the real
 * keychain and `ipcMain`, the browser tests build the same thing and bridge Chromium to it.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  const now = options.now ?? (() => new Date());
  const events = createAppEvents(options.eventSink, options.logger);
  const settings = createSettingsStore(path.join(options.userDataDir, 'settings.json'), options.logger);
  const vault = createCredentialVault({
    store: options.secretStore,
    platform: options.info.platform,
    cacheTtlMs: () => options.secretCacheTtlMs ?? settings.current().secretCacheMinutes * 60_000,
  });
  const profiles = createProfileService({
    file: path.join(options.userDataDir, 'profiles.json'),
    vault,
    logger: options.logger,
    newId: randomUUID,
    now,
  });
  const createClient = options.createEcsClient ?? createEcsClient;
  const clientFor = createClientForProfile({ profiles, createClient, env: options.env, settings: () => settings.get() });
  const regions = createRegionService({ userDataDir: options.userDataDir, profiles, clientFor, now });
  const inventory = createInventoryService({ clientFor, now });
  const operations = createOperationService({
    profiles,
    inventory,
    clientFor,
    onProgress: (progress) => events.emit('operations.progress', progress),
    logger: options.logger,
    newId: randomUUID,
    now,
  });
  const handlers: IpcHandlers = {
    ...createAppInfoHandlers(options.info),
    ...createSettingsHandlers(settings, events),
    ...createKeychainHandlers(options.secretStore, options.info.platform),
    ...createProfileHandlers({
      profiles,
      vault,
      importer: createCredentialImporter({ homeDir: options.homeDir, env: options.env, profiles }),
      testConnection: createConnectionTester({ profiles, clientFor, now }),
    }),
    ...createInventoryHandlers(regions, inventory, events),
    ...createOperationHandlers(operations),
    ...createExportHandlers(options.chooseSavePath),
  };
  return {
    dispatcher: createIpcDispatcher(handlers, options.logger),
    profiles,
    vault,
    operations,
    flush: async () => {
      await Promise.all([settings.flush(), profiles.flush()]);
    },
  };
}
