import { detachBlocker, type KeyPairRef } from '../../shared/domain/detachability';
import type { Instance } from '../../shared/domain/ecs';
import type { ExclusionReason, InstanceBrief, OperationPlan, PlanBreakdown, PlanEstimate } from '../../shared/domain/operation';
import type { Settings } from '../../shared/domain/settings';

/** What the results and the history show beside an instance's ID, as it was when planned. */
function briefOf(instance: Instance): InstanceBrief {
  return { instanceId: instance.instanceId, instanceName: instance.instanceName, privateIp: instance.privateIp, zoneId: instance.zoneId, status: instance.status };
}

/** The brief of an instance main has not read (cannot happen for a planned one, but the record stays whole). */
function unreadBrief(instanceId: string): InstanceBrief {
  return { instanceId, instanceName: '', privateIp: null, zoneId: '', status: '' };
}

/** Briefs for the instances, from the freshest read of each. */
export function briefsOf(instanceIds: readonly string[], ...sources: Array<ReadonlyMap<string, Instance> | null>): InstanceBrief[] {
  return instanceIds.map((instanceId) => {
    for (const source of sources) {
      const instance = source?.get(instanceId);
      if (instance !== undefined) return briefOf(instance);
    }
    return unreadBrief(instanceId);
  });
}

/**
 * Every instance bound to the key pair that the plan leaves with the key, and why: its exclusion reason when it was
 * asked for, what would stop a detach anyway (Windows, a status) when it was not, else `not-selected`.
 */
export function leftBehindOf(options: {
  bound: ReadonlyMap<string, Instance>;
  keyPair: KeyPairRef;
  planned: ReadonlySet<string>;
  excluded: ReadonlyMap<string, ExclusionReason>;
}): OperationPlan['leftBehind'] {
  const left: OperationPlan['leftBehind'] = [];
  for (const instance of options.bound.values()) {
    if (options.planned.has(instance.instanceId)) continue;
    const reason = options.excluded.get(instance.instanceId) ?? detachBlocker(instance, options.keyPair) ?? 'not-selected';
    left.push({ ...briefOf(instance), reason });
  }
  return left;
}

function tally(values: readonly string[], max: number): PlanBreakdown['byStatus'] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, max);
}

/** The planned instances by status and by zone (an unread one counts under ""), largest first. */
export function breakdownOf(instances: readonly InstanceBrief[]): PlanBreakdown {
  return { byStatus: tally(instances.map((instance) => instance.status), 64), byZone: tally(instances.map((instance) => instance.zoneId), 256) };
}

/**
 * The least time sending takes: the change pacer lets one request leave every 1/rate seconds and never bursts
 * (request-pacer.ts), so n requests need about n/rate seconds however many are in flight at once.
 */
export function estimateOf(requests: number, settings: Pick<Settings, 'changeRequestsPerSecond' | 'requestConcurrency'>): PlanEstimate {
  const requestsPerSecond = settings.changeRequestsPerSecond;
  return { requests, requestsPerSecond, concurrency: settings.requestConcurrency, seconds: requests === 0 ? 0 : Math.max(1, Math.ceil(requests / requestsPerSecond)) };
}
