import type { KeyPair } from '../../shared/domain/ecs';
import { listingStarted, type InventoryListRequest, type InventoryPage, type KeyPairList, type ListingProgress } from '../../shared/domain/inventory';
import type { Settings } from '../../shared/domain/settings';
import { cloudError, cloudErrorData, isCancellation, type ClientForProfile } from '../cloud/profile-clients';
import type { JobRegistry } from '../jobs/job-registry';
import type { Logger } from '../logging/logger';
import { isUnreachable } from '../volcengine/ecs-error';
import type { InventoryCache } from './inventory-cache';
import type { RegionKnowledge } from './region-knowledge';
import { listRegion } from './region-listing';
import { listInstancesById, listKeyPairInstances } from './scoped-listings';
import { streamCachedRegion } from './cached-region';

/** Where a listing's pages and state changes go: the renderer, through `inventory.page` and `inventory.progress`. */
export interface ListingEvents {
  page(page: InventoryPage): void;
  progress(progress: ListingProgress): void;
}

export interface InventoryService {
  /**
   * Lists what the request's scope names, pushing every page as it arrives; resolves to the final state once it
   * has ended (complete, or incomplete with the reason). Failures are in the answer, never thrown: what arrived
   * before one stays useful.
   */
  list(request: InventoryListRequest, events: ListingEvents): Promise<ListingProgress>;
  /** The region's key pairs; the copy on disk when Volcengine cannot be reached. */
  listKeyPairs(profileId: string, regionId: string): Promise<KeyPairList>;
  /** Deletes every copy kept on disk; how many regions' copies were removed. */
  forgetCache(): Promise<number>;
  /** Resolves once the copies being written have landed (tests, and a tidy quit). */
  settled(): Promise<void>;
}

export interface InventoryServiceOptions {
  clientFor: ClientForProfile;
  knowledge: RegionKnowledge;
  /** Where a listing runs as a job the renderer can cancel (shared with the sweep's search). */
  jobs: JobRegistry;
  cache: InventoryCache;
  settings: () => Settings;
  logger: Logger;
  now: () => Date;
}

/**
 * Runs listings for the renderer. Main keeps what it reads (the region knowledge, which plans are checked
 * against) and hands each page on once; the renderer never sends instance data back. A complete region listing is
 * also kept on disk, to be shown at once next time while the region is listed again.
 */
export function createInventoryService(options: InventoryServiceOptions): InventoryService {
  const { knowledge, cache, logger } = options;
  const keyPairsRead = new Map<string, KeyPair[]>();
  const writes = new Set<Promise<void>>();
  const at = () => options.now().toISOString();
  const regionKey = (profileId: string, regionId: string) => `${profileId}/${regionId}`;

  function keepCopy(profileId: string, regionId: string, readAt: string): void {
    const instances = knowledge.instances(profileId, regionId);
    if (instances === undefined) return;
    const write = (async () => {
      const keyPairs = keyPairsRead.get(regionKey(profileId, regionId)) ?? (await cache.readKeyPairs({ profileId, regionId }))?.keyPairs ?? [];
      await cache.write({ profileId, regionId, readAt, keyPairs, instances: instances.values(), instanceCount: instances.size });
    })().catch((error: unknown) => logger.warn('the region listing could not be kept on disk', { errorName: error instanceof Error ? error.name : typeof error }));
    writes.add(write);
    void write.finally(() => writes.delete(write));
  }

  async function run(request: InventoryListRequest, events: ListingEvents, signal: AbortSignal): Promise<ListingProgress> {
    const { profileId, regionId, jobId, scope } = request;
    const progress = listingStarted(jobId, regionId, scope.kind, at());
    const changed = () => events.progress({ ...progress, zones: progress.zones.map((zone) => ({ ...zone })) });
    const freshPage = (instances: InventoryPage['instances'], counts: { received: number; totalCount: number | null }) => {
      knowledge.record(profileId, regionId, instances);
      progress.received = counts.received;
      progress.totalCount = counts.totalCount;
      events.page({ jobId, source: 'fresh', readAt: at(), instances, received: counts.received, totalCount: counts.totalCount });
    };
    changed();

    // The copy on disk shows while the region is read again; it stops once the fresh listing has ended.
    const cacheStop = new AbortController();
    const cached =
      scope.kind === 'region' && options.settings().keepInventoryCache
        ? streamCachedRegion({ cache, profileId, regionId, jobId, signal: cacheStop.signal, events, onHeader: (header) => ((progress.cached = header), changed()) })
        : Promise.resolve(null);
    const startStamp = knowledge.nextStamp();
    let complete = false;
    try {
      const client = await options.clientFor(profileId, regionId);
      try {
        if (scope.kind === 'region') {
          const outcome = await listRegion({
            client,
            zonesAtOnce: options.settings().zonesListedAtOnce,
            signal,
            onInstances: freshPage,
            onChange: (state) => {
              Object.assign(progress, state);
              changed();
            },
          });
          Object.assign(progress, { mode: outcome.mode, zonesError: outcome.zonesError, zones: outcome.zones, received: outcome.received, totalCount: outcome.totalCount });
          progress.error = outcome.error;
          complete = outcome.complete;
        } else if (scope.kind === 'key-pair') {
          const bound = await listKeyPairInstances({ client, keyPair: scope.keyPair, signal, onInstances: freshPage });
          knowledge.completeKeyListing(profileId, regionId, scope.keyPair.keyPairId, bound, startStamp);
          progress.received = bound.size;
          complete = true;
        } else {
          const gone = await listInstancesById({ client, instanceIds: scope.instanceIds, signal, onInstances: freshPage });
          knowledge.forget(profileId, regionId, gone);
          complete = true;
        }
      } finally {
        await client.close();
      }
    } catch (error) {
      if (!isCancellation(error)) progress.error = cloudErrorData(error, 'The listing');
    }
    cacheStop.abort();
    const cacheOutcome = await cached;
    if (cacheOutcome?.problem) progress.cacheProblem = cacheOutcome.problem;
    progress.cancelled = signal.aborted;
    progress.state = complete && !signal.aborted ? 'complete' : 'incomplete';
    progress.finishedAt = at();
    if (progress.state === 'complete' && scope.kind === 'region') {
      knowledge.completeRegion(profileId, regionId, startStamp);
      if (options.settings().keepInventoryCache) keepCopy(profileId, regionId, progress.startedAt);
    }
    changed();
    return progress;
  }

  return {
    list: (request, events) => options.jobs.run(request.jobId, (signal) => run(request, events, signal)),

    async listKeyPairs(profileId, regionId) {
      try {
        const client = await options.clientFor(profileId, regionId);
        try {
          const keyPairs = await client.describeKeyPairs(undefined, { priority: 'high' });
          keyPairsRead.set(regionKey(profileId, regionId), keyPairs);
          return { regionId, keyPairs, readAt: at(), fromCache: false };
        } finally {
          await client.close();
        }
      } catch (error) {
        // Offline, the key pairs of the copy on disk still let the admin look around; plans need a fresh listing.
        if (isUnreachable(error)) {
          const copy = await cache.readKeyPairs({ profileId, regionId });
          if (copy !== null) return { regionId, keyPairs: copy.keyPairs, readAt: copy.readAt, fromCache: true };
        }
        throw cloudError(error);
      }
    },

    forgetCache: () => cache.forgetAll(),

    async settled() {
      await Promise.all([...writes]);
    },
  };
}
