import type { ListingProgress } from './inventory';

// Apart from the schemas in inventory.ts, so that the renderer can use it without carrying zod.

/** A listing that has just begun: nothing read, nothing decided. */
export function listingStarted(jobId: string, regionId: string, scope: ListingProgress['scope'], at: string): ListingProgress {
  return {
    jobId,
    regionId,
    scope,
    state: 'listing',
    received: 0,
    totalCount: null,
    mode: null,
    zonesError: null,
    zones: [],
    cancelled: false,
    error: null,
    cached: null,
    cacheProblem: null,
    startedAt: at,
    finishedAt: null,
  };
}
