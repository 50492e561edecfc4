import { startAppUnderTest, type AppUnderTest } from '../../support/app-under-test';
import type { CellRun } from './cell-report';
import { createFaultyNetwork } from './faulty-network';
import { regionEvidence, sumTallies, tallyListing, type ListingEvidence } from './listing-evidence';
import { buildMatrixFleet, matrixInstanceIds } from './matrix-fleet';
import { clearFaults, faultDefinition, type FaultSurface, type MatrixFault } from './matrix-faults';
import type { MatrixSettings } from './matrix-settings';
import { rendererStores } from './renderer-stores';

export interface InventoryCellEvidence {
  kind: 'inventory';
  /** Region A: the fault strikes a page in the middle, twice, then lets the retry through. */
  transient: ListingEvidence;
  /** Region B: the first page answers, every later request meets the fault. */
  persistent: ListingEvidence;
  /** Region B listed again once the fault is gone. */
  reloaded: ListingEvidence;
  waits: number[];
  /** DescribeInstances requests the simulator answered with a fault (network faults never reach it). */
  faultedPages: number;
}

const regions = [
  { regionId: 'cn-beijing', index: 0 },
  { regionId: 'cn-shanghai', index: 1 },
] as const;

/**
 * One cell for inventory paging (a region of one zone, read in one sequence of pages), through the renderer's
 * workspace and inventory stores over two regions of a few pages each: region A meets the fault transiently (the
 * listing must still be complete), region B persistently from its second page on (the listing must end
 * incomplete, say why, and never pass for the region). Then the fault goes and B is listed again, whole.
 */
export async function runInventoryCell(fault: MatrixFault, settings: MatrixSettings): Promise<CellRun<InventoryCellEvidence>> {
  const network = await createFaultyNetwork(settings);
  let app: AppUnderTest | undefined;
  try {
    const perRegion = settings.inventoryInstancesPerRegion;
    app = await startAppUnderTest(
      { fleet: buildMatrixFleet(regions.map(({ regionId }) => ({ regionId, instances: perRegion }))) },
      { createEcsClient: network.createEcsClient },
    );
    const { simulator, api } = app;
    const surface: FaultSurface = { simulator, network };
    const definition = faultDefinition(fault, settings);
    const [a, b] = regions;
    const idsOf = (index: number) => matrixInstanceIds(index, perRegion);
    const stores = rendererStores(api);

    // A clock skew cannot be aimed at one region (the gateway has one clock), and no retry outlives it: A lists
    // without it, and B meets it.
    if (definition.canTarget) definition.arm(surface, { action: 'DescribeInstances', region: a.regionId, skip: 1 }, { persistence: 'transient', times: 2 });
    await stores.flow.chooseProfile(app.profileId, a.regionId);
    const transient = regionEvidence(stores, idsOf(a.index));

    definition.arm(surface, { action: 'DescribeInstances', region: b.regionId, skip: 1 }, { persistence: 'persistent' });
    await stores.flow.chooseRegion(b.regionId);
    const persistent = regionEvidence(stores, idsOf(b.index));

    clearFaults(surface);
    await stores.flow.relistRegion();
    const reloaded = regionEvidence(stores, idsOf(b.index));

    const problems: string[] = [];
    if (reloaded.state !== 'complete' || reloaded.shown !== reloaded.instances) problems.push(`once the fault was gone, region B was not listed whole (${reloaded.state}, ${reloaded.shown})`);
    const counts = sumTallies([tallyListing(transient), tallyListing(persistent)]);
    return {
      report: {
        fault,
        action: 'inventory paging',
        instances: perRegion * regions.length,
        ...counts,
        // A listing has no "maybe": it is complete or it says it is not.
        unknown: 0,
        doubleApplied: [...simulator.changeCounts().values()].filter((count) => count > 1).length,
      },
      problems,
      evidence: {
        kind: 'inventory',
        transient,
        persistent,
        reloaded,
        waits: [...network.waits],
        faultedPages: simulator.requests.filter((request) => request.action === 'DescribeInstances' && request.fault !== undefined).length,
      },
    };
  } finally {
    await app?.close();
    await network.close();
  }
}
