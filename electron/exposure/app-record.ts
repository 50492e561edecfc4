import { mayHaveDetached } from '../../shared/domain/exposure';
import type { OperationResult } from '../../shared/domain/operation';
import type { ReplayedOperation } from '../journal/journal-replay';

/*
 * What the app's own record (the journal, which every operation writes before each step) says about a key pair's
 * detaches and the reboots since, in the shape the exposure rules take.
 */

export interface DetachRecord {
  /** Instances the key was detached from (outcome succeeded, or unknown: it may have been), and when the answer saying so was recorded (null: not known). */
  detachedAt: Map<string, string | null>;
}

const sameKeyPair = (operation: ReplayedOperation, result: OperationResult) =>
  operation.planned.action === 'detach-key-pair' &&
  operation.planned.profileId === result.plan.profileId &&
  operation.planned.regionId === result.plan.regionId &&
  operation.planned.keyPair?.keyPairId === result.plan.keyPair?.keyPairId;

function later(a: string | null | undefined, b: string | null): string | null {
  if (a === undefined) return b;
  if (a === null || b === null) return null;
  return a > b ? a : b;
}

/**
 * Every instance the key pair was detached from, by this operation and by every other detach of the same key pair
 * in the same profile and region (an earlier run, a retry): the key stays effective on each until it reboots,
 * whichever run took it off. Where two runs did, the later answer counts (a reboot must come after it). This
 * operation's own outcomes come from `result` (the live account, which may be ahead of the journal); their times
 * from the journal when it has them.
 */
export function detachesOfKeyPair(result: OperationResult, journal: readonly ReplayedOperation[]): DetachRecord {
  const detachedAt = new Map<string, string | null>();
  for (const operation of journal) {
    if (!sameKeyPair(operation, result) || operation.operationId === result.operationId) continue;
    for (const [instanceId, outcome] of operation.outcomes) {
      if (!mayHaveDetached(outcome)) continue;
      detachedAt.set(instanceId, later(detachedAt.get(instanceId), operation.outcomeAt.get(instanceId) ?? null));
    }
  }
  const own = journal.find((operation) => operation.operationId === result.operationId);
  for (const outcome of result.outcomes) {
    if (!mayHaveDetached(outcome)) continue;
    detachedAt.set(outcome.instanceId, later(detachedAt.get(outcome.instanceId), own?.outcomeAt.get(outcome.instanceId) ?? null));
  }
  return { detachedAt };
}

/** When each reboot the app made in this profile and region started, for each instance it succeeded for. */
export function appRebootStarts(profileId: string, regionId: string, journal: readonly ReplayedOperation[]): Map<string, string[]> {
  const starts = new Map<string, string[]>();
  for (const operation of journal) {
    const { planned } = operation;
    if (planned.action !== 'reboot' || planned.profileId !== profileId || planned.regionId !== regionId) continue;
    for (const [instanceId, outcome] of operation.outcomes) {
      if (outcome.status !== 'succeeded') continue;
      starts.set(instanceId, [...(starts.get(instanceId) ?? []), planned.at]);
    }
  }
  return starts;
}
