import { create } from 'zustand';
import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { RegionList } from '../../../../shared/domain/inventory';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { windowApi } from '../../api/window-api';

export interface WorkspaceState {
  profileId: string | null;
  regions: RegionList | null;
  regionsError: AppErrorData | null;
  regionId: string | null;
  keyPair: KeyPairRef | null;
  /** Take the key pair off the instances bound to it, or put it on instances of the region. */
  mode: WorkspaceMode;
  /** Another profile: nothing chosen under the last one stays. */
  setProfile: (profileId: string) => void;
  /** Reads the profile's regions: main's copy, or Volcengine again when `refresh`. */
  loadRegions: (refresh: boolean) => Promise<void>;
  /** Another region: the key pair chosen in the last one does not exist here. */
  setRegion: (regionId: string) => void;
  setKeyPair: (keyPair: KeyPairRef | null) => void;
  setMode: (mode: WorkspaceMode) => void;
}

export type WorkspaceMode = 'detach' | 'attach';

/**
 * Which profile, region and key pair the Instances screen is about. The listings themselves are the inventory
 * store's; what follows from a choice (regions, then the region's listing) is workspace-flow.ts's.
 */
export function createWorkspaceStore(api: () => KeyPairDeskApi) {
  return create<WorkspaceState>()((set, get) => ({
    profileId: null,
    regions: null,
    regionsError: null,
    regionId: null,
    keyPair: null,
    mode: 'detach',

    setProfile: (profileId) => set({ profileId, regions: null, regionsError: null, regionId: null, keyPair: null }),

    loadRegions: async (refresh) => {
      const { profileId } = get();
      if (profileId === null) return;
      const regions = await api().regions.list({ profileId, refresh });
      // An answer for a profile no longer chosen would show its regions under another.
      if (get().profileId !== profileId) return;
      set(regions.ok ? { regions: regions.value, regionsError: null } : { regionsError: regions.error });
    },

    setRegion: (regionId) => set({ regionId, keyPair: null }),

    setKeyPair: (keyPair) => set({ keyPair }),

    setMode: (mode) => set({ mode }),
  }));
}

export const useWorkspaceStore = createWorkspaceStore(windowApi);
