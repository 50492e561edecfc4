import { create } from 'zustand';
import type { KeyPairRef } from '../../../shared/domain/detachability';
import type { Inventory, InventoryProgress, RegionList } from '../../../shared/domain/inventory';
import type { AppErrorData } from '../../../shared/errors/app-error';
import { windowApi } from '../api/window-api';

export type InventoryState =
  | { state: 'idle' }
  | { state: 'loading'; jobId: string; progress: InventoryProgress | null; previous: Inventory | null }
  | { state: 'loaded'; inventory: Inventory }
  | { state: 'failed'; error: AppErrorData; previous: Inventory | null };

interface WorkspaceState {
  profileId: string | null;
  regions: RegionList | null;
  regionsError: AppErrorData | null;
  regionId: string | null;
  inventory: InventoryState;
  keyPair: KeyPairRef | null;
  selectProfile: (profileId: string, defaultRegion: string) => Promise<void>;
  refreshRegions: () => Promise<void>;
  selectRegion: (regionId: string) => Promise<void>;
  /** Loads (or reloads) the whole region in the background; progress arrives as events. */
  loadInventory: () => Promise<void>;
  cancelLoad: () => Promise<void>;
  selectKeyPair: (keyPair: KeyPairRef | null) => void;
  /** Hands an export to main, which asks where to save it; the saved path, or null when cancelled or failed. */
  saveExport: (fileName: string, content: string, mimeType: string) => Promise<string | null>;
}

let listening = false;
const newJobId = () => crypto.randomUUID();

/** The current inventory, if any: while a reload runs or after it failed, the last good one stays visible. */
export function currentInventory(state: InventoryState): Inventory | null {
  if (state.state === 'loaded') return state.inventory;
  if (state.state === 'idle') return null;
  return state.previous;
}

export const useWorkspaceStore = create<WorkspaceState>()((set, get) => ({
  profileId: null,
  regions: null,
  regionsError: null,
  regionId: null,
  inventory: { state: 'idle' },
  keyPair: null,

  selectProfile: async (profileId, defaultRegion) => {
    if (!listening) {
      listening = true;
      windowApi().on.inventory.progress((progress) => {
        const current = get().inventory;
        if (current.state === 'loading' && current.jobId === progress.jobId) set({ inventory: { ...current, progress } });
      });
    }
    set({ profileId, regions: null, regionsError: null, regionId: null, inventory: { state: 'idle' }, keyPair: null });
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
    set({ regionId, keyPair: null, inventory: { state: 'idle' } });
    await get().loadInventory();
  },

  loadInventory: async () => {
    const { profileId, regionId } = get();
    if (profileId === null || regionId === null) return;
    const previous = currentInventory(get().inventory);
    const jobId = newJobId();
    set({ inventory: { state: 'loading', jobId, progress: null, previous } });
    const result = await windowApi().inventory.load({ profileId, regionId, jobId });
    const now = get().inventory;
    // A newer load (another region, a refresh) replaced this one: its answer is no longer wanted.
    if (now.state !== 'loading' || now.jobId !== jobId) return;
    if (result.ok) {
      const keyPair = get().keyPair;
      const stillThere = keyPair !== null && result.value.keyPairs.some((candidate) => candidate.keyPairId === keyPair.keyPairId);
      set({ inventory: { state: 'loaded', inventory: result.value }, keyPair: stillThere ? keyPair : null });
    } else {
      set({ inventory: { state: 'failed', error: result.error, previous } });
    }
  },

  cancelLoad: async () => {
    const current = get().inventory;
    if (current.state === 'loading') await windowApi().inventory.cancel({ jobId: current.jobId });
  },

  selectKeyPair: (keyPair) => set({ keyPair }),

  saveExport: async (fileName, content, mimeType) => {
    const saved = await windowApi().exports.save({
      fileName,
      content,
      mimeType: mimeType.startsWith('text/csv') ? 'text/csv' : 'application/json',
    });
    return saved.ok ? saved.value.path : null;
  },
}));
