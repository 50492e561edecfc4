import type { InstanceBrief, LeftBehindReason, OperationPlan, PlanBreakdown, PlanEstimate } from '../../../../shared/domain/operation';

export type LeftBehindEntry = OperationPlan['leftBehind'][number];

export interface LeftBehindGroup {
  reason: LeftBehindReason;
  instances: LeftBehindEntry[];
}

/** The instances a plan leaves with the key, by reason, largest group first. */
export function groupLeftBehind(leftBehind: readonly LeftBehindEntry[]): LeftBehindGroup[] {
  const groups = new Map<LeftBehindReason, LeftBehindEntry[]>();
  for (const entry of leftBehind) {
    const group = groups.get(entry.reason) ?? [];
    group.push(entry);
    groups.set(entry.reason, group);
  }
  return [...groups].map(([reason, instances]) => ({ reason, instances })).sort((a, b) => b.instances.length - a.instances.length);
}

/**
 * The exclusions the left-behind list does not already show: instances asked for that are not bound to the key
 * (another key, none, no longer listed), so each instance is explained once.
 */
export function exclusionsNotLeftBehind(excluded: OperationPlan['excluded'], leftBehind: readonly LeftBehindEntry[]): OperationPlan['excluded'] {
  if (leftBehind.length === 0) return excluded;
  const shown = new Set(leftBehind.map((entry) => entry.instanceId));
  return excluded.filter((entry) => !shown.has(entry.instanceId));
}

/** One instance as a line of a plain list: ID, name and private IP, the way an admin recognises it. */
export function instanceLine(instance: Pick<InstanceBrief, 'instanceId' | 'instanceName' | 'privateIp'>): string {
  return [instance.instanceId, instance.instanceName, instance.privateIp ?? ''].filter((part) => part !== '').join('  ');
}

function mergeTally(tallies: ReadonlyArray<PlanBreakdown['byStatus']>): PlanBreakdown['byStatus'] {
  const counts = new Map<string, number>();
  for (const tally of tallies) for (const { value, count } of tally) counts.set(value, (counts.get(value) ?? 0) + count);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Several regions' breakdowns as one (a zone belongs to one region, so zones simply add up). */
export function mergeBreakdowns(breakdowns: readonly PlanBreakdown[]): PlanBreakdown {
  return { byStatus: mergeTally(breakdowns.map((breakdown) => breakdown.byStatus)), byZone: mergeTally(breakdowns.map((breakdown) => breakdown.byZone)) };
}

/** How many planned instances are running: the key keeps working on these until they reboot. */
export function runningCount(breakdown: PlanBreakdown): number {
  return breakdown.byStatus.find((entry) => entry.value === 'RUNNING')?.count ?? 0;
}

/**
 * A sweep's accounts run side by side, while the regions of one account share that account's change pace (main paces
 * each profile's changes as one: its flow limits are the account's). So the whole takes about as long as its busiest
 * account's requests at that pace. Null when any part has no estimate.
 */
export function combineEstimates(parts: ReadonlyArray<{ profileId: string; estimate: PlanEstimate | null }>): PlanEstimate | null {
  const estimates = parts.map((part) => part.estimate);
  if (estimates.length === 0 || estimates.some((estimate) => estimate === null)) return null;
  const first = estimates[0]!;
  const byAccount = new Map<string, number>();
  for (const { profileId, estimate } of parts) byAccount.set(profileId, (byAccount.get(profileId) ?? 0) + estimate!.requests);
  const busiest = Math.max(...byAccount.values());
  const requests = [...byAccount.values()].reduce((sum, count) => sum + count, 0);
  return { ...first, requests, seconds: busiest === 0 ? 0 : Math.max(1, Math.ceil(busiest / first.requestsPerSecond)) };
}

export type DurationText = { key: 'operation.duration.underSecond'; values: Record<string, never> } | { key: 'operation.duration.seconds'; values: { seconds: number } } | { key: 'operation.duration.minutes'; values: { minutes: number; seconds: number } } | { key: 'operation.duration.hours'; values: { hours: number; minutes: number } };

/** A duration as the message that says it: "under a second", "6 s", "2 min 5 s", "1 h 3 min". */
export function durationText(totalSeconds: number): DurationText {
  if (totalSeconds < 1) return { key: 'operation.duration.underSecond', values: {} };
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return { key: 'operation.duration.seconds', values: { seconds } };
  if (seconds < 3600) return { key: 'operation.duration.minutes', values: { minutes: Math.floor(seconds / 60), seconds: seconds % 60 } };
  return { key: 'operation.duration.hours', values: { hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60) } };
}
