import { afterEach, describe, expect, it } from 'vitest';
import { createInventoryStore } from '../../../../renderer/src/features/inventory/inventory-store';
import { useInstanceTableStore } from '../../../../renderer/src/features/instances/instance-table-store';
import { createOperationStore } from '../../../../renderer/src/features/operation/operation-store';
import { useProfilesStore } from '../../../../renderer/src/features/profiles/profiles-store';
import { createWorkspaceFlow } from '../../../../renderer/src/features/workspace/workspace-flow';
import { createWorkspaceStore } from '../../../../renderer/src/features/workspace/workspace-store';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { startAppUnderTest, type AppUnderTest } from '../../../electron/support/app-under-test';
import { buildMatrixFleet, matrixKey } from '../../../electron/reliability/support/matrix-fleet';

/*
 * The flow over the real main-process core and the ECS simulator (only Electron's transport is replaced): what
 * follows a choice of profile, and an operation's end, without a component in sight.
 */

let app: AppUnderTest | undefined;
const stops: Array<() => void> = [];
afterEach(async () => {
  stops.splice(0).forEach((stop) => stop());
  await app?.close();
  app = undefined;
});

const fleetSize = 30;

async function flowOverMain() {
  app = await startAppUnderTest({ fleet: buildMatrixFleet([{ regionId: 'cn-beijing', instances: fleetSize }]) });
  const api = () => app!.api;
  // The profiles store reads `window.api`, as in the window.
  (globalThis as unknown as { window: { api: KeyPairDeskApi } }).window = { api: app.api };
  useProfilesStore.setState({ profiles: [] });
  const stores = {
    workspace: createWorkspaceStore(api),
    inventory: createInventoryStore(api, useInstanceTableStore),
    profiles: useProfilesStore,
    operation: createOperationStore(api),
    table: useInstanceTableStore,
  };
  stops.push(stores.inventory.getState().listen(), stores.operation.getState().listen());
  return { app, stores, flow: createWorkspaceFlow(stores) };
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const pagesHeard = (app: AppUnderTest) => app.events.filter((event) => event.channel === 'inventory.page').length;

describe('the workspace flow', () => {
  it('a profile chosen: its regions, then the region opened and listed into the table', async () => {
    const { app, stores, flow } = await flowOverMain();
    await flow.chooseProfile(app.profileId, 'cn-beijing');
    expect(stores.workspace.getState()).toMatchObject({ profileId: app.profileId, regionId: 'cn-beijing', regionsError: null });
    expect(stores.workspace.getState().regions).not.toBeNull();
    expect(stores.inventory.getState().region?.state).toBe('complete');
    expect(useInstanceTableStore.getState().rows.filter((row) => !row.cached)).toHaveLength(fleetSize);
  });

  it('a key pair chosen: its own listing, which a plan rests on', async () => {
    const { app, stores, flow } = await flowOverMain();
    await flow.chooseProfile(app.profileId, 'cn-beijing');
    await flow.chooseKeyPair(matrixKey);
    expect(stores.workspace.getState().keyPair).toEqual(matrixKey);
    expect(stores.inventory.getState().keyListing).toMatchObject({ keyPair: matrixKey, state: 'complete' });
  });

  it('started, it opens the first profile by itself once the profiles have loaded', async () => {
    const { app, stores, flow } = await flowOverMain();
    stops.push(flow.start());
    expect(stores.workspace.getState().profileId).toBeNull();
    await useProfilesStore.getState().load();
    expect(stores.workspace.getState().profileId).toBe(app.profileId);
    await until(() => stores.inventory.getState().region?.state === 'complete', 'the region to be listed');
  });

  it("reads an ended operation's instances again while started, and nothing once stopped", async () => {
    const { app, stores, flow } = await flowOverMain();
    const stop = flow.start();
    await flow.chooseProfile(app.profileId, 'cn-beijing');
    await flow.chooseKeyPair(matrixKey);
    const detach = async (instanceIds: string[]) => {
      const operation = stores.operation.getState();
      expect(await operation.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'detach-key-pair', keyPair: matrixKey, forceStop: false, instanceIds })).toBe(true);
      expect(await stores.operation.getState().start(stores.operation.getState().currentPlan!.confirmationText)).toBe(true);
      await until(() => stores.operation.getState().result?.finishedAt != null, 'the result');
    };
    const ids = useInstanceTableStore.getState().rows.map((row) => row.id);

    const before = pagesHeard(app);
    await detach(ids.slice(0, 2));
    await until(() => pagesHeard(app) > before, "the operation's instances to be read again");

    stop();
    await until(() => stores.inventory.getState().keyListing?.state === 'complete', "the key pair's listing to end");
    stores.operation.getState().reset();
    // Whatever the first reading still had on its way has landed.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterStop = pagesHeard(app);
    await detach(ids.slice(2, 4));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pagesHeard(app)).toBe(afterStop);
  });
});
