import { create } from 'zustand';
import type { ConnectionTestResult } from '../../../../shared/domain/connection-test';
import type { ImportResult, ImportScan, ImportSelection } from '../../../../shared/domain/credential-import';
import type { ProfileInput, ProfileSummary, ProfileUpdate } from '../../../../shared/domain/profile';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { IpcResult } from '../../../../shared/ipc/result';
import { windowApi } from '../../api/window-api';

export type ConnectionTestState =
  | { state: 'testing' }
  | { state: 'done'; result: ConnectionTestResult }
  | { state: 'error'; error: AppErrorData };

export interface ProfilesState {
  loaded: boolean;
  profiles: ProfileSummary[];
  /** A problem with the stored profiles the user should see (the file was damaged and set aside). */
  problem: AppErrorData | null;
  /** The last error of an action (create, delete, lock...), shown until the next action. */
  lastError: AppErrorData | null;
  tests: Record<string, ConnectionTestState>;
  load: () => Promise<void>;
  create: (input: ProfileInput) => Promise<IpcResult<ProfileSummary>>;
  update: (update: ProfileUpdate) => Promise<IpcResult<ProfileSummary>>;
  remove: (id: string) => Promise<boolean>;
  testConnection: (id: string) => Promise<void>;
  lockSecrets: () => Promise<boolean>;
  scanImports: () => Promise<IpcResult<ImportScan>>;
  importSelected: (selection: ImportSelection) => Promise<IpcResult<ImportResult>>;
  clearError: () => void;
}

const replace = (profiles: ProfileSummary[], next: ProfileSummary) =>
  profiles.some((profile) => profile.id === next.id)
    ? profiles.map((profile) => (profile.id === next.id ? next : profile))
    : [...profiles, next];

export const useProfilesStore = create<ProfilesState>()((set, get) => ({
  loaded: false,
  profiles: [],
  problem: null,
  lastError: null,
  tests: {},

  load: async () => {
    const result = await windowApi().profiles.list();
    if (result.ok) set({ loaded: true, profiles: result.value.profiles, problem: result.value.problem });
    else set({ loaded: true, lastError: result.error });
  },

  create: async (input) => {
    const result = await windowApi().profiles.create(input);
    if (result.ok) {
      set({ profiles: replace(get().profiles, result.value), lastError: null });
      // A new profile is tested at once: the user learns now, not mid-operation, whether the keys work.
      void get().testConnection(result.value.id);
    }
    return result;
  },

  update: async (update) => {
    const result = await windowApi().profiles.update(update);
    if (result.ok) {
      set({ profiles: replace(get().profiles, result.value), lastError: null });
      if (result.value.lastVerifiedAt === null) void get().testConnection(result.value.id);
    }
    return result;
  },

  remove: async (id) => {
    const result = await windowApi().profiles.remove({ id });
    if (!result.ok) {
      set({ lastError: result.error });
      return false;
    }
    const { [id]: _removed, ...tests } = get().tests;
    set({ profiles: get().profiles.filter((profile) => profile.id !== id), tests, lastError: null });
    return true;
  },

  testConnection: async (id) => {
    set({ tests: { ...get().tests, [id]: { state: 'testing' } } });
    const result = await windowApi().profiles.testConnection({ id });
    const state: ConnectionTestState = result.ok ? { state: 'done', result: result.value } : { state: 'error', error: result.error };
    set({ tests: { ...get().tests, [id]: state } });
    if (result.ok && result.value.ok) set({ profiles: replace(get().profiles, result.value.profile) });
  },

  lockSecrets: async () => {
    const result = await windowApi().profiles.lockSecrets();
    set({ lastError: result.ok ? null : result.error });
    return result.ok;
  },

  scanImports: () => windowApi().profiles.scanImports(),

  importSelected: async (selection) => {
    const result = await windowApi().profiles.importSelected(selection);
    if (result.ok) {
      let profiles = get().profiles;
      for (const profile of result.value.imported) profiles = replace(profiles, profile);
      set({ profiles });
      for (const profile of result.value.imported) void get().testConnection(profile.id);
    }
    return result;
  },

  clearError: () => set({ lastError: null }),
}));
