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

/** Why nothing is selectable yet; null once the chosen key pair's listing is complete. */
export type SelectionWait = 'choose-key-pair' | 'key-listing' | 'key-listing-incomplete' | null;

/** What judging a row depends on, besides the row's own instance. */
export interface RowJudge {
  keyPair: KeyPairRef | null;
  /** The chosen key pair's complete listing; null while there is none (nothing is selectable then). */
  boundIds: ReadonlySet<string> | null;
}

/** A listing of another key pair than the chosen one counts as none. */
function listingFor(keyPair: KeyPairRef | null, listing: KeyListing | null): KeyListing | null {
  return keyPair !== null && listing !== null && listing.keyPairId === keyPair.keyPairId ? listing : null;
}

export function rowJudgeOf(keyPair: KeyPairRef | null, listing: KeyListing | null): RowJudge {
  const own = listingFor(keyPair, listing);
  return { keyPair, boundIds: own !== null && own.state === 'complete' ? own.boundIds : null };
}

/** Whether two judges judge every row the same, so rows need not be judged again. */
export function sameJudge(a: RowJudge, b: RowJudge): boolean {
  const sameKey = a.keyPair === b.keyPair || (a.keyPair !== null && b.keyPair !== null && a.keyPair.keyPairId === b.keyPair.keyPairId && a.keyPair.keyPairName === b.keyPair.keyPairName);
  return sameKey && a.boundIds === b.boundIds;
}

export function selectionWaitOf(keyPair: KeyPairRef | null, listing: KeyListing | null): SelectionWait {
  if (keyPair === null) return 'choose-key-pair';
  const own = listingFor(keyPair, listing);
  if (own === null || own.state === 'listing') return 'key-listing';
  return own.state === 'incomplete' ? 'key-listing-incomplete' : null;
}
