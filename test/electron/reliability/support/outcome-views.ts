import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import type { OperationResult } from '../../../../shared/domain/operation';
import type { ReplayedOperation } from '../../../../electron/journal/journal-replay';

export type OutcomeStatus = InstanceOutcome['status'];

/** One operation as three places tell it: the journal on disk, main's live result, and the renderer's store. */
export interface OperationViews {
  journal: ReplayedOperation | undefined;
  main: OperationResult;
  renderer: OperationResult;
}

export interface ViewCheck {
  /** The status all three views agree on, per instance that has one in all three. */
  statuses: Map<string, OutcomeStatus>;
  /** Instances some view has no outcome for. */
  lost: string[];
  /** Every way the views fall short: a missing outcome, a disagreement, an operation the journal never ended. */
  problems: string[];
}

const byInstance = (outcomes: readonly InstanceOutcome[]) => new Map(outcomes.map((outcome) => [outcome.instanceId, outcome.status]));

/**
 * Checks that each of `instanceIds` has one outcome, the same in every view. The journal's outcome is what it
 * recorded (a batch's answer or a re-check), never what replay infers for a batch that has none.
 */
export function checkViews(label: string, views: OperationViews, instanceIds: readonly string[]): ViewCheck {
  const problems: string[] = [];
  const lost: string[] = [];
  const statuses = new Map<string, OutcomeStatus>();
  const { journal } = views;
  if (journal === undefined) problems.push(`${label}: the journal has no such operation`);
  else if (journal.finished === null) problems.push(`${label}: the journal never recorded its end`);
  const main = byInstance(views.main.outcomes);
  const renderer = byInstance(views.renderer.outcomes);
  for (const instanceId of instanceIds) {
    const seen = { journal: journal?.outcomes.get(instanceId)?.status, main: main.get(instanceId), renderer: renderer.get(instanceId) };
    const missing = Object.entries(seen).filter(([, status]) => status === undefined).map(([view]) => view);
    if (missing.length > 0) {
      lost.push(instanceId);
      problems.push(`${label}: ${instanceId} has no outcome in ${missing.join(', ')}`);
    } else if (seen.journal !== seen.main || seen.main !== seen.renderer) {
      problems.push(`${label}: ${instanceId} is ${seen.journal} in the journal, ${seen.main} in main, ${seen.renderer} in the renderer`);
    } else {
      statuses.set(instanceId, seen.journal!);
    }
  }
  return { statuses, lost, problems };
}

/** How many of each status. */
export function countStatuses(statuses: Iterable<OutcomeStatus>): Record<OutcomeStatus, number> {
  const counts: Record<OutcomeStatus, number> = { succeeded: 0, failed: 0, 'not-sent': 0, unknown: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/**
 * Outcomes that contradict what the simulator did: a success it never applied, a failure it applied, or an
 * unknown it applied twice. `changes` is the simulator's count when the outcome was final.
 */
export function contradictions(label: string, statuses: ReadonlyMap<string, OutcomeStatus>, changes: (instanceId: string) => number): string[] {
  const problems: string[] = [];
  for (const [instanceId, status] of statuses) {
    const count = changes(instanceId);
    const fits = status === 'succeeded' ? count === 1 : status === 'failed' ? count === 0 : count <= 1;
    if (!fits) problems.push(`${label}: ${instanceId} is ${status} but the simulator changed it ${count} time(s)`);
  }
  return problems;
}
