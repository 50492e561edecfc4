import type { AppErrorData } from '../../shared/errors/app-error';
import type { InventoryCache } from './inventory-cache';
import type { ListingEvents } from './inventory-service';

/** Lets fresh pages and IPC answers in between chunks of the copy, so showing it never holds up the listing. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Shows the region's last complete listing from disk as `cached` pages, chunk by chunk, until `signal` says the
 * fresh listing has ended. Never planned from: only the renderer gets it, and it marks those rows as cached. A
 * damaged or outdated copy is set aside and reported, never fatal.
 */
export async function streamCachedRegion(options: {
  cache: InventoryCache;
  profileId: string;
  regionId: string;
  jobId: string;
  signal: AbortSignal;
  events: ListingEvents;
  onHeader: (header: { readAt: string; received: number }) => void;
}): Promise<{ problem: AppErrorData | null }> {
  const { jobId, events } = options;
  let readAt = '';
  let total: number | null = null;
  let received = 0;
  try {
    const result = await options.cache.read({
      profileId: options.profileId,
      regionId: options.regionId,
      signal: options.signal,
      onHeader: (header) => {
        readAt = header.readAt;
        total = header.instanceCount;
        options.onHeader({ readAt, received: header.instanceCount });
      },
      onChunk: async (instances) => {
        if (options.signal.aborted) return;
        received += instances.length;
        events.page({ jobId, source: 'cached', readAt, instances, received, totalCount: total });
        await yieldToOthers();
      },
    });
    if (result.kind !== 'set-aside') return { problem: null };
    return {
      problem: {
        code: 'INVENTORY_CACHE_SET_ASIDE',
        message: `The copy of ${options.regionId} kept on disk was ${result.reason} and has been set aside.`,
      },
    };
  } catch {
    // Reading a cache must never stop a listing; the copy is simply not shown.
    return { problem: null };
  }
}
