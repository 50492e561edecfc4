import { create } from 'zustand';
import type { AppInfo } from '../../../shared/domain/app-info';
import type { KeychainStatus } from '../../../shared/domain/keychain-status';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import type { AppErrorData } from '../../../shared/errors/app-error';
import { windowApi } from '../api/window-api';
import { useProfilesStore } from '../features/profiles/profiles-store';

export type KeychainCheck =
  | { state: 'checking' }
  | { state: 'done'; status: KeychainStatus }
  | { state: 'failed'; error: AppErrorData };

interface AppState {
  phase: 'loading' | 'ready' | 'failed';
  info: AppInfo | undefined;
  settings: Settings | undefined;
  startError: AppErrorData | undefined;
  keychain: KeychainCheck;
  /** Loads what the first screen needs. */
  start: () => Promise<void>;
  /** Saves a change in main; the error, if any, for the settings screen to show. */
  updateSettings: (patch: SettingsPatch) => Promise<AppErrorData | null>;
  checkKeychain: () => Promise<void>;
  /** Starts hearing main's settings changes (app/listen-to-main.ts, once per window); returns what stops it. */
  listen: () => () => void;
}

export const useAppStore = create<AppState>()((set, get) => ({
  phase: 'loading',
  info: undefined,
  settings: undefined,
  startError: undefined,
  keychain: { state: 'checking' },

  start: async () => {
    const api = windowApi();
    const [info, settings] = await Promise.all([
      api.app.getInfo(),
      api.settings.get(),
      useProfilesStore.getState().load(),
    ]);
    if (!info.ok) return set({ phase: 'failed', startError: info.error });
    if (!settings.ok) return set({ phase: 'failed', startError: settings.error });
    set({ phase: 'ready', info: info.value, settings: settings.value });
    await get().checkKeychain();
  },

  updateSettings: async (patch) => {
    const result = await windowApi().settings.update(patch);
    if (!result.ok) return result.error;
    set({ settings: result.value });
    return null;
  },

  checkKeychain: async () => {
    set({ keychain: { state: 'checking' } });
    const result = await windowApi().keychain.getStatus();
    set({ keychain: result.ok ? { state: 'done', status: result.value } : { state: 'failed', error: result.error } });
  },

  listen: () => windowApi().on.settings.changed((settings) => set({ settings })),
}));
