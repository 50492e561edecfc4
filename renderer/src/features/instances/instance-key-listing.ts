import type { KeyPairRef } from '../../../../shared/domain/detachability';

/**
 * The fresh key-pair-scoped listing of the chosen key pair: the instances Volcengine says are bound to it now.
 * An instance's own data (possibly from the copy on disk, possibly minutes old) is not enough to detach from, so
 * rows become selectable only once this listing is complete.
 */
export interface KeyListing {
  keyPairId: string;
  state: 'listing' | 'complete' | 'incomplete';
  /** The IDs the listing returned (so far, while it runs). */
  boundIds: ReadonlySet<string>;
}

/**
 * What the Instances screen is about to do with the chosen key pair: take it off the instances bound to it, or put
 * it on any of the region's instances (a first key, or a rotation over another).
 */
export type TableMode = 'detach' | 'attach';

/** Why nothing is selectable yet; null once the chosen key pair's listing is complete (or, to attach, once one is chosen). */
export type SelectionWait = 'choose-key-pair' | 'key-listing' | 'key-listing-incomplete' | null;

/** What judging a row depends on, besides the row's own instance. */
export interface RowJudge {
  mode: TableMode;
  keyPair: KeyPairRef | null;
  /** The chosen key pair's complete listing; null while there is none (nothing is selectable then, for a detach). */
  boundIds: ReadonlySet<string> | null;
}

/** A listing of another key pair than the chosen one counts as none. */
function listingFor(keyPair: KeyPairRef | null, listing: KeyListing | null): KeyListing | null {
  return keyPair !== null && listing !== null && listing.keyPairId === keyPair.keyPairId ? listing : null;
}

export function rowJudgeOf(keyPair: KeyPairRef | null, listing: KeyListing | null, mode: TableMode = 'detach'): RowJudge {
  const own = listingFor(keyPair, listing);
  return { mode, keyPair, boundIds: own !== null && own.state === 'complete' ? own.boundIds : null };
}

/** Whether two judges judge every row the same, so rows need not be judged again. */
export function sameJudge(a: RowJudge, b: RowJudge): boolean {
  const sameKey = a.keyPair === b.keyPair || (a.keyPair !== null && b.keyPair !== null && a.keyPair.keyPairId === b.keyPair.keyPairId && a.keyPair.keyPairName === b.keyPair.keyPairName);
  return sameKey && a.mode === b.mode && a.boundIds === b.boundIds;
}

export function selectionWaitOf(keyPair: KeyPairRef | null, listing: KeyListing | null, mode: TableMode = 'detach'): SelectionWait {
  if (keyPair === null) return 'choose-key-pair';
  // An attach is judged by what main read of the region's instances: the key's own listing is not its basis.
  if (mode === 'attach') return null;
  const own = listingFor(keyPair, listing);
  if (own === null || own.state === 'listing') return 'key-listing';
  return own.state === 'incomplete' ? 'key-listing-incomplete' : null;
}
