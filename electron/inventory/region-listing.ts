import type { Instance } from '../../shared/domain/ecs';
import type { RegionListingMode, ZoneProgress } from '../../shared/domain/inventory';
import type { AppErrorData } from '../../shared/errors/app-error';
import { cloudErrorData, isCancellation } from '../cloud/profile-clients';
import { runWithConcurrency } from '../volcengine/batching';
import type { EcsClient } from '../volcengine/ecs-client';

export type RegionListingClient = Pick<EcsClient, 'describeInstancesPage' | 'listInstances' | 'describeZones'>;

/** Where a region listing stands; a copy is handed out on every change. */
export interface RegionListingState {
  mode: RegionListingMode | null;
  zonesError: AppErrorData | null;
  zones: ZoneProgress[];
  /** Distinct instances read so far. */
  received: number;
  /** The unfiltered listing's TotalCount, from its first page. */
  totalCount: number | null;
}

export interface RegionListingOutcome extends RegionListingState {
  complete: boolean;
  cancelled: boolean;
  error: AppErrorData | null;
}

export interface RegionListingOptions {
  client: RegionListingClient;
  /** Zone listings in flight at once (a setting, default 4). */
  zonesAtOnce: number;
  signal: AbortSignal;
  /** Instances not handed over before in this listing, page by page as they arrive; never empty. */
  onInstances: (instances: Instance[], counts: { received: number; totalCount: number | null }) => void;
  onChange: (state: RegionListingState) => void;
}

function zonesMissedError(details: string): AppErrorData {
  return {
    code: 'CLOUD_REQUEST_FAILED',
    message: `The zone listings did not cover the region (${details}); it was listed in one sequence instead.`,
    cloud: { code: 'ECS_ZONES_INCOMPLETE', message: details },
  };
}

/**
 * Reads every instance of a region, as fast as the flow limit allows, and says plainly when it could not.
 *
 * The first unfiltered DescribeInstances page and DescribeZones go out together, so rows arrive after one round
 * trip whatever happens next. A region that fits in that page is done. Otherwise each zone is listed on its own
 * (`ZoneId` filter), several at a time: NextToken paging is sequential within one listing, but listings with
 * different filters are independent, so a region of four zones reads in about the time of its largest zone.
 * Instances are handed over once each (the zone listings repeat some of the first page's).
 *
 * When the zones cannot be listed (DescribeZones fails, or names one zone), the unfiltered listing simply goes
 * on from its first page's NextToken: nothing is read twice. When the zone listings evidently missed instances
 * (the first page holds an instance of a zone DescribeZones did not name, or the zones' TotalCounts add up to less
 * than the region's), the unfiltered listing runs to the end too, so nothing is missing. A zone whose listing
 * fails is marked failed while the others go on, and the region is then incomplete, never presented as whole.
 * The first page's failure fails the listing (thrown): nothing was read.
 */
export async function listRegion(options: RegionListingOptions): Promise<RegionListingOutcome> {
  const { client, signal } = options;
  const seen = new Set<string>();
  const state: RegionListingState = { mode: null, zonesError: null, zones: [], received: 0, totalCount: null };
  const changed = () => options.onChange({ ...state, zones: state.zones.map((zone) => ({ ...zone })) });
  const deliver = (instances: readonly Instance[]) => {
    const unseen: Instance[] = [];
    for (const instance of instances) {
      if (seen.has(instance.instanceId)) continue;
      seen.add(instance.instanceId);
      unseen.push(instance);
    }
    state.received = seen.size;
    if (unseen.length > 0) options.onInstances(unseen, { received: state.received, totalCount: state.totalCount });
  };
  const outcome = (complete: boolean, error: AppErrorData | null = null): RegionListingOutcome => ({
    ...state,
    zones: state.zones.map((zone) => ({ ...zone })),
    complete,
    cancelled: signal.aborted,
    error,
  });

  // The first page is asked for first, so it takes the first slot of the read pace: rows after one round trip.
  const firstPage = client.describeInstancesPage({}, { signal, priority: 'high' });
  // DescribeZones is not needed when the first page is the last: it is stopped then, not awaited.
  const zonesController = new AbortController();
  const stopZones = () => zonesController.abort();
  signal.addEventListener('abort', stopZones, { once: true });
  const zonesAnswer = client.describeZones({}, { signal: zonesController.signal }).then(
    (zones) => ({ ok: true as const, zones }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  try {
    let first;
    try {
      first = await firstPage;
    } catch (error) {
      stopZones();
      throw error;
    }
    state.totalCount = first.totalCount ?? null;
    deliver(first.items);
    if (first.nextToken === undefined || first.nextToken === '') {
      stopZones();
      state.mode = 'sequential';
      changed();
      return outcome(true);
    }
    const continueInOneSequence = async (): Promise<RegionListingOutcome> => {
      state.mode = 'sequential';
      changed();
      try {
        await client.listInstances({}, { signal, priority: 'normal', startToken: first.nextToken, onPage: (page) => deliver(page.items) });
        return outcome(true);
      } catch (error) {
        return outcome(false, isCancellation(error) ? null : cloudErrorData(error, 'Listing the region'));
      }
    };

    const zones = await zonesAnswer;
    if (signal.aborted) return outcome(false);
    if (!zones.ok || zones.zones.length < 2) {
      if (!zones.ok) state.zonesError = cloudErrorData(zones.error, 'DescribeZones');
      return await continueInOneSequence();
    }
    const listed = new Set(zones.zones.map((zone) => zone.zoneId));
    const outside = first.items.find((instance) => !listed.has(instance.zoneId));
    if (outside !== undefined) {
      state.zonesError = zonesMissedError(`an instance is in ${outside.zoneId || 'no zone'}, which DescribeZones did not list`);
      return await continueInOneSequence();
    }

    state.mode = 'zones';
    state.zones = zones.zones.map((zone) => ({ zoneId: zone.zoneId, state: 'waiting', received: 0, totalCount: null, error: null }));
    changed();
    await runWithConcurrency(state.zones.length, options.zonesAtOnce, async (index) => {
      const zone = state.zones[index]!;
      if (signal.aborted) {
        zone.state = 'cancelled';
        changed();
        return;
      }
      zone.state = 'listing';
      changed();
      try {
        await client.listInstances(
          { zoneId: zone.zoneId },
          {
            signal,
            priority: 'normal',
            onPage: (page) => {
              zone.received += page.items.length;
              zone.totalCount = page.totalCount ?? null;
              deliver(page.items);
            },
          },
        );
        zone.state = 'complete';
      } catch (error) {
        zone.state = isCancellation(error) ? 'cancelled' : 'failed';
        zone.error = zone.state === 'failed' ? cloudErrorData(error, `Listing zone ${zone.zoneId}`) : null;
      }
      changed();
    });
    if (signal.aborted) return outcome(false);
    const failed = state.zones.find((zone) => zone.state === 'failed');
    if (failed !== undefined) return outcome(false, failed.error);

    const zonesTotal = state.zones.reduce((sum, zone) => sum + (zone.totalCount ?? zone.received), 0);
    if (state.totalCount !== null && zonesTotal < state.totalCount) {
      state.zonesError = zonesMissedError(`the zones hold ${zonesTotal} instances, the region ${state.totalCount}`);
      return await continueInOneSequence();
    }
    return outcome(true);
  } finally {
    signal.removeEventListener('abort', stopZones);
    // Settles the DescribeZones request either way, so nothing outlives the listing.
    await zonesAnswer;
  }
}
