import { attachBlocker, undoBlocker } from '../../shared/domain/attachability';
import { hasAnyKey, hasKey, type KeyPairRef } from '../../shared/domain/detachability';
import type { Instance } from '../../shared/domain/ecs';
import type { ExclusionReason, KeyReplacement } from '../../shared/domain/operation';

/**
 * An undo's fresh read: the instances its detach succeeded on, read by ID just now (Volcengine no longer having one
 * is `not-found`), and the detach it undoes.
 */
export interface UndoSource {
  operationId: string;
  fresh: ReadonlyMap<string, Instance>;
}

/**
 * Why an instance cannot take part in an attach of `keyPair`, or null. From the Instances screen it is judged by
 * what main read of the region (`not-in-inventory` when nothing was); an undo judges it by its own fresh read, and
 * never overwrites a key bound since the detach (`other-key`).
 */
export function attachExclusionOf(
  instanceId: string,
  keyPair: KeyPairRef,
  instances: ReadonlyMap<string, Instance>,
  undo: UndoSource | undefined,
): ExclusionReason | null {
  if (undo !== undefined) {
    const fresh = undo.fresh.get(instanceId);
    return fresh === undefined ? 'not-found' : undoBlocker(fresh, keyPair);
  }
  const known = instances.get(instanceId);
  return known === undefined ? 'not-in-inventory' : attachBlocker(known, keyPair);
}

/**
 * The planned instances that carry another key now, with that key: the attach overwrites it (a rotation), and
 * whoever logs in with the old key is locked out. A key known by ID alone is named by its ID.
 */
export function replacementsOf(plannedIds: readonly string[], keyPair: KeyPairRef, ...sources: Array<ReadonlyMap<string, Instance> | undefined>): KeyReplacement[] {
  const replacing: KeyReplacement[] = [];
  for (const instanceId of plannedIds) {
    const instance = sources.map((source) => source?.get(instanceId)).find((found) => found !== undefined);
    if (instance === undefined || !hasAnyKey(instance) || hasKey(instance, keyPair)) continue;
    replacing.push({ instanceId, keyPairId: instance.keyPairId, keyPairName: instance.keyPairName ?? instance.keyPairId ?? '' });
  }
  return replacing;
}
