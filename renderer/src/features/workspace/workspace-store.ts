import { create } from 'zustand';
import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { RegionList } from '../../../../shared/domain/inventory';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import { windowApi } from '../../api/window-api';
import { useInventoryStore } from '../inventory/inventory-store';

interface WorkspaceState {
  profileId: string | null;
  regions: RegionList | null;
  regionsError: AppErrorData | null;
  regionId: string | null;
  keyPair: KeyPairRef | null;
  selectProfile: (profileId: string, defaultRegion: string) => Promise<void>;
  refreshRegions: () => Promise<void>;
  /** Opens the region: its rows stream in (after the copy on disk, if one is kept); resolves when the listing ends. */
  selectRegion: (regionId: string) => Promise<void>;
  /** Lists the region again; resolves when that listing ends. */
  loadInventory: () => Promise<void>;
  /** The one Refresh: the region list from Volcengine again, and the open region's listing (with the key pair's). */
  refresh: () => Promise<void>;
  cancelLoad: () => Promise<void>;
  /** Chooses the key pair to take off and lists its instances; resolves when that listing ends. */
  selectKeyPair: (keyPair: KeyPairRef | null) => Promise<void>;
}

/** Which profile, region and key pair the Instances screen is about; the listings themselves are the inventory store's. */
export const useWorkspaceStore = create<WorkspaceState>()((set, get) => ({
  profileId: null,
  regions: null,
  regionsError: null,
  regionId: null,
  keyPair: null,

  selectProfile: async (profileId, defaultRegion) => {
    set({ profileId, regions: null, regionsError: null, regionId: null, keyPair: null });
    const regions = await windowApi().regions.list({ profileId, refresh: false });
    if (regions.ok) set({ regions: regions.value });
    else set({ regionsError: regions.error });
    await get().selectRegion(defaultRegion);
  },

  refreshRegions: async () => {
    const { profileId } = get();
    if (profileId === null) return;
    const regions = await windowApi().regions.list({ profileId, refresh: true });
    set(regions.ok ? { regions: regions.value, regionsError: null } : { regionsError: regions.error });
  },

  selectRegion: async (regionId) => {
    const { profileId } = get();
    if (profileId === null) return;
    set({ regionId, keyPair: null });
    await useInventoryStore.getState().open(profileId, regionId);
  },

  loadInventory: async () => {
    const { keyPair } = get();
    const inventory = useInventoryStore.getState();
    // The key pair's own listing is what a plan rests on: list it again too, alongside the region.
    await Promise.all([inventory.refreshRegion(), keyPair === null ? Promise.resolve() : inventory.chooseKeyPair(keyPair)]);
  },

  refresh: async () => {
    const { regionId } = get();
    await Promise.all([get().refreshRegions(), regionId === null ? Promise.resolve() : get().loadInventory()]);
  },

  cancelLoad: () => useInventoryStore.getState().cancelRegion(),

  selectKeyPair: async (keyPair) => {
    set({ keyPair });
    await useInventoryStore.getState().chooseKeyPair(keyPair);
  },
}));
