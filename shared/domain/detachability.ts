import type { Instance } from './ecs';

/** Why an instance cannot take part in a detach of a given key pair (spec: DetachKeyPair rules). */
export const detachBlockers = ['windows', 'status', 'no-key', 'other-key'] as const;
export type DetachBlocker = (typeof detachBlockers)[number];

export interface KeyPairRef {
  keyPairId: string;
  keyPairName: string;
}

type KeyFields = Pick<Instance, 'keyPairId' | 'keyPairName'>;

/** Whether the instance has any key pair bound now. */
export function hasAnyKey(instance: KeyFields): boolean {
  return instance.keyPairId !== null || instance.keyPairName !== null;
}

/** Whether the instance has this key pair bound now (by ID when the instance has one, else by name). */
export function hasKey(instance: KeyFields, keyPair: KeyPairRef): boolean {
  if (instance.keyPairId !== null) return instance.keyPairId === keyPair.keyPairId;
  return instance.keyPairName !== null && instance.keyPairName === keyPair.keyPairName;
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
  if (!hasAnyKey(instance)) return 'no-key';
  if (!hasKey(instance, keyPair)) return 'other-key';
  if (!detachableStatuses.has(instance.status)) return 'status';
  return null;
}
