import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { InventoryPage, InventoryScope, KeyPairList, ListingProgress } from '../../../../shared/domain/inventory';
import { listingStarted } from '../../../../shared/domain/listing-started';
import type { OperationPlan } from '../../../../shared/domain/operation';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { windowApi } from '../../api/window-api';
import { createPageBuffer, type PageBuffer } from './page-buffer';
import { useInstanceTableStore, type InstanceTableState } from '../instances/instance-table-store';

type ListingState = ListingProgress['state'];

/** The region's listing as the screen shows it: how far it is, whether the copy on disk is showing, how it ended. */
export interface RegionListingView {
  jobId: string;
  state: ListingState;
  /** Fresh instances shown so far, and how many the region holds (TotalCount), once known. */
  received: number;
  totalCount: number | null;
  /** The latest state main reported: mode, zones, the copy on disk, what went wrong. */
  progress: ListingProgress | null;
  /** The copy on disk being shown (its time and how many of its rows arrived), until the fresh listing ends. */
  cached: { readAt: string; shown: number } | null;
  /** What stopped it short, or why it could not start (null when complete or cancelled). */
  error: AppErrorData | null;
  cancelled: boolean;
  startedAt: string;
  finishedAt: string | null;
}

/** The listing of the chosen key pair's instances: Review waits for it. */
export interface KeyListingView {
  jobId: string;
  keyPair: KeyPairRef;
  state: ListingState;
  received: number;
  totalCount: number | null;
  error: AppErrorData | null;
  finishedAt: string | null;
}

export type KeyPairsView =
  | { state: 'idle' }
  | { state: 'loading'; previous: KeyPairList | null }
  | { state: 'loaded'; list: KeyPairList }
  | { state: 'failed'; error: AppErrorData; previous: KeyPairList | null };

export interface InventoryState {
  profileId: string | null;
  regionId: string | null;
  region: RegionListingView | null;
  keyListing: KeyListingView | null;
  keyPairs: KeyPairsView;
  /** Opens a region: the table starts empty (or with the copy on disk) and fills as pages arrive. */
  open: (profileId: string, regionId: string) => Promise<void>;
  /** Lists the region again; rows stay until the new listing has passed them, and those it did not see then go. */
  refreshRegion: () => Promise<void>;
  cancelRegion: () => Promise<void>;
  /** Chooses the key pair to detach and lists its instances (null clears it). */
  chooseKeyPair: (keyPair: KeyPairRef | null) => Promise<void>;
  /** After an operation: reads its instances again and, for a detach or an attach, the key pair's listing. */
  refreshAfterOperation: (plan: OperationPlan) => Promise<void>;
  /** Deletes every copy kept on this computer; how many, or null when it failed. */
  forgetCache: () => Promise<number | null>;
  /** Starts hearing main's page and progress events (app/listen-to-main.ts, once per window); returns what stops it. */
  listen: () => () => void;
}

interface Job {
  scope: InventoryScope['kind'];
  /** The IDs a key pair's listing returned. */
  seen?: Set<string>;
  /** Fresh instances its pages have brought so far, and who waits for a count. */
  delivered: number;
  waiters: Array<{ count: number; resolve: () => void }>;
}

/**
 * How long a listing's end waits for pages still on their way. Electron delivers events and answers in order, but
 * nothing in the contract promises it, and a test bridge does not; a page lost for good must not hang the screen.
 */
const latePageWaitMs = 5_000;

/** How often pages are applied while they stream in (the first goes at once). */
const pageIntervalMs = 100;

const newJobId = () => crypto.randomUUID();

/** A listing main could not even start (the request failed as a whole): incomplete, with the reason. */
function failedToList(error: AppErrorData, jobId: string, regionId: string, scope: ListingProgress['scope']): ListingProgress {
  const now = new Date().toISOString();
  return { ...listingStarted(jobId, regionId, scope, now), state: 'incomplete', error, finishedAt: now };
}

/**
 * The streamed inventory: starts the listings, turns their page events into table rows (batched, cached ones
 * marked) and keeps the state each listing is in. Every instance arrives once, as a page; nothing goes back.
 */
export function createInventoryStore(
  api: () => KeyPairDeskApi = windowApi,
  table: StoreApi<InstanceTableState> = useInstanceTableStore,
): UseBoundStore<StoreApi<InventoryState>> {
  // Rows carry the stamp of the batch that last wrote them; cached rows carry 0.
  let stamp = 1;
  const jobs = new Map<string, Job>();

  return create<InventoryState>()((set, get) => {
    // The counts every page carries, shown with its rows: one store update per batch, not one per page.
    let pendingRegion: Partial<RegionListingView> | null = null;
    let pendingKeyListing: Partial<KeyListingView> | null = null;
    const showCounts = () => {
      const { region, keyListing } = get();
      const next: Partial<InventoryState> = {};
      if (pendingRegion !== null && region !== null) next.region = { ...region, ...pendingRegion };
      if (pendingKeyListing !== null && keyListing !== null) next.keyListing = { ...keyListing, ...pendingKeyListing };
      pendingRegion = null;
      pendingKeyListing = null;
      if (next.region !== undefined || next.keyListing !== undefined) set(next);
    };
    const buffer: PageBuffer = createPageBuffer(
      (batch) => table.getState().mergeInstances(batch.instances, { stamp: batch.cached ? 0 : stamp++, cached: batch.cached }),
      pageIntervalMs,
      showCounts,
    );

    const delivered = (job: Job, page: InventoryPage) => {
      if (page.source !== 'fresh') return;
      job.delivered = Math.max(job.delivered, page.received);
      const ready = job.waiters.filter((waiter) => waiter.count <= job.delivered);
      job.waiters = job.waiters.filter((waiter) => waiter.count > job.delivered);
      for (const waiter of ready) waiter.resolve();
    };

    /** Resolves once the job's pages have brought `count` fresh instances (or after a while, if some never come). */
    const untilDelivered = (jobId: string, count: number) => {
      const job = jobs.get(jobId);
      if (job === undefined || job.delivered >= count) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, latePageWaitMs);
        job.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    };

    const onPage = (page: InventoryPage) => {
      const job = jobs.get(page.jobId);
      if (job === undefined) return;
      delivered(job, page);
      const { region, keyListing } = get();
      if (job.scope === 'region' && region?.jobId === page.jobId) {
        // A copy from disk arriving after the fresh listing ended would bring back what is gone.
        if (page.source === 'cached' && region.state !== 'listing') return;
        const first = region.received === 0 && region.cached === null && pendingRegion === null;
        pendingRegion =
          page.source === 'cached'
            ? { ...pendingRegion, cached: { readAt: page.readAt, shown: page.received } }
            : { ...pendingRegion, received: page.received, totalCount: page.totalCount };
        buffer.push(page.instances, page.source === 'cached', first);
        return;
      }
      if (page.source !== 'fresh') return;
      if (job.scope === 'key-pair') {
        for (const instance of page.instances) job.seen?.add(instance.instanceId);
        if (keyListing?.jobId === page.jobId) pendingKeyListing = { received: page.received, totalCount: page.totalCount };
      }
      buffer.push(page.instances, false);
    };

    const onProgress = (progress: ListingProgress) => {
      const { region } = get();
      if (region?.jobId === progress.jobId && region.state === 'listing') set({ region: { ...region, progress } });
    };

    const list = async (scope: InventoryScope, jobId: string): Promise<ListingProgress> => {
      const { profileId, regionId } = get();
      if (profileId === null || regionId === null) throw new Error('no region is open');
      const answer = await api().inventory.list({ profileId, regionId, jobId, scope });
      if (answer.ok) await untilDelivered(jobId, answer.value.received);
      buffer.flush();
      return answer.ok ? answer.value : failedToList(answer.error, jobId, regionId, scope.kind);
    };

    const listRegion = async () => {
      const { regionId } = get();
      if (regionId === null) return;
      const jobId = newJobId();
      const startStamp = stamp;
      jobs.set(jobId, { scope: 'region', delivered: 0, waiters: [] });
      set({
        region: { jobId, state: 'listing', received: 0, totalCount: null, progress: null, cached: null, error: null, cancelled: false, startedAt: new Date().toISOString(), finishedAt: null },
      });
      const ended = await list({ kind: 'region' }, jobId);
      const current = get().region;
      if (current?.jobId !== jobId) return;
      // Whole: rows it did not see (deleted since, or a cached row never refreshed) are gone.
      if (ended.state === 'complete') table.getState().dropRowsOlderThan(startStamp);
      set({
        region: {
          ...current,
          state: ended.state,
          progress: ended,
          received: ended.received,
          totalCount: ended.totalCount ?? current.totalCount,
          cached: ended.state === 'complete' ? null : current.cached,
          error: ended.error ?? ended.cacheProblem,
          cancelled: ended.cancelled,
          finishedAt: ended.finishedAt,
        },
      });
    };

    const loadKeyPairs = async () => {
      const { profileId, regionId, keyPairs } = get();
      if (profileId === null || regionId === null) return;
      const previous = keyPairs.state === 'loaded' ? keyPairs.list : keyPairs.state === 'idle' ? null : keyPairs.previous;
      set({ keyPairs: { state: 'loading', previous } });
      const answer = await api().inventory.listKeyPairs({ profileId, regionId });
      if (get().regionId !== regionId || get().profileId !== profileId) return;
      set({ keyPairs: answer.ok ? { state: 'loaded', list: answer.value } : { state: 'failed', error: answer.error, previous } });
    };

    const listKeyPair = async (keyPair: KeyPairRef) => {
      const jobId = newJobId();
      const seen = new Set<string>();
      jobs.set(jobId, { scope: 'key-pair', seen, delivered: 0, waiters: [] });
      set({ keyListing: { jobId, keyPair, state: 'listing', received: 0, totalCount: null, error: null, finishedAt: null } });
      table.getState().setKeyListing({ keyPairId: keyPair.keyPairId, state: 'listing', boundIds: seen });
      const ended = await list({ kind: 'key-pair', keyPair }, jobId);
      const current = get().keyListing;
      if (current?.jobId !== jobId) return;
      table.getState().setKeyListing({ keyPairId: keyPair.keyPairId, state: ended.state, boundIds: new Set(seen) });
      set({ keyListing: { ...current, state: ended.state, received: ended.received, error: ended.error, finishedAt: ended.finishedAt } });
    };

    const cancelJob = async (jobId: string | undefined) => {
      if (jobId !== undefined) await api().inventory.cancel({ jobId });
    };

    return {
      profileId: null,
      regionId: null,
      region: null,
      keyListing: null,
      keyPairs: { state: 'idle' },

      open: async (profileId, regionId) => {
        const { region, keyListing } = get();
        buffer.clear();
        pendingRegion = null;
        pendingKeyListing = null;
        jobs.clear();
        void cancelJob(region?.state === 'listing' ? region.jobId : undefined);
        void cancelJob(keyListing?.state === 'listing' ? keyListing.jobId : undefined);
        set({ profileId, regionId, region: null, keyListing: null, keyPairs: { state: 'idle' } });
        table.getState().reset();
        await Promise.all([listRegion(), loadKeyPairs()]);
      },

      refreshRegion: async () => {
        const { region } = get();
        if (region?.state === 'listing') return;
        await Promise.all([listRegion(), loadKeyPairs()]);
      },

      cancelRegion: async () => {
        const { region } = get();
        if (region?.state === 'listing') await cancelJob(region.jobId);
      },

      chooseKeyPair: async (keyPair) => {
        const { keyListing } = get();
        if (keyListing?.state === 'listing') void cancelJob(keyListing.jobId);
        table.getState().setKeyPair(keyPair);
        if (keyPair === null) {
          set({ keyListing: null });
          table.getState().setKeyListing(null);
          return;
        }
        await listKeyPair(keyPair);
      },

      refreshAfterOperation: async (plan) => {
        const { regionId, profileId, keyListing } = get();
        if (plan.regionId !== regionId || plan.profileId !== profileId) return;
        const relist = plan.action !== 'reboot' && keyListing !== null && keyListing.keyPair.keyPairId === plan.keyPair?.keyPairId;
        const jobId = newJobId();
        jobs.set(jobId, { scope: 'instances', delivered: 0, waiters: [] });
        await Promise.all([
          plan.instanceIds.length > 0 ? list({ kind: 'instances', instanceIds: plan.instanceIds }, jobId) : Promise.resolve(),
          relist ? listKeyPair(keyListing.keyPair) : Promise.resolve(),
        ]);
      },

      forgetCache: async () => {
        const answer = await api().inventory.forgetCache();
        return answer.ok ? answer.value.removed : null;
      },

      listen: () => {
        const stops = [api().on.inventory.page(onPage), api().on.inventory.progress(onProgress)];
        return () => stops.forEach((stop) => stop());
      },
    };
  });
}

export const useInventoryStore = createInventoryStore();
