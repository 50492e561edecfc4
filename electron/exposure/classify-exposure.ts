import { detachBlocker } from '../../shared/domain/detachability';
import { outcomeDetail, type Instance, type InstanceOutcome } from '../../shared/domain/ecs';
import { isNotSentOutcome, type ExposedInstance, type ExposureBucket, type ExposureReport } from '../../shared/domain/exposure';
import type { OperationResult } from '../../shared/domain/operation';
import { rebootedSince } from './rebooted-since';

export interface ExposureFacts {
  /** The detach being checked, as the app shows it. */
  result: OperationResult;
  /** The key pair's instances, freshly listed (KeyPairName, kept where KeyPairId is the key's); null when that read failed. */
  bound: readonly Instance[] | null;
  /** The operation's instances and those the key was detached from, freshly read by ID; null when that read failed. */
  read: ReadonlyMap<string, Instance> | null;
  /** Every instance the key was detached from, with when that answer was recorded (see app-record.ts). */
  detachedAt: ReadonlyMap<string, string | null>;
  /** When the app's successful reboots of each instance started. */
  rebootStarts: ReadonlyMap<string, readonly string[]>;
}

type Buckets = ExposureReport['buckets'];

function exposed(instance: Instance, detail: string): ExposedInstance {
  return {
    instanceId: instance.instanceId,
    instanceName: instance.instanceName === '' ? null : instance.instanceName,
    privateIp: instance.privateIp,
    status: instance.status,
    detail,
  };
}

function errorCodeOf(outcome: InstanceOutcome): string {
  return outcomeDetail(outcome)?.code ?? '';
}

/**
 * Why a still-bound instance is still bound, from what the operation did with it. One it never planned: the reason
 * the plan gave, else what keeps it from a detach now (Windows, its status), else that it was not selected.
 */
function boundBucket(outcome: InstanceOutcome | undefined, excluded: ReadonlyMap<string, string>, instance: Instance, keyPair: { keyPairId: string; keyPairName: string }): [ExposureBucket, string] {
  if (outcome === undefined) return ['leftOut', excluded.get(instance.instanceId) ?? detachBlocker(instance, keyPair) ?? 'not-selected'];
  if (isNotSentOutcome(outcome)) return ['notSent', errorCodeOf(outcome)];
  if (outcome.status === 'succeeded') return ['leftOut', 'bound-again'];
  return ['failed', errorCodeOf(outcome)];
}

/**
 * Every instance where the key still works, each in exactly one bucket. Still bound (from the key's listing, or
 * from the read by ID when it shows the key): the operation's outcome says why (failed or unknown: failed; never
 * sent: not sent; not in the plan, or detached and bound again since: left out). Detached and RUNNING and not
 * rebooted by the app since: not yet rebooted. A detached instance that is STOPPED (or otherwise not running) is
 * not exposed now: it picks the change up when it starts.
 */
export function classifyExposure(facts: ExposureFacts): Pick<ExposureReport, 'buckets' | 'total'> {
  const { result } = facts;
  const keyPair = result.plan.keyPair ?? { keyPairId: '', keyPairName: '' };
  const { keyPairId } = keyPair;
  const outcomes = new Map(result.outcomes.map((outcome) => [outcome.instanceId, outcome]));
  const excluded = new Map(result.plan.excluded.map((entry) => [entry.instanceId, entry.reason]));
  const buckets: Buckets = { failed: [], notSent: [], leftOut: [], notYetRebooted: [] };

  const stillBound = new Map<string, Instance>();
  for (const instance of facts.bound ?? []) stillBound.set(instance.instanceId, instance);
  for (const instance of facts.read?.values() ?? []) {
    // The read by ID is the fresher of the two when they disagree only by timing; either showing the key is enough.
    if (instance.keyPairId === keyPairId && !stillBound.has(instance.instanceId)) stillBound.set(instance.instanceId, instance);
  }
  for (const instance of stillBound.values()) {
    const [bucket, detail] = boundBucket(outcomes.get(instance.instanceId), excluded, instance, keyPair);
    buckets[bucket].push(exposed(instance, detail));
  }

  for (const [instanceId, detachedAt] of facts.detachedAt) {
    const instance = facts.read?.get(instanceId);
    // Gone (released) or not read: nothing to say about it; a failed read is reported as a problem.
    if (instance === undefined || stillBound.has(instanceId) || instance.status !== 'RUNNING') continue;
    if (rebootedSince(detachedAt, facts.rebootStarts.get(instanceId) ?? [])) continue;
    buckets.notYetRebooted.push(exposed(instance, 'detached'));
  }

  const total = buckets.failed.length + buckets.notSent.length + buckets.leftOut.length + buckets.notYetRebooted.length;
  return { buckets, total };
}
