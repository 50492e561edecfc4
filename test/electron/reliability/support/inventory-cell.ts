import { currentInventory, type InventoryState } from '../../../../renderer/src/stores/workspace-store';
import { startAppUnderTest, type AppUnderTest } from '../../support/app-under-test';
import type { CellRun } from './cell-report';
import { createFaultyNetwork } from './faulty-network';
import { buildMatrixFleet, matrixInstanceIds } from './matrix-fleet';
import { clearFaults, faultDefinition, type FaultSurface, type MatrixFault } from './matrix-faults';
import type { MatrixSettings } from './matrix-settings';
import { rendererStores } from './renderer-stores';

/** What the renderer's workspace store ended with for one region's load. */
export interface RegionLoadEvidence {
  regionId: string;
  state: InventoryState['state'];
  /** The error the store shows when the load failed (its ECS code when it came from Volcengine). */
  errorCode: string | null;
  /** Of the region's instances, how many the screen would list. */
  shown: number;
  instances: number;
}

export interface InventoryCellEvidence {
  kind: 'inventory';
  /** Region A: the fault strikes a page in the middle, twice, then lets the retry through. */
  transient: RegionLoadEvidence;
  /** Region B: the first page answers, every later request meets the fault. */
  persistent: RegionLoadEvidence;
  /** Region B loaded again once the fault is gone. */
  reloaded: RegionLoadEvidence;
  waits: number[];
  /** DescribeInstances requests the simulator answered with a fault (network faults never reach it). */
  faultedPages: number;
}

const regions = [
  { regionId: 'cn-beijing', index: 0 },
  { regionId: 'cn-shanghai', index: 1 },
] as const;

function evidenceOf(regionId: string, state: InventoryState, ids: readonly string[]): RegionLoadEvidence {
  const shownIds = new Set(currentInventory(state)?.instances.map((instance) => instance.instanceId) ?? []);
  const errorCode = state.state === 'failed' ? (state.error.cloud?.code ?? state.error.code) : null;
  return { regionId, state: state.state, errorCode, shown: ids.filter((id) => shownIds.has(id)).length, instances: ids.length };
}

/**
 * An instance's inventory "outcome": listed by a load that says it is complete (succeeded), or covered by a load
 * that ended with an error the screen shows (failed). Lost: missing from a load that says it is complete, or listed
 * by a failed load as if it were the region (a silent partial inventory).
 */
function tally(evidence: RegionLoadEvidence): { succeeded: number; failed: number; lost: number } {
  if (evidence.state === 'loaded') return { succeeded: evidence.shown, failed: 0, lost: evidence.instances - evidence.shown };
  if (evidence.state === 'failed' && evidence.errorCode !== null) return { succeeded: 0, failed: evidence.instances, lost: evidence.shown };
  return { succeeded: 0, failed: 0, lost: evidence.instances };
}

/**
 * One cell for inventory paging, through the renderer's workspace store over two regions of a few pages each:
 * region A meets the fault transiently (the load must still be complete), region B persistently from its second
 * page on (the load must fail, visibly, and never present the first page as the region). Then the fault goes and
 * B is loaded again.
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
    const { workspace } = rendererStores(api);

    // A clock skew cannot be aimed at one region (the gateway has one clock), and no retry outlives it: A loads
    // without it, and B meets it.
    if (definition.canTarget) definition.arm(surface, { action: 'DescribeInstances', region: a.regionId, skip: 1 }, { persistence: 'transient', times: 2 });
    await workspace.getState().selectProfile(app.profileId, a.regionId);
    const transient = evidenceOf(a.regionId, workspace.getState().inventory, idsOf(a.index));

    definition.arm(surface, { action: 'DescribeInstances', region: b.regionId, skip: 1 }, { persistence: 'persistent' });
    await workspace.getState().selectRegion(b.regionId);
    const persistent = evidenceOf(b.regionId, workspace.getState().inventory, idsOf(b.index));

    clearFaults(surface);
    await workspace.getState().loadInventory();
    const reloaded = evidenceOf(b.regionId, workspace.getState().inventory, idsOf(b.index));

    const problems: string[] = [];
    if (reloaded.state !== 'loaded' || reloaded.shown !== reloaded.instances) problems.push(`once the fault was gone, region B did not load whole (${reloaded.state}, ${reloaded.shown})`);
    const counts = [tally(transient), tally(persistent)].reduce((sum, next) => ({
      succeeded: sum.succeeded + next.succeeded,
      failed: sum.failed + next.failed,
      lost: sum.lost + next.lost,
    }));
    return {
      report: {
        fault,
        action: 'inventory paging',
        instances: perRegion * regions.length,
        succeeded: counts.succeeded,
        failed: counts.failed,
        // A load has no "maybe": it completes or it fails.
        unknown: 0,
        lost: counts.lost,
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
