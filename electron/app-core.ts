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
import { createInventoryCache } from './inventory/inventory-cache';
import { createInventoryService, type InventoryService } from './inventory/inventory-service';
import { createRegionKnowledge } from './inventory/region-knowledge';
import { createProfilePacers } from './cloud/profile-pacers';
import { createRegionService } from './inventory/region-service';
import { createExposureHandlers } from './exposure/exposure-handlers';
import { createExposureService } from './exposure/exposure-service';
import { createExportHandlers, type ChooseSavePath } from './exports/export-handlers';
import { createIpcDispatcher, type IpcDispatcher } from './ipc/dispatcher';
import { createAppEvents, type EventSink } from './ipc/event-emitter';
import type { IpcHandlers } from './ipc/handler-types';
import { createJobRegistry } from './jobs/job-registry';
import { createKeychainHandlers } from './keychain/keychain-handlers';
import type { SecretStore } from './keychain/secret-store';
import type { Logger } from './logging/logger';
import { createOperationHandlers } from './operations/operation-handlers';
import { createInstancesInFlight } from './operations/instances-in-flight';
import { createOperationService, type OperationService } from './operations/operation-service';
import type { RebootTiming } from './operations/rolling-reboot-run';
import { createSettingsHandlers } from './settings/settings-handlers';
import { createSweepHandlers } from './sweep/sweep-handlers';
import { createHistoryHandlers } from './history/history-handlers';
import { createHistoryService, type HistoryService } from './history/history-service';
import { deferredJournal } from './journal/deferred-journal';
import { openJournal } from './journal/journal-file';
import { createSweepService } from './sweep/sweep-service';
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
  /** The size the journal's active file is kept near before older history is archived (default 8 MiB). */
  journalMaxActiveBytes?: number;
  /** How often a rolling reboot checks a wave and how long its minutes last (default 10 s and 60 s; tests shorten). */
  rebootTiming?: RebootTiming;
}

export interface AppCore {
  dispatcher: IpcDispatcher;
  inventory: InventoryService;
  profiles: ProfileService;
  vault: CredentialVault;
  operations: OperationService;
  history: HistoryService;
  /**
   * Resolves once every write that must survive a quit has landed, and closes the journal: main awaits it on
   * 'before-quit' (the last journal record, the settings, the profiles, a region listing's copy being written, so
   * no temporary file is left behind). The region list's cache is left out on purpose: it is refetched when missing.
   * Nothing may be written through the core afterwards.
   */
  flush(): Promise<void>;
  /** The same, for tests and tools that end a core without quitting the process. */
  close(): Promise<void>;
}

const defaultJournalMaxActiveBytes = 8 * 1024 * 1024;

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
  const clientFor = createClientForProfile({
    profiles,
    createClient,
    env: options.env,
    settings: () => settings.get(),
    readPacerFor: createProfilePacers(() => settings.current().readRequestsPerSecond),
    changePacerFor: createProfilePacers(() => settings.current().changeRequestsPerSecond),
  });
  const regions = createRegionService({ userDataDir: options.userDataDir, profiles, clientFor, now });
  const knowledge = createRegionKnowledge();
  const inventoryCache = createInventoryCache({ userDataDir: options.userDataDir, logger: options.logger, now });
  const jobs = createJobRegistry();
  const inventory = createInventoryService({ clientFor, knowledge, jobs, cache: inventoryCache, settings: () => settings.current(), logger: options.logger, now });
  const journal = deferredJournal(
    openJournal({
      directory: path.join(options.userDataDir, 'journal'),
      maxActiveBytes: options.journalMaxActiveBytes ?? defaultJournalMaxActiveBytes,
      now,
      logger: options.logger,
    }),
  );
  // The history asks what runs (the journal cannot tell running from interrupted), and resuming asks the history:
  // each looks the other up when called, after both exist.
  const history = createHistoryService({
    journal,
    liveState: (operationId) => {
      if (!operations.isRunning(operationId)) return null;
      return operations.live(operationId)?.progress.state === 'cancelling' ? 'cancelling' : 'running';
    },
  });
  const operations = createOperationService({
    profiles,
    knowledge,
    clientFor,
    journal,
    inFlight: createInstancesInFlight(),
    findInJournal: (operationId) => history.findActive(operationId),
    fromJournal: async (operationId) => {
      const { exposure: _exposure, undoneBy: _undoneBy, ...result } = await history.get(operationId);
      return result;
    },
    onProgress: (progress) => events.emit('operations.progress', progress),
    settings: () => settings.current(),
    logger: options.logger,
    newId: randomUUID,
    now,
    rebootTiming: options.rebootTiming,
  });
  const exposure = createExposureService({
    clientFor,
    // Running or just ended: its live account; any other: the journal's.
    findOperation: (operationId) => operations.get(operationId),
    journalOperations: () => history.replayAll(),
    journal,
    logger: options.logger,
    now,
  });
  const sweeps = createSweepService({ regions, knowledge, operations, profiles, journal, history, jobs, clientFor, newId: randomUUID, now });
  const handlers: IpcHandlers = {
    ...createAppInfoHandlers(options.info),
    ...createSettingsHandlers(settings, events),
    ...createKeychainHandlers(options.secretStore, options.info.platform),
    ...createProfileHandlers({
      profiles,
      vault,
      importer: createCredentialImporter({ homeDir: options.homeDir, env: options.env, profiles }),
      testConnection: createConnectionTester({ profiles, clientFor, now }),
      forgetProfileData: async (profileId) => {
        knowledge.forgetProfile(profileId);
        await inventoryCache.forgetProfile(profileId);
      },
    }),
    ...createInventoryHandlers(regions, inventory, jobs, events),
    ...createOperationHandlers(operations),
    ...createExposureHandlers(exposure),
    ...createSweepHandlers(sweeps, jobs, events),
    ...createHistoryHandlers(history),
    ...createExportHandlers(options.chooseSavePath),
  };
  const flush = async () => {
    await Promise.all([settings.flush(), profiles.flush(), journal.close(), inventory.settled()]);
  };
  return { dispatcher: createIpcDispatcher(handlers, options.logger), inventory, profiles, vault, operations, history, flush, close: flush };
}
