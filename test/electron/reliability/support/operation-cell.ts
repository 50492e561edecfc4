import type { OperationAction, OperationResult, PlanRequest } from '../../../../shared/domain/operation';
import { startAppUnderTest, type AppUnderTest } from '../../support/app-under-test';
import type { CellRun } from './cell-report';
import { createFaultyNetwork } from './faulty-network';
import { replayJournalOnDisk } from './journal-view';
import { buildMatrixFleet, matrixAttachKey, matrixKey } from './matrix-fleet';
import { clearFaults, faultDefinition, type FaultDose, type FaultSurface, type MatrixFault } from './matrix-faults';
import type { MatrixSettings } from './matrix-settings';
import { checkViews, contradictions, countStatuses, type OutcomeStatus } from './outcome-views';
import { freshRowIds, planThroughStore, rendererStores, runThroughStore } from './renderer-stores';

/**
 * What each batch of an operation meets. Four roles, repeated over the batches: a clean control, a fault that
 * strikes once (the first retry succeeds), a fault that never stops (the client gives up), and a fault that
 * strikes until the last attempt the retry policy allows (which succeeds).
 */
export const batchRoles = ['clean', 'transient-once', 'persistent', 'transient-until-last'] as const;
export type BatchRole = (typeof batchRoles)[number];

export type OperationMatrixAction = 'DetachKeyPair' | 'AttachKeyPair' | 'RebootInstances';

const planAction: Record<OperationMatrixAction, OperationAction> = { DetachKeyPair: 'detach-key-pair', AttachKeyPair: 'attach-key-pair', RebootInstances: 'reboot' };
/** The key a change cell names: the one every instance has (a detach), one none has (an attach), none (a reboot). */
const planKey = { DetachKeyPair: matrixKey, AttachKeyPair: matrixAttachKey, RebootInstances: null } as const;
const regionId = 'cn-beijing';

export interface BatchEvidence {
  role: BatchRole;
  instanceIds: string[];
  /** Sends of the batch, as the journal recorded them (1 = never retried). */
  attempts: number;
  /** Its instances' statuses when the operation ended, before any follow-up. */
  statuses: OutcomeStatus[];
  /** The same after the re-check, when the cell made one. */
  statusesAfterRecheck: OutcomeStatus[];
}

export interface OperationCellEvidence {
  kind: 'operation';
  batches: BatchEvidence[];
  /** Whether the cell asked to re-check unknown outcomes (it does when there are any). */
  rechecked: boolean;
  /**
   * The second run, once the fault is gone, of the instances the first one failed: the admin's follow-up, through
   * "Retry the failed ones" when it offers them, else by selecting them. `missing`
   * for an instance the second run has no outcome for (left out of its plan, or lost).
   */
  rerun: { instanceIds: string[]; statuses: Array<OutcomeStatus | 'missing'> } | null;
  /** Every wait between attempts the client asked for. */
  waits: number[];
}

function instanceIdsOf(query: ReadonlyArray<readonly [string, string]>): string[] {
  return query.filter(([key]) => /^InstanceIds\.\d+$/.test(key)).map(([, value]) => value);
}

const dose = (role: BatchRole, maxAttempts: number): FaultDose =>
  role === 'transient-once' ? { persistence: 'transient', times: 1 } : role === 'transient-until-last' ? { persistence: 'transient', times: maxAttempts - 1 } : { persistence: 'persistent' };

/**
 * One cell for a change: a fleet loaded through the renderer's workspace flow, every instance planned and started
 * through the operation store (as the review screen does), the fault armed per batch. When the operation ends the
 * cell does what an admin would: re-check unknown outcomes, then, with the fault gone, run again the instances that
 * failed. It then reads the journal back from disk and compares it with main and the renderer.
 */
export async function runOperationCell(fault: MatrixFault, action: OperationMatrixAction, settings: MatrixSettings): Promise<CellRun<OperationCellEvidence>> {
  const network = await createFaultyNetwork(settings);
  let app: AppUnderTest | undefined;
  try {
    app = await startAppUnderTest({ fleet: buildMatrixFleet([{ regionId, instances: settings.operationInstances }]) }, { createEcsClient: network.createEcsClient });
    const { simulator, api, core } = app;
    // The matrix is about the transport, not the rollout: a reboot goes out in one wave (its requests side by side,
    // as a detach's) and no threshold stops it, so every batch meets its fault.
    if (action === 'RebootInstances') await api.settings.update({ rebootWaveSize: 1000, rebootFailurePercent: 100 });
    const surface: FaultSurface = { simulator, network };
    const definition = faultDefinition(fault, settings);
    const { flow, inventory, table, operations } = rendererStores(api);
    await flow.chooseProfile(app.profileId, regionId);
    const listing = inventory.getState().region;
    if (listing?.state !== 'complete') throw new Error(`the fleet was not listed before the fault: ${listing?.state ?? 'not at all'}`);
    // As the screen does for a detach: choosing the key pair lists its instances, which the plan rests on.
    if (action === 'DetachKeyPair') await flow.chooseKeyPair(matrixKey);
    const fleetIds = [...freshRowIds(table)];

    const request: PlanRequest = {
      profileId: app.profileId,
      regionId,
      action: planAction[action],
      keyPair: planKey[action],
      forceStop: false,
      instanceIds: fleetIds,
    };
    const plan = await planThroughStore(operations, request);
    const planned = plan.requests.map((planned) => instanceIdsOf(planned.query));
    const roles = planned.map((_, index): BatchRole => (definition.canTarget ? batchRoles[index % batchRoles.length]! : 'persistent'));
    if (definition.canTarget) {
      planned.forEach((instanceIds, index) => {
        if (roles[index] !== 'clean') definition.arm(surface, { action, instanceIds }, dose(roles[index]!, settings.maxAttempts));
      });
    } else {
      definition.arm(surface, {}, { persistence: 'persistent' });
    }

    const settled = (operationId: string) => core.operations.settled(operationId);
    const first = await runThroughStore(operations, plan, settled);
    const statusesAtEnd = new Map(first.outcomes.map((outcome) => [outcome.instanceId, outcome.status]));
    const rechecked = first.progress.unknown > 0;
    if (rechecked) await operations.getState().recheckUnknown();
    const firstShown: OperationResult = operations.getState().result!;
    const changesAfterFirst = simulator.changeCounts();

    clearFaults(surface);
    const failedIds = firstShown.outcomes.filter((outcome) => outcome.status === 'failed').map((outcome) => outcome.instanceId);
    let rerunPlanned: string[] = [];
    let second: OperationResult | null = null;
    if (failedIds.length > 0) {
      // As the admin would: the instances are read again (the workspace screen does when an operation ends), then
      // "Retry the failed ones"; when it offers nothing (a failure the admin had to fix first, such as the clock),
      // select them again.
      await inventory.getState().refreshAfterOperation(first.plan);
      const offered = (await operations.getState().retryFailed()) ? operations.getState().currentPlan : null;
      const rerunPlan = offered ?? (await planThroughStore(operations, { ...request, instanceIds: failedIds }));
      rerunPlanned = rerunPlan.instanceIds;
      // A plan that leaves every failed instance out (they changed after all) is reported below, not started.
      if (rerunPlanned.length > 0) second = await runThroughStore(operations, rerunPlan, settled);
    }
    const mainFirst = structuredClone(await core.operations.get(first.operationId));
    const mainSecond = second === null ? null : structuredClone(await core.operations.get(second.operationId));

    await core.close();
    const journal = await replayJournalOnDisk(app.userDataDir);
    const journalOf = (operationId: string) => journal.operations.find((operation) => operation.operationId === operationId);

    const problems: string[] = [];
    const excluded = plan.excluded.map((entry) => entry.instanceId);
    if (excluded.length > 0) problems.push(`the plan left out ${excluded.length} instance(s) of an eligible fleet`);
    if (journal.skippedLines > 0) problems.push(`the journal has ${journal.skippedLines} unreadable line(s)`);
    const firstCheck = checkViews('first run', { journal: journalOf(first.operationId), main: mainFirst, renderer: firstShown }, fleetIds);
    problems.push(...firstCheck.problems, ...contradictions('first run', firstCheck.statuses, (id) => changesAfterFirst.get(id) ?? 0));
    const lost = new Set([...firstCheck.lost, ...excluded]);
    // A failed instance the second run cannot plan is one whose failure was not true (it changed after all).
    const notPlanned = failedIds.filter((id) => !rerunPlanned.includes(id));
    if (notPlanned.length > 0) problems.push(`the second run left out ${notPlanned.length} instance(s) the first reported failed`);
    if (second !== null && mainSecond !== null) {
      const secondCheck = checkViews('second run', { journal: journalOf(second.operationId), main: mainSecond, renderer: second }, rerunPlanned);
      problems.push(...secondCheck.problems, ...contradictions('second run', secondCheck.statuses, (id) => simulator.changeCount(id)));
      for (const id of secondCheck.lost) lost.add(id);
    }

    const counts = countStatuses(firstCheck.statuses.values());
    const replayedFirst = journalOf(first.operationId);
    return {
      report: {
        fault,
        action,
        instances: fleetIds.length,
        ...counts,
        lost: lost.size,
        doubleApplied: [...simulator.changeCounts().values()].filter((count) => count > 1).length,
      },
      problems,
      evidence: {
        kind: 'operation',
        batches: planned.map((instanceIds, index) => ({
          role: roles[index]!,
          instanceIds,
          attempts: replayedFirst?.batches[index]?.attempts ?? 0,
          statuses: instanceIds.map((id) => statusesAtEnd.get(id)!),
          statusesAfterRecheck: instanceIds.map((id) => firstCheck.statuses.get(id)!),
        })),
        rechecked,
        rerun: failedIds.length === 0 ? null : { instanceIds: failedIds, statuses: failedIds.map((id) => (second === null ? undefined : statusIn(second, id)) ?? 'missing') },
        waits: [...network.waits],
      },
    };
  } finally {
    await app?.close();
    await network.close();
  }
}

function statusIn(result: OperationResult, instanceId: string): OutcomeStatus | undefined {
  return result.outcomes.find((outcome) => outcome.instanceId === instanceId)?.status;
}
