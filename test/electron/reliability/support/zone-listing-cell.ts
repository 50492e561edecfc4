import type { ZoneProgress } from '../../../../shared/domain/inventory';
import { startAppUnderTest, type AppUnderTest } from '../../support/app-under-test';
import type { CellRun } from './cell-report';
import { createFaultyNetwork } from './faulty-network';
import { regionEvidence, sumTallies, tallyListing, type ListingEvidence } from './listing-evidence';
import { buildMatrixFleet, matrixInstanceIds } from './matrix-fleet';
import { clearFaults, faultDefinition, type FaultSurface, type MatrixFault } from './matrix-faults';
import type { MatrixSettings } from './matrix-settings';
import { rendererStores } from './renderer-stores';

export interface ZoneListingCellEvidence {
  kind: 'zone-listing';
  /** The fault strikes the first page of one zone's listing twice, then lets the retry through. */
  transient: ListingEvidence;
  /** The fault strikes every request of another zone's listing (or, for clock skew, every request). */
  persistent: ListingEvidence;
  /** Each zone's listing as main reported it at the end of the persistent run. */
  persistentZones: ZoneProgress[];
  /** The zone the persistent fault was aimed at. */
  brokenZone: string;
  reloaded: ListingEvidence;
  mode: string | null;
  waits: number[];
}

const regionId = 'cn-beijing';
/** Four zones as uneven as a real region's: 40%, 30%, 20% and 10% of the instances. */
const zoneShares = [4, 3, 2, 1] as const;
const zoneIds = zoneShares.map((_, index) => `${regionId}-${'abcd'[index]!}`);

/**
 * One cell for the zone-parallel listing of a region of four uneven zones. A fault aimed at one zone's listing
 * (its `ZoneId` filter) must leave the other zones whole: transient, the region still ends complete; persistent,
 * that zone ends failed, the region incomplete with the reason shown, never passed off as whole. Then the region is
 * listed again without the fault, whole.
 */
export async function runZoneListingCell(fault: MatrixFault, settings: MatrixSettings): Promise<CellRun<ZoneListingCellEvidence>> {
  const network = await createFaultyNetwork(settings);
  let app: AppUnderTest | undefined;
  try {
    const total = settings.zoneListingInstances;
    const fleet = buildMatrixFleet([{ regionId, instances: total }]);
    const shareTotal = zoneShares.reduce((sum, share) => sum + share, 0);
    const [region] = fleet.regions;
    const zoneOf = (index: number) => {
      let bound = 0;
      for (const [zone, share] of zoneShares.entries()) {
        bound += (share / shareTotal) * total;
        if (index < bound) return zoneIds[zone]!;
      }
      return zoneIds.at(-1)!;
    };
    const zoned = { regions: [{ ...region!, zoneIds, instances: region!.instances.map((instance, index) => ({ ...instance, zoneId: zoneOf(index) })) }] };
    app = await startAppUnderTest({ fleet: zoned }, { createEcsClient: network.createEcsClient });
    const { simulator, api } = app;
    const surface: FaultSurface = { simulator, network };
    const definition = faultDefinition(fault, settings);
    const ids = matrixInstanceIds(0, total);
    const stores = rendererStores(api);
    const brokenZone = zoneIds[2]!;

    if (definition.canTarget) definition.arm(surface, { action: 'DescribeInstances', params: { ZoneId: zoneIds[1]! } }, { persistence: 'transient', times: 2 });
    await stores.flow.chooseProfile(app.profileId, regionId);
    const transient = regionEvidence(stores, ids);
    const mode = stores.inventory.getState().region?.progress?.mode ?? null;

    // A clock skew strikes every request: the first page then fails, and nothing is listed.
    definition.arm(surface, { action: 'DescribeInstances', params: { ZoneId: brokenZone } }, { persistence: 'persistent' });
    await stores.flow.relistRegion();
    const persistent = regionEvidence(stores, ids);
    const persistentZones = stores.inventory.getState().region?.progress?.zones ?? [];

    clearFaults(surface);
    await stores.flow.relistRegion();
    const reloaded = regionEvidence(stores, ids);

    const problems: string[] = [];
    if (reloaded.state !== 'complete' || reloaded.shown !== reloaded.instances) problems.push(`once the fault was gone, the region was not listed whole (${reloaded.state}, ${reloaded.shown})`);
    // Two listings of the same instances, each counted: the transient one and the persistent one.
    const counts = sumTallies([tallyListing(transient), tallyListing(persistent)]);
    return {
      report: {
        fault,
        action: 'zone-parallel listing',
        instances: 2 * total,
        ...counts,
        unknown: 0,
        doubleApplied: [...simulator.changeCounts().values()].filter((count) => count > 1).length,
      },
      problems,
      evidence: { kind: 'zone-listing', transient, persistent, persistentZones, brokenZone, reloaded, mode, waits: [...network.waits] },
    };
  } finally {
    await app?.close();
    await network.close();
  }
}
