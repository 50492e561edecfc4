import { startAppUnderTest, valueOf, type AppUnderTest } from '../../support/app-under-test';
import type { CellRun } from './cell-report';
import { createFaultyNetwork } from './faulty-network';
import { keyListingEvidence, sumTallies, tallyListing, type ListingEvidence } from './listing-evidence';
import { buildMatrixFleet, matrixInstanceIds, matrixKey } from './matrix-fleet';
import { clearFaults, faultDefinition, type FaultSurface, type MatrixFault } from './matrix-faults';
import type { MatrixSettings } from './matrix-settings';
import { rendererStores } from './renderer-stores';

export interface KeyListingCellEvidence {
  kind: 'key-listing';
  /** The key pair's listing meets the fault on a page in the middle, twice, then the retry goes through. */
  transient: ListingEvidence;
  /** Every request of the key pair's listing after its first page meets the fault. */
  persistent: ListingEvidence;
  /** What the table says while the key pair's listing is incomplete: nothing may be selected, so no plan is asked for. */
  persistentSelectionWait: string | null;
  persistentSelectable: number;
  /** The listing again, once the fault is gone, and how many instances a plan then takes. */
  reloaded: ListingEvidence;
  plannedAfterReload: number;
  waits: number[];
}

const regionId = 'cn-beijing';

/**
 * One cell for the key-scoped listing (DescribeInstances with `KeyPairName`), which a detach plan rests on. The
 * region is listed first without the fault; then choosing the key pair meets it. Transient: the listing still
 * completes. Persistent: it ends incomplete with the reason shown and nothing can be selected, so a partial list
 * of a key's instances is never taken for the whole. Then, with the fault gone, the key pair is
 * chosen again and a plan takes every instance bound to it.
 */
export async function runKeyListingCell(fault: MatrixFault, settings: MatrixSettings): Promise<CellRun<KeyListingCellEvidence>> {
  const network = await createFaultyNetwork(settings);
  let app: AppUnderTest | undefined;
  try {
    const total = settings.keyListingInstances;
    app = await startAppUnderTest({ fleet: buildMatrixFleet([{ regionId, instances: total }]) }, { createEcsClient: network.createEcsClient });
    const { simulator, api } = app;
    const surface: FaultSurface = { simulator, network };
    const definition = faultDefinition(fault, settings);
    const ids = matrixInstanceIds(0, total);
    const stores = rendererStores(api);
    const aim = { action: 'DescribeInstances', params: { KeyPairName: matrixKey.keyPairName }, skip: 1 } as const;
    await stores.flow.chooseProfile(app.profileId, regionId);

    if (definition.canTarget) definition.arm(surface, aim, { persistence: 'transient', times: 2 });
    await stores.flow.chooseKeyPair(matrixKey);
    const transient = keyListingEvidence(stores, ids);

    definition.arm(surface, aim, { persistence: 'persistent' });
    await stores.flow.chooseKeyPair(matrixKey);
    const persistent = keyListingEvidence(stores, ids);
    const persistentSelectionWait = stores.table.getState().selectionWait;
    const persistentSelectable = stores.table.getState().rows.filter((row) => row.selectable).length;
    const request = { profileId: app.profileId, regionId, action: 'detach-key-pair' as const, keyPair: matrixKey, forceStop: false, instanceIds: ids };

    clearFaults(surface);
    await stores.flow.chooseKeyPair(matrixKey);
    const reloaded = keyListingEvidence(stores, ids);
    const plannedAfterReload = valueOf(await api.operations.plan(request)).instanceIds.length;

    const problems: string[] = [];
    if (reloaded.state !== 'complete' || reloaded.shown !== total) problems.push(`once the fault was gone, the key pair's instances were not listed whole (${reloaded.state}, ${reloaded.shown})`);
    if (plannedAfterReload !== total) problems.push(`a plan after the fault took ${plannedAfterReload} of ${total} instances`);
    if (persistent.state !== 'complete' && persistentSelectable > 0) problems.push('instances could be selected while the key pair was not listed whole');
    const counts = sumTallies([tallyListing(transient), tallyListing(persistent)]);
    return {
      report: {
        fault,
        action: 'key-scoped listing',
        instances: 2 * total,
        ...counts,
        unknown: 0,
        doubleApplied: [...simulator.changeCounts().values()].filter((count) => count > 1).length,
      },
      problems,
      evidence: {
        kind: 'key-listing',
        transient,
        persistent,
        persistentSelectionWait,
        persistentSelectable,
        reloaded,
        plannedAfterReload,
        waits: [...network.waits],
      },
    };
  } finally {
    await app?.close();
    await network.close();
  }
}
