import type { StoreApi } from 'zustand';
import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { OperationPlan } from '../../../../shared/domain/operation';
import { useInventoryStore, type InventoryState } from '../inventory/inventory-store';
import { useOperationStore, type OperationState } from '../operation/operation-store';
import { useProfilesStore, type ProfilesState } from '../profiles/profiles-store';
import { useInstanceTableStore, type InstanceTableState } from '../instances/instance-table-store';
import { useWorkspaceStore, type WorkspaceMode, type WorkspaceState } from './workspace-store';

export interface WorkspaceFlowStores {
  workspace: StoreApi<WorkspaceState>;
  inventory: StoreApi<InventoryState>;
  profiles: StoreApi<ProfilesState>;
  operation: StoreApi<OperationState>;
  table: StoreApi<InstanceTableState>;
}

/**
 * The Instances screen's flows that span stores, in one place: a profile chosen → its regions → the region's
 * listing; a key pair chosen → its own listing; an operation ended → its instances read again. Components call
 * these; none of it runs in a component's effect.
 */
export function createWorkspaceFlow(stores: WorkspaceFlowStores) {
  const { workspace, inventory, profiles, operation, table } = stores;

  /** Opens the region: its rows stream in (after the copy on disk, if one is kept); resolves when the listing ends. */
  const chooseRegion = async (regionId: string) => {
    const { profileId } = workspace.getState();
    if (profileId === null) return;
    workspace.getState().setRegion(regionId);
    await inventory.getState().open(profileId, regionId);
  };

  const chooseProfile = async (profileId: string, defaultRegion: string) => {
    workspace.getState().setProfile(profileId);
    await workspace.getState().loadRegions(false);
    await chooseRegion(defaultRegion);
  };

  /** Chooses the key pair to take off and lists its instances; resolves when that listing ends. */
  const chooseKeyPair = async (keyPair: KeyPairRef | null) => {
    workspace.getState().setKeyPair(keyPair);
    await inventory.getState().chooseKeyPair(keyPair);
  };

  /**
   * Detach or attach. The key pair chosen for one is not a choice for the other (taking a key off, putting one
   * on), so it is cleared, and with it the selection made for the other action.
   */
  const chooseMode = async (mode: WorkspaceMode) => {
    if (workspace.getState().mode === mode) return;
    workspace.getState().setMode(mode);
    table.getState().setMode(mode);
    await chooseKeyPair(null);
  };

  /** Plans the screen's change for the selected instances: a detach or an attach of the chosen key pair. */
  const planSelection = async () => {
    const { profileId, regionId, keyPair, mode } = workspace.getState();
    if (profileId === null || regionId === null || keyPair === null) return;
    await operation.getState().plan({
      profileId,
      regionId,
      action: mode === 'attach' ? 'attach-key-pair' : 'detach-key-pair',
      keyPair,
      forceStop: false,
      instanceIds: table.getState().selectedIds(),
    });
  };

  /** Lists the region again, and the key pair's instances with it: a plan rests on that listing. */
  const relistRegion = async () => {
    const { keyPair } = workspace.getState();
    await Promise.all([inventory.getState().refreshRegion(), keyPair === null ? Promise.resolve() : inventory.getState().chooseKeyPair(keyPair)]);
  };

  /** The one Refresh: the region list from Volcengine again, and the open region's listing (with the key pair's). */
  const refresh = async () => {
    const { regionId } = workspace.getState();
    await Promise.all([workspace.getState().loadRegions(true), regionId === null ? Promise.resolve() : relistRegion()]);
  };

  const cancelListing = () => inventory.getState().cancelRegion();

  /** The first profile opens by itself, once there is one and none is chosen. */
  const openFirstProfile = () => {
    const first = profiles.getState().profiles[0];
    if (workspace.getState().profileId === null && first !== undefined) void chooseProfile(first.id, first.region);
  };

  /** Bindings changed: the operation's instances (and the key pair's listing) are read again once it has ended. */
  const endedPlan = (state: OperationState): OperationPlan | null => (state.result !== null && state.result.finishedAt !== null ? state.result.plan : null);

  /** Starts following the stores (once per window, from app/start-app.ts); returns what stops it. */
  const start = () => {
    const stops = [
      profiles.subscribe(openFirstProfile),
      operation.subscribe((state, previous) => {
        const plan = endedPlan(state);
        if (plan !== null && plan !== endedPlan(previous)) void inventory.getState().refreshAfterOperation(plan);
      }),
    ];
    openFirstProfile();
    return () => stops.forEach((stop) => stop());
  };

  return { chooseProfile, chooseRegion, chooseKeyPair, chooseMode, planSelection, relistRegion, refresh, cancelListing, start };
}

export type WorkspaceFlow = ReturnType<typeof createWorkspaceFlow>;

export const workspaceFlow = createWorkspaceFlow({
  workspace: useWorkspaceStore,
  inventory: useInventoryStore,
  profiles: useProfilesStore,
  operation: useOperationStore,
  table: useInstanceTableStore,
});
