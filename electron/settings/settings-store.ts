import { defaultSettings, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from '../../shared/domain/settings';
import type { Logger } from '../logging/logger';
import { readJsonFile, writeJsonFileAtomic } from '../storage/json-file';

export interface SettingsStore {
  get(): Promise<Settings>;
  /** The settings as last read or written; the defaults until the file has been read. */
  current(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  /** Resolves once every change asked for so far has been written (or has failed). */
  flush(): Promise<void>;
}

/**
 * The user's preferences in `settings.json` in the user-data folder. Read once, then served from memory; every
 * change is written atomically before it is acknowledged. Writes are queued so two quick changes cannot interleave.
 */
export function createSettingsStore(file: string, logger: Logger): SettingsStore {
  let current: Promise<Settings> | undefined;
  let latest: Settings = defaultSettings;
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<Settings> => {
    // A file from an older version lacks the newer settings: those take their defaults.
    const read = await readJsonFile(file, settingsPatchSchema);
    if (read.kind === 'ok') return (latest = { ...defaultSettings, ...read.value });
    if (read.kind === 'corrupt') {
      logger.warn('settings file unreadable; kept aside, defaults in use', { keptAt: read.keptAt, reason: read.reason });
    }
    return defaultSettings;
  };

  const get = () => (current ??= load());

  return {
    get,
    current: () => latest,
    update(patch) {
      const next = queue.then(async () => {
        const merged = settingsSchema.parse({ ...(await get()), ...patch });
        await writeJsonFileAtomic(file, merged);
        current = Promise.resolve(merged);
        latest = merged;
        return merged;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    flush: () => queue.then(() => undefined),
  };
}
