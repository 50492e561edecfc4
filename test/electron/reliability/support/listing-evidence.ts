import type { RendererStores } from './renderer-stores';
import { freshRowIds } from './renderer-stores';

/** What the renderer's stores ended with for one listing (a region, or a key pair's instances). */
export interface ListingEvidence {
  /** The listing as the screen presents it: whole, or incomplete (with its reason, if one is shown). */
  state: 'complete' | 'incomplete' | 'listing' | 'none';
  /** The reason the screen shows (its ECS code when it came from Volcengine); null when none is shown. */
  errorCode: string | null;
  /** Of the instances in scope, how many the table shows read fresh. */
  shown: number;
  /** The instances in scope. */
  instances: number;
}

/** The region's listing as the inventory store and the table show it, for the instances in `ids`. */
export function regionEvidence(stores: RendererStores, ids: readonly string[]): ListingEvidence {
  const view = stores.inventory.getState().region;
  const shown = freshRowIds(stores.table);
  const error = view?.error ?? null;
  return {
    state: view?.state ?? 'none',
    errorCode: error === null ? null : (error.cloud?.code ?? error.code),
    shown: ids.filter((id) => shown.has(id)).length,
    instances: ids.length,
  };
}

/** The key pair's listing, as the inventory store shows it; `shown` counts the instances it has as bound. */
export function keyListingEvidence(stores: RendererStores, ids: readonly string[]): ListingEvidence {
  const view = stores.inventory.getState().keyListing;
  const listing = stores.table.getState().keyListing;
  const bound = listing?.boundIds ?? new Set<string>();
  const error = view?.error ?? null;
  return {
    state: view?.state ?? 'none',
    errorCode: error === null ? null : (error.cloud?.code ?? error.code),
    shown: ids.filter((id) => bound.has(id)).length,
    instances: ids.length,
  };
}

/**
 * A listed instance's "outcome": listed by a listing the screen calls complete (succeeded), or covered by one the
 * screen marks incomplete and says why (failed: it never passes for the whole, and what it did show stays marked
 * so). Lost: missing from a listing called complete, or in one left incomplete with no reason shown.
 */
export function tallyListing(evidence: ListingEvidence): { succeeded: number; failed: number; lost: number } {
  if (evidence.state === 'complete') return { succeeded: evidence.shown, failed: 0, lost: evidence.instances - evidence.shown };
  if (evidence.state === 'incomplete' && evidence.errorCode !== null) return { succeeded: 0, failed: evidence.instances, lost: 0 };
  return { succeeded: 0, failed: 0, lost: evidence.instances };
}

export function sumTallies(tallies: ReadonlyArray<{ succeeded: number; failed: number; lost: number }>) {
  return tallies.reduce((sum, next) => ({ succeeded: sum.succeeded + next.succeeded, failed: sum.failed + next.failed, lost: sum.lost + next.lost }), {
    succeeded: 0,
    failed: 0,
    lost: 0,
  });
}
