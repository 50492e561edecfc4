import type { InstanceBrief, OperationPlan } from '../../../../shared/domain/operation';
import { instanceLine } from './review-facts';

/** The instances that carry one old key now, which an attach replaces. */
export interface ReplacedKeyGroup {
  keyPairName: string;
  instances: InstanceBrief[];
}

export interface KeyChanges {
  /** Planned instances with no key now: they get their first. */
  first: InstanceBrief[];
  /** Planned instances with another key now, by that key, largest group first. */
  replaced: ReplacedKeyGroup[];
}

type AttachPlan = Pick<OperationPlan, 'instanceIds' | 'instances' | 'replacing'>;

/**
 * What an attach does to each planned instance: a planned instance `replacing` lists has its key overwritten,
 * any other gets its first key (the contract's rule). An instance the plan has no brief of (an older journal)
 * is still counted, by its ID.
 */
export function keyChangesOf(plan: AttachPlan): KeyChanges {
  const briefs = new Map(plan.instances.map((brief) => [brief.instanceId, brief]));
  const oldKeys = new Map((plan.replacing ?? []).map((entry) => [entry.instanceId, entry.keyPairName]));
  const first: InstanceBrief[] = [];
  const byOldKey = new Map<string, InstanceBrief[]>();
  for (const instanceId of plan.instanceIds) {
    const brief = briefs.get(instanceId) ?? { instanceId, instanceName: '', privateIp: null, zoneId: '', status: '' };
    const old = oldKeys.get(instanceId);
    if (old === undefined) first.push(brief);
    else byOldKey.set(old, [...(byOldKey.get(old) ?? []), brief]);
  }
  const replaced = [...byOldKey].map(([keyPairName, instances]) => ({ keyPairName, instances })).sort((a, b) => b.instances.length - a.instances.length || a.keyPairName.localeCompare(b.keyPairName));
  return { first, replaced };
}

/** How many planned instances have their key replaced, and the old keys' names (most instances first). */
export function replacementSummary(plan: AttachPlan): { count: number; keyNames: string[] } {
  const { replaced } = keyChangesOf(plan);
  return { count: replaced.reduce((sum, group) => sum + group.instances.length, 0), keyNames: replaced.map((group) => group.keyPairName) };
}

/** An instance line with its change, for the plain list behind a group's toggle: `i-…  web-1  10.0.0.1  (old → new)`. */
export function changeLine(brief: InstanceBrief, oldName: string | null, newName: string): string {
  return oldName === null ? instanceLine(brief) : `${instanceLine(brief)}  (${oldName} → ${newName})`;
}
