import type { ExclusionReason, OperationPlan, PlannedRequest } from '../../../../shared/domain/operation';

export interface ExclusionGroup {
  reason: ExclusionReason;
  instanceIds: string[];
}

/** The excluded instances by reason, largest group first. */
export function groupExclusions(excluded: OperationPlan['excluded']): ExclusionGroup[] {
  const groups = new Map<ExclusionReason, string[]>();
  for (const { instanceId, reason } of excluded) {
    const ids = groups.get(reason) ?? [];
    ids.push(instanceId);
    groups.set(reason, ids);
  }
  return [...groups].map(([reason, instanceIds]) => ({ reason, instanceIds })).sort((a, b) => b.instanceIds.length - a.instanceIds.length);
}

/** One planned call as a line: `DetachKeyPair InstanceIds.1=i-… KeyPairId=kp-… ClientToken=…`. */
export function formatPlannedRequest(request: PlannedRequest): string {
  return [request.action, ...request.query.map(([name, value]) => `${name}=${value}`)].join(' ');
}

/** The confirm button stays off until the text is typed exactly (no trimming: the name is what must match). */
export function isConfirmed(confirmationText: string | null, typed: string): boolean {
  return confirmationText === null || typed === confirmationText;
}
