import { apiError } from './api-error';
import type { ChangeCounter } from './change-counter';
import { apiVersion } from './envelope';
import type { FleetState } from './fleet-state';
import type { IdempotencyStore } from './idempotency-store';
import type { QueryParams } from './query-params';
import { errorOutcome } from './actions/action-types';
import type { ActionContext, ActionHandler, ActionOutcome, RebootEnding } from './actions/action-types';
import { createDescribeInstances } from './actions/describe-instances';
import { createDescribeKeyPairs } from './actions/describe-key-pairs';
import { createDescribeRegions } from './actions/describe-regions';
import { createDescribeZones } from './actions/describe-zones';
import { createKeyPairOperation } from './actions/key-pair-operation';
import { createRebootInstance } from './actions/reboot-instance';
import { createRebootInstances } from './actions/reboot-instances';

export interface RouterDependencies {
  readonly fleet: FleetState;
  readonly changes: ChangeCounter;
  readonly idempotency: IdempotencyStore<ActionOutcome>;
  readonly nowMs: () => number;
  /** Resolves after `ms`, or at once when the simulator closes. */
  readonly wait: (ms: number) => Promise<void>;
  readonly latencyMs: () => number;
  readonly rebootDurationMs: () => number;
  readonly rebootEnding: (instanceId: string) => RebootEnding;
  readonly isClosed: () => boolean;
}

export interface RoutedRequest {
  readonly accessKeyId: string;
  readonly regionId: string;
  readonly params: QueryParams;
  readonly isInstanceFlowLimited: (instanceId: string) => boolean;
}

export interface RoutedOutcome {
  readonly outcome: ActionOutcome;
  /** An idempotent answer given again, without applying anything. */
  readonly replayed: boolean;
}

export type Router = (request: RoutedRequest) => Promise<RoutedOutcome | 'closed'>;

function createActionTable(): ReadonlyMap<string, ActionHandler> {
  return new Map<string, ActionHandler>([
    ['DescribeRegions', createDescribeRegions()],
    ['DescribeInstances', createDescribeInstances()],
    ['DescribeKeyPairs', createDescribeKeyPairs()],
    ['DescribeZones', createDescribeZones()],
    ['DetachKeyPair', createKeyPairOperation('detach')],
    ['AttachKeyPair', createKeyPairOperation('attach')],
    ['RebootInstances', createRebootInstances()],
    ['RebootInstance', createRebootInstance()],
  ]);
}

/**
 * Each action's kind, from a table of its own: handlers keep per-simulator caches, so the routers' tables are never
 * shared, but whether an action only reads is the same for every simulator.
 */
const actionKinds: ReadonlyMap<string, ActionHandler['kind']> = new Map(
  [...createActionTable()].map(([name, handler]) => [name, handler.kind]),
);

/** Whether `actionName` is a served action that only reads (the Describe* ones), which the read flow limit covers. */
export function isReadAction(actionName: string): boolean {
  return actionKinds.get(actionName) === 'read';
}

/** Every parameter but the token itself, order-independent, so a retry built anew still matches its original. */
function requestFingerprint(params: QueryParams): string {
  const pairs = params.pairs.filter(([key]) => key !== 'ClientToken').map(([key, value]) => `${key}=${value}`);
  return JSON.stringify(pairs.sort());
}

/**
 * Routes an authenticated request to its action. The configured latency is spent after a ClientToken is reserved
 * and before anything is applied, so a second request with the same token during that time sees it in flight.
 */
export function createRouter(dependencies: RouterDependencies): Router {
  const actions = createActionTable();
  const { idempotency } = dependencies;

  return async (request) => {
    const { params } = request;
    const actionName = params.get('Action') ?? '';
    const handler = actions.get(actionName);
    if (!handler || params.get('Version') !== apiVersion) {
      return {
        outcome: errorOutcome(
          apiError('InvalidActionOrVersion', `Action "${actionName}" with Version "${params.get('Version') ?? ''}" is not served; ECS uses ${apiVersion}.`),
        ),
        replayed: false,
      };
    }
    const context = (): ActionContext => ({
      regionId: request.regionId,
      params,
      fleet: dependencies.fleet,
      changes: dependencies.changes,
      nowMs: dependencies.nowMs(),
      rebootDurationMs: dependencies.rebootDurationMs(),
      rebootEnding: dependencies.rebootEnding,
      isInstanceFlowLimited: request.isInstanceFlowLimited,
    });

    if (handler.kind === 'read') {
      await dependencies.wait(dependencies.latencyMs());
      return dependencies.isClosed() ? 'closed' : { outcome: handler.run(context()), replayed: false };
    }

    const invalid = handler.validate(params);
    if (invalid) return { outcome: errorOutcome(invalid), replayed: false };
    const token = params.get('ClientToken');
    const scope = `${request.accessKeyId}\n${request.regionId}`;
    if (token !== undefined) {
      const check = idempotency.begin(scope, token, requestFingerprint(params));
      if (check.kind !== 'new') {
        await dependencies.wait(dependencies.latencyMs());
        if (check.kind === 'replay') return { outcome: check.outcome, replayed: true };
        const error =
          check.kind === 'mismatch'
            ? apiError('IdempotentParameterMismatch', 'This ClientToken was already used for a different request.')
            : apiError('IdempotentProcessing', 'A request with this ClientToken is still being processed; retry later.');
        return { outcome: errorOutcome(error), replayed: false };
      }
    }
    await dependencies.wait(dependencies.latencyMs());
    if (dependencies.isClosed()) {
      if (token !== undefined) idempotency.abandon(scope, token);
      return 'closed';
    }
    const outcome = handler.run(context());
    if (token !== undefined) idempotency.complete(scope, token, outcome);
    return { outcome, replayed: false };
  };
}
