import type { BatchPlan, InstanceOutcome } from '../../shared/domain/ecs';
import type { OperationPlan, OperationProgress, OperationResult, PlanRequest } from '../../shared/domain/operation';
import { AppError } from '../../shared/errors/app-error';
import type { ClientForProfile } from '../cloud/profile-clients';
import type { ProfileService } from '../credentials/profile-service';
import type { InventoryService } from '../inventory/inventory-service';
import type { Logger } from '../logging/logger';
import { cloudError } from '../cloud/profile-clients';
import { buildPlan, type StoredPlan } from './plan-builder';
import { settleUnknown } from './recheck';

export interface OperationService {
  plan(request: PlanRequest): Promise<OperationPlan>;
  /** Whether a plan is waiting to be started (made, not yet started). */
  isPending(planId: string): boolean;
  /** Starts a reviewed plan (once) and returns at once; progress goes to `onProgress`. */
  start(planId: string, confirmation: string | null): { operationId: string };
  cancel(operationId: string): boolean;
  get(operationId: string): OperationResult;
  /** Resolves when the operation has a final outcome for every instance. */
  settled(operationId: string): Promise<OperationResult>;
  /** Asks Volcengine about the instances whose outcome is unknown, and settles what it can. */
  recheck(operationId: string): Promise<OperationResult>;
}

export interface OperationServiceOptions {
  profiles: ProfileService;
  inventory: InventoryService;
  clientFor: ClientForProfile;
  onProgress: (progress: OperationProgress) => void;
  logger: Logger;
  newId: () => string;
  now: () => Date;
}

interface RunningOperation {
  result: OperationResult;
  controller: AbortController;
  done: Promise<OperationResult>;
}

function sameBatches(planned: readonly BatchPlan[], stored: StoredPlan): boolean {
  return (
    planned.length === stored.plan.requests.length &&
    planned.every((batch, index) => {
      const ids = stored.plan.requests[index]!.query.filter(([key]) => key.startsWith('InstanceIds.')).map(([, id]) => id);
      return batch.clientToken === stored.clientTokens[index] && batch.instanceIds.join(',') === ids.join(',');
    })
  );
}

/** Counts the outcomes into the progress, so the two can never disagree. */
function tally(result: OperationResult): void {
  const count = (status: InstanceOutcome['status']) => result.outcomes.filter((outcome) => outcome.status === status).length;
  result.progress.succeeded = count('succeeded');
  result.progress.failed = count('failed');
  result.progress.unknown = count('unknown');
}

/** Outcomes for instances nothing was sent for, because the operation could not begin. */
function neverSent(instanceIds: readonly string[], error: unknown): InstanceOutcome[] {
  const message = error instanceof AppError ? `Not sent: ${error.code}` : 'Not sent: the operation could not start.';
  return instanceIds.map((instanceId) => ({ instanceId, status: 'failed', error: { code: 'ECS_NOT_SENT', message } }));
}

/**
 * Plans and runs bulk changes. The plan is made in main from main's inventory; it runs exactly as reviewed: the
 * client's batches are checked against the plan's requests and ClientTokens before anything is sent. Every instance
 * ends with one outcome, whatever happens.
 */
export function createOperationService(options: OperationServiceOptions): OperationService {
  const plans = new Map<string, StoredPlan>();
  const operations = new Map<string, RunningOperation>();

  const emit = (result: OperationResult) => options.onProgress({ ...result.progress });

  async function run(stored: StoredPlan, operation: RunningOperation): Promise<OperationResult> {
    const { plan } = stored;
    const { result } = operation;
    const progress = result.progress;
    const tokens = [...stored.clientTokens];
    let outcomes: InstanceOutcome[];
    let cancelled = false;
    try {
      const client = await options.clientFor(plan.profileId, plan.regionId, {
        newClientToken: () => {
          const token = tokens.shift();
          if (token === undefined) throw new Error('more batches than the plan has requests');
          return token;
        },
      });
      try {
        const callbacks = {
          signal: operation.controller.signal,
          onPlanned: (batches: readonly BatchPlan[]) => {
            if (!sameBatches(batches, stored)) throw new Error('the batches differ from the reviewed plan');
          },
          onBatchSent: (_batch: BatchPlan, attempt: number) => {
            if (attempt === 1) progress.requestsSent += 1;
            emit(result);
          },
          onBatchFinished: (_batch: BatchPlan, batchOutcomes: readonly InstanceOutcome[], sent: boolean) => {
            if (sent) progress.requestsAnswered += 1;
            for (const outcome of batchOutcomes) progress[outcome.status] += 1;
            emit(result);
          },
        };
        const answer =
          plan.action === 'detach-key-pair' && plan.keyPair !== null
            ? await client.detachKeyPair({ instanceIds: plan.instanceIds, keyPair: { keyPairId: plan.keyPair.keyPairId } }, callbacks)
            : await client.rebootInstances({ instanceIds: plan.instanceIds, forceStop: plan.forceStop }, callbacks);
        outcomes = answer.outcomes;
        cancelled = answer.stopped?.reason === 'cancelled';
      } finally {
        await client.close();
      }
    } catch (error) {
      options.logger.error('operation could not run', { operationId: result.operationId, errorName: error instanceof Error ? error.name : typeof error });
      outcomes = neverSent(plan.instanceIds, error);
    }
    result.outcomes = outcomes;
    tally(result);
    progress.state = cancelled ? 'cancelled' : 'finished';
    result.finishedAt = options.now().toISOString();
    emit(result);
    return result;
  }

  return {
    async plan(request) {
      const instances = options.inventory.known(request.profileId, request.regionId);
      if (instances === undefined) throw new AppError('INVENTORY_NOT_LOADED', 'Load the region before planning.');
      const profile = await options.profiles.get(request.profileId);
      const stored = buildPlan({ request, profile, instances, planId: options.newId(), newClientToken: options.newId });
      plans.set(stored.plan.planId, stored);
      return stored.plan;
    },

    isPending(planId) {
      return plans.has(planId);
    },

    start(planId, confirmation) {
      const stored = plans.get(planId);
      if (stored === undefined) throw new AppError('PLAN_NOT_FOUND', 'No such plan, or it was already started.');
      if (stored.plan.instanceIds.length === 0) throw new AppError('PLAN_EMPTY', 'The plan has no instance.');
      if (stored.plan.confirmationText !== null && confirmation !== stored.plan.confirmationText) {
        throw new AppError('PLAN_CONFIRMATION_MISMATCH', 'The typed confirmation does not match.');
      }
      plans.delete(planId);
      const operationId = options.newId();
      const result: OperationResult = {
        operationId,
        plan: stored.plan,
        startedAt: options.now().toISOString(),
        finishedAt: null,
        progress: {
          operationId,
          state: 'running',
          total: stored.plan.instanceIds.length,
          succeeded: 0,
          failed: 0,
          unknown: 0,
          requestsTotal: stored.plan.requests.length,
          requestsSent: 0,
          requestsAnswered: 0,
        },
        outcomes: [],
      };
      const operation = { result, controller: new AbortController() } as RunningOperation;
      operation.done = run(stored, operation);
      operations.set(operationId, operation);
      emit(result);
      return { operationId };
    },

    cancel(operationId) {
      const operation = operations.get(operationId);
      if (operation === undefined || operation.result.progress.state !== 'running') return false;
      operation.result.progress.state = 'cancelling';
      operation.controller.abort();
      emit(operation.result);
      return true;
    },

    get(operationId) {
      const operation = operations.get(operationId);
      if (operation === undefined) throw new AppError('OPERATION_NOT_FOUND', 'No such operation.');
      return operation.result;
    },

    async recheck(operationId) {
      const operation = operations.get(operationId);
      if (operation === undefined) throw new AppError('OPERATION_NOT_FOUND', 'No such operation.');
      const result = await operation.done;
      const unknown = result.outcomes.filter((outcome) => outcome.status === 'unknown').map((outcome) => outcome.instanceId);
      if (unknown.length === 0) return result;
      const client = await options.clientFor(result.plan.profileId, result.plan.regionId);
      let instances;
      try {
        instances = await client.describeInstances({ instanceIds: unknown });
      } catch (error) {
        throw cloudError(error);
      } finally {
        await client.close();
      }
      const byId = new Map(instances.map((instance) => [instance.instanceId, instance]));
      result.outcomes = result.outcomes.map((outcome) => settleUnknown(result.plan, outcome, byId.get(outcome.instanceId)));
      tally(result);
      emit(result);
      return result;
    },

    settled(operationId) {
      const operation = operations.get(operationId);
      if (operation === undefined) return Promise.reject(new AppError('OPERATION_NOT_FOUND', 'No such operation.'));
      return operation.done;
    },
  };
}
