import type { OperationAction } from '../../shared/domain/operation';
import { AppError } from '../../shared/errors/app-error';

/** A running operation, as a refusal names it. */
export interface RunningChange {
  operationId: string;
  action: OperationAction;
  keyPairName: string | null;
  regionId: string;
}

/**
 * Which instances running operations are changing, so one instance is changed by one operation at a time: two
 * detaches, or a reboot during a detach, would race each other's requests and leave outcomes that contradict each
 * other. Every change (a detach, an attach, a reboot rolling or not, a resume, a retry, each region of a sweep) claims its
 * instances before its first request and releases them when it ends, however it ends.
 */
export interface InstancesInFlight {
  /**
   * Throws OPERATION_INSTANCES_BUSY, naming the running operation that holds the most of them, when any of the
   * instances is claimed; claims nothing then.
   */
  check(regionId: string, instanceIds: readonly string[]): void;
  /** Checks, then claims the instances for the operation. */
  claim(change: RunningChange, instanceIds: readonly string[]): void;
  /** Releases every instance the operation claimed (nothing when it claimed none). */
  release(operationId: string): void;
  /** How many instances and operations are claimed (a diagnostic for tests of bounded memory). */
  size(): { instances: number; operations: number };
}

/**
 * Instances are keyed by region and ID, not by profile: two profiles may reach the same account, and an
 * instance ID names one instance in a region whichever key reaches it.
 */
const keyOf = (regionId: string, instanceId: string) => `${regionId}/${instanceId}`;

export function createInstancesInFlight(): InstancesInFlight {
  const holders = new Map<string, string>();
  const running = new Map<string, { change: RunningChange; keys: string[] }>();

  const check = (regionId: string, instanceIds: readonly string[]) => {
    const held = new Map<string, number>();
    let overlapping = 0;
    for (const instanceId of new Set(instanceIds)) {
      const holder = holders.get(keyOf(regionId, instanceId));
      if (holder === undefined) continue;
      overlapping += 1;
      held.set(holder, (held.get(holder) ?? 0) + 1);
    }
    if (overlapping === 0) return;
    const [operationId] = [...held.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const { change } = running.get(operationId)!;
    const asked = new Set(instanceIds).size;
    const what =
      change.action === 'reboot'
        ? `a reboot in ${change.regionId}`
        : `${change.action === 'attach-key-pair' ? 'an attach' : 'a detach'} of key pair ${change.keyPairName ?? ''} in ${change.regionId}`;
    throw new AppError('OPERATION_INSTANCES_BUSY', `${overlapping} of the ${asked} instances are being changed by a running operation (${what}, ${operationId}).`, {
      busy: { operationId, action: change.action, keyPairName: change.keyPairName, regionId: change.regionId, overlapping, asked },
    });
  };

  return {
    check,

    claim(change, instanceIds) {
      check(change.regionId, instanceIds);
      const keys = [...new Set(instanceIds)].map((instanceId) => keyOf(change.regionId, instanceId));
      for (const key of keys) holders.set(key, change.operationId);
      running.set(change.operationId, { change, keys });
    },

    release(operationId) {
      const claimed = running.get(operationId);
      if (claimed === undefined) return;
      for (const key of claimed.keys) if (holders.get(key) === operationId) holders.delete(key);
      running.delete(operationId);
    },

    size: () => ({ instances: holders.size, operations: running.size }),
  };
}
