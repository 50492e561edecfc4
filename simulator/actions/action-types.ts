import type { ApiError } from '../api-error';
import type { ChangeCounter } from '../change-counter';
import type { FleetState } from '../fleet-state';
import type { QueryParams } from '../query-params';

/** What an action answers: a Result for HTTP 200 (undefined for "ResponseMetadata only"), or a request-level error. */
export type ActionOutcome =
  | { readonly kind: 'result'; readonly result: unknown }
  | { readonly kind: 'error'; readonly error: ApiError };

/** How a simulated reboot ends (see EcsSimulatorOptions.rebootTrouble). */
export type RebootEnding = 'running' | 'stays-rebooting' | 'error';

export interface ActionContext {
  readonly regionId: string;
  readonly params: QueryParams;
  readonly fleet: FleetState;
  readonly changes: ChangeCounter;
  readonly nowMs: number;
  /** How long a reboot keeps an instance REBOOTING; 0 returns it to RUNNING at once. */
  readonly rebootDurationMs: number;
  /** How a reboot of this instance ends: `running` normally; a test can make it stay REBOOTING or end in ERROR. */
  readonly rebootEnding: (instanceId: string) => RebootEnding;
  /** True for instances an injected fault makes fail with a per-instance FlowLimitExceeded. */
  readonly isInstanceFlowLimited: (instanceId: string) => boolean;
}

export interface ReadAction {
  readonly kind: 'read';
  run(context: ActionContext): ActionOutcome;
}

export interface MutatingAction {
  readonly kind: 'mutating';
  /** Request-level checks that need no state; an error here is answered before any ClientToken is consumed. */
  validate(params: QueryParams): ApiError | undefined;
  run(context: ActionContext): ActionOutcome;
}

export type ActionHandler = ReadAction | MutatingAction;

export function resultOutcome(result: unknown): ActionOutcome {
  return { kind: 'result', result };
}

export function errorOutcome(error: ApiError): ActionOutcome {
  return { kind: 'error', error };
}
