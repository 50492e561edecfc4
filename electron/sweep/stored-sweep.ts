import type { KeyPairRef } from '../../shared/domain/detachability';

/**
 * What main remembers of a sweep's search: the key pair ID it found in each account's region, which plans use
 * (never the renderer's), and the accounts' order, which a plan's parts follow.
 */
export interface StoredSweep {
  keyPairName: string;
  accountOrder: readonly string[];
  /** profileId → regionId → the key pair of that name there. */
  keyPairs: ReadonlyMap<string, ReadonlyMap<string, KeyPairRef>>;
}
