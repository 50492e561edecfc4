import { createOperationStore, type OperationState } from '../../../../renderer/src/features/operation/operation-store';
import { useInstanceTableStore } from '../../../../renderer/src/features/instances/instance-table-store';
import { useInventoryStore } from '../../../../renderer/src/features/inventory/inventory-store';
import { workspaceFlow, type WorkspaceFlow } from '../../../../renderer/src/features/workspace/workspace-flow';
import type { OperationPlan, OperationResult, PlanRequest } from '../../../../shared/domain/operation';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';

type OperationStore = ReturnType<typeof createOperationStore>;

export interface RendererStores {
  flow: WorkspaceFlow;
  inventory: typeof useInventoryStore;
  table: typeof useInstanceTableStore;
  operations: OperationStore;
}

/** What the last cell's stores listen to main with: a new cell stops it, as a window closing would. */
let stopListening: (() => void) | null = null;

/**
 * The renderer's stores, running in Node over the app's `window.api`. The workspace flow and the inventory and
 * table stores are the renderer's module singletons and read `window.api` at each call, so this points them at the
 * cell's app and moves their listeners there; cells run one at a time. The flow's own following of the stores is
 * not started: a cell reads the instances again after an operation when it means to.
 */
export function rendererStores(api: KeyPairDeskApi): RendererStores {
  (globalThis as unknown as { window: { api: KeyPairDeskApi } }).window = { api };
  stopListening?.();
  const operations = createOperationStore(() => api);
  const stops = [useInventoryStore.getState().listen(), operations.getState().listen()];
  stopListening = () => stops.forEach((stop) => stop());
  return { flow: workspaceFlow, inventory: useInventoryStore, table: useInstanceTableStore, operations };
}

/** The instances the table shows read fresh from Volcengine (not from the copy on disk), by ID. */
export function freshRowIds(table: typeof useInstanceTableStore): Set<string> {
  return new Set(table.getState().rows.filter((row) => !row.cached).map((row) => row.id));
}

/** Asks for a plan through the store, as the review screen does; the plan, or an error naming why not. */
export async function planThroughStore(operations: OperationStore, request: PlanRequest): Promise<OperationPlan> {
  if (!(await operations.getState().plan(request))) throw new Error(`planning failed: ${JSON.stringify(operations.getState().lastError)}`);
  const plan = operations.getState().currentPlan;
  if (plan === null) throw new Error('the store has no plan after planning');
  return plan;
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Starts the plan under review (typing the confirmation when asked) and waits until the store shows the result it
 * fetched after main's final progress event: the state the results screen renders.
 */
export async function runThroughStore(operations: OperationStore, plan: OperationPlan, settled: (operationId: string) => Promise<unknown>): Promise<OperationResult> {
  if (!(await operations.getState().start(plan.confirmationText))) throw new Error(`start failed: ${JSON.stringify(operations.getState().lastError)}`);
  const { operationId } = operations.getState() as OperationState & { operationId: string };
  await settled(operationId);
  await until(() => operations.getState().result?.operationId === operationId && !operations.getState().loadingResult, 'the renderer to show the result');
  return operations.getState().result!;
}
