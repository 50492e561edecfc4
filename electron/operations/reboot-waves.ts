import type { BatchPlan } from '../../shared/domain/ecs';
import type { RebootWave, RollingRules } from '../../shared/domain/rolling-reboot';
import { maxInstancesPerRequest, splitIntoBatches } from '../volcengine/batching';

export interface FormedWaves {
  waves: RebootWave[];
  /** Every request of every wave, numbered across the operation, in wave order. */
  batches: BatchPlan[];
  /** The instances in the order the waves take them (by zone, grouped by zone). */
  instanceIds: string[];
}

/** The instances grouped by zone: zones in ID order (predictable in review), instances in the order given. */
function byZone(instanceIds: readonly string[], zoneOf: (instanceId: string) => string): Array<{ zoneId: string; instanceIds: string[] }> {
  const zones = new Map<string, string[]>();
  for (const instanceId of instanceIds) {
    const zoneId = zoneOf(instanceId);
    const members = zones.get(zoneId) ?? [];
    members.push(instanceId);
    zones.set(zoneId, members);
  }
  return [...zones.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([zoneId, members]) => ({ zoneId, instanceIds: members }));
}

/**
 * Splits a reboot into waves (`rules.waveSize` instances each, or one per zone), and each wave into requests of at
 * most 100 instances with their own ClientToken: a zone of 250 is one wave of three requests. A wave never shares a
 * request with another, so a wave's requests can all be sent before its wait begins.
 */
export function formWaves(options: {
  instanceIds: readonly string[];
  zoneOf: (instanceId: string) => string;
  rules: RollingRules;
  newClientToken: () => string;
}): FormedWaves {
  const groups =
    options.rules.mode === 'zone'
      ? byZone(options.instanceIds, options.zoneOf)
      : splitIntoBatches(options.instanceIds, options.rules.waveSize).map((instanceIds) => ({ zoneId: null, instanceIds }));
  const waves: RebootWave[] = [];
  const batches: BatchPlan[] = [];
  groups.forEach((group, index) => {
    const firstBatch = batches.length;
    for (const instanceIds of splitIntoBatches(group.instanceIds, maxInstancesPerRequest)) {
      batches.push({ index: batches.length, clientToken: options.newClientToken(), instanceIds });
    }
    waves.push({ index, zoneId: group.zoneId, firstBatch, batchCount: batches.length - firstBatch, instanceIds: group.instanceIds });
  });
  return { waves, batches, instanceIds: groups.flatMap((group) => group.instanceIds) };
}
