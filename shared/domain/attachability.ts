import type { Instance } from './ecs';
import { hasAnyKey, hasKey, type KeyPairRef } from './detachability';

/**
 * Why an instance cannot take part in an attach of a given key pair (spec: AttachKeyPair takes DetachKeyPair's
 * rules). `already-bound`: it has that very key already, so there is nothing to change. Another key bound is no
 * blocker for an attach from the Instances screen (that is a rotation, shown as a replacement); an undo refuses it
 * (`other-key`, see `undoBlocker`).
 */
export const attachBlockers = ['windows', 'status', 'already-bound'] as const;
export type AttachBlocker = (typeof attachBlockers)[number];

/** Only RUNNING or STOPPED instances accept AttachKeyPair, as for DetachKeyPair. */
const attachableStatuses: ReadonlySet<string> = new Set(['RUNNING', 'STOPPED']);

type KeyFacts = Pick<Instance, 'osType' | 'status' | 'keyPairId' | 'keyPairName'>;

/** The reason an instance cannot get `keyPair` attached, or null when it can. */
export function attachBlocker(instance: KeyFacts, keyPair: KeyPairRef): AttachBlocker | null {
  if (instance.osType.toLowerCase() === 'windows') return 'windows';
  if (hasKey(instance, keyPair)) return 'already-bound';
  if (!attachableStatuses.has(instance.status)) return 'status';
  return null;
}

/**
 * The reason an undo (re-attaching the key a detach took off) leaves an instance out, or null. An instance that has
 * another key bound since is never overwritten by an undo: someone chose that key after the detach.
 */
export function undoBlocker(instance: KeyFacts, keyPair: KeyPairRef): AttachBlocker | 'other-key' | null {
  const blocker = attachBlocker(instance, keyPair);
  if (blocker !== null) return blocker;
  return hasAnyKey(instance) ? 'other-key' : null;
}
