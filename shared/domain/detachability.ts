import type { Instance } from './ecs';

/** Why an instance cannot take part in a detach of a given key pair (spec: DetachKeyPair rules). */
export const detachBlockers = ['windows', 'status', 'no-key', 'other-key'] as const;
export type DetachBlocker = (typeof detachBlockers)[number];

export interface KeyPairRef {
  keyPairId: string;
  keyPairName: string;
}

/** Only RUNNING or STOPPED instances accept DetachKeyPair. */
const detachableStatuses: ReadonlySet<string> = new Set(['RUNNING', 'STOPPED']);

/**
 * The reason an instance cannot be selected for detaching `keyPair`, or null when it can. Whether the
 * password-reset agent is installed is not visible in DescribeInstances, so that one is only known from the
 * service's answer.
 */
export function detachBlocker(instance: Pick<Instance, 'osType' | 'status' | 'keyPairId' | 'keyPairName'>, keyPair: KeyPairRef): DetachBlocker | null {
  if (instance.osType.toLowerCase() === 'windows') return 'windows';
  if (instance.keyPairId === null && instance.keyPairName === null) return 'no-key';
  const sameKey = instance.keyPairId !== null ? instance.keyPairId === keyPair.keyPairId : instance.keyPairName === keyPair.keyPairName;
  if (!sameKey) return 'other-key';
  if (!detachableStatuses.has(instance.status)) return 'status';
  return null;
}
