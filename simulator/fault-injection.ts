import { isApiErrorCode } from './api-error';
import type { ApiErrorCode } from './api-error';

/**
 * What can go wrong between a client and the gateway, on demand. "Before" faults stop a request before the
 * simulator applies anything; "after" faults let it apply, then spoil the answer, which is the case that makes
 * idempotency tokens matter.
 */
export type FaultKind =
  /** HTTP 500 with an InternalError envelope; nothing is applied. */
  | 'internal-error'
  /** The connection is destroyed before anything is applied. */
  | 'destroy-before-apply'
  /** The request is applied, then the connection is destroyed: the change happened, the client never hears. */
  | 'destroy-after-apply'
  /** A proxy's HTML error page with HTTP 502; nothing is applied. */
  | 'html-502'
  /** The request is applied and the real status is sent, but the JSON body is cut in half. */
  | 'truncated-json'
  /** The request is applied and the real status is sent with an empty body. */
  | 'empty-body'
  /** The request is applied, then the answer waits `delayMs` (default 35 s, past the SDKs' timeouts). */
  | 'slow-reply'
  /** Key pair and reboot operations fail per instance with FlowLimitExceeded (all, or `instanceIds`). */
  | 'instance-flow-limit'
  /**
   * The gateway answers `code` with its HTTP status and error envelope; nothing is applied and no ClientToken is
   * used up, so every retry meets the fault again. For the request-level codes the app never provokes itself
   * (a malformed request, a missing permission), and for the retryable ones on demand: 412 IdempotentProcessing,
   * 429 FlowLimitExceeded (with `retryAfterSeconds`), 500 InternalError.
   */
  | 'api-error';

export interface FaultRule {
  readonly kind: FaultKind;
  /** Only requests for these actions match; all actions when absent. */
  readonly action?: string | readonly string[] | undefined;
  /** Fire on this many matching requests, then retire. Unlimited when absent. */
  readonly times?: number | undefined;
  /** Fire on every Nth matching request (the Nth, 2Nth ...); on every matching request when absent. */
  readonly every?: number | undefined;
  /**
   * Let this many matching requests through before the rule may fire (they still count as matched), so a fault
   * can strike in the middle of a sequence: the second page of a listing, not the first.
   */
  readonly skip?: number | undefined;
  /** For slow-reply. */
  readonly delayMs?: number | undefined;
  /**
   * Only requests naming at least one of these instances match (InstanceIds.N or InstanceId), so a rule can aim
   * at one batch of a bulk operation. For instance-flow-limit they are also the instances that fail. Every
   * request matches when absent, and instance-flow-limit then fails all of the request's instances.
   */
  readonly instanceIds?: readonly string[] | undefined;
  /** Only requests signed for this region match (a sweep's region that fails while the others answer). */
  readonly region?: string | undefined;
  /**
   * Only requests carrying every one of these query parameters with exactly this value match: one zone's listing
   * (`{ ZoneId: 'cn-beijing-b' }`) or one key pair's (`{ KeyPairName: 'deploy' }`) among others running at once.
   */
  readonly params?: Readonly<Record<string, string>> | undefined;
  /** For api-error (required there): one of the simulator's API error codes (api-error.ts). */
  readonly code?: ApiErrorCode | undefined;
  /** For api-error: sent as a `Retry-After` header (whole seconds, as the flow limit sends it). */
  readonly retryAfterSeconds?: number | undefined;
}

/** What a rule is matched against. */
export interface FaultTarget {
  readonly action: string;
  /** The credential scope's region; empty when unreadable. */
  readonly region: string;
  /** The instances the request names, in any of its parameters; empty for requests about none. */
  readonly instanceIds: readonly string[];
  /** A query parameter's value, for rules aimed by `params`. */
  readonly param?: ((name: string) => string | undefined) | undefined;
}

export const defaultSlowReplyMs = 35_000;

export interface FaultInjector {
  /** The fault for this request, if any. Each rule counts every request that matches it, even when another fires. */
  readonly next: (request: FaultTarget) => FaultRule | undefined;
  readonly replace: (rules: readonly FaultRule[]) => void;
  readonly add: (rule: FaultRule) => void;
  /** The rules still able to fire. */
  readonly active: () => readonly FaultRule[];
}

interface RuleState {
  readonly rule: FaultRule;
  matched: number;
  fired: number;
}

function validate(rule: FaultRule): void {
  const positive = (value: number | undefined) => value === undefined || (Number.isSafeInteger(value) && value > 0);
  if (!positive(rule.times) || !positive(rule.every)) throw new RangeError('times and every must be positive integers');
  if (rule.skip !== undefined && !(Number.isSafeInteger(rule.skip) && rule.skip >= 0)) throw new RangeError('skip must be an integer >= 0');
  if (rule.retryAfterSeconds !== undefined && !(Number.isSafeInteger(rule.retryAfterSeconds) && rule.retryAfterSeconds >= 0)) {
    throw new RangeError('retryAfterSeconds must be an integer >= 0');
  }
  if (rule.delayMs !== undefined && !(rule.delayMs >= 0)) throw new RangeError('delayMs must be >= 0');
  // The type says so already; this catches rules built from untyped input, which would otherwise answer nothing.
  if (rule.kind === 'api-error' && (rule.code === undefined || !isApiErrorCode(rule.code))) {
    throw new RangeError(`api-error needs a code the simulator knows; got ${String(rule.code)}`);
  }
}

function matches(rule: FaultRule, request: FaultTarget): boolean {
  const { action, instanceIds, region, params } = rule;
  if (region !== undefined && region !== request.region) return false;
  if (params !== undefined && !Object.entries(params).every(([name, value]) => request.param?.(name) === value)) return false;
  if (action !== undefined && !(typeof action === 'string' ? action === request.action : action.includes(request.action))) {
    return false;
  }
  return instanceIds === undefined || request.instanceIds.some((instanceId) => instanceIds.includes(instanceId));
}

export function createFaultInjector(initial: readonly FaultRule[] = []): FaultInjector {
  let states: RuleState[] = [];
  const add = (rule: FaultRule) => {
    validate(rule);
    states.push({ rule, matched: 0, fired: 0 });
  };
  initial.forEach(add);
  return {
    next(request) {
      let chosen: RuleState | undefined;
      for (const state of states) {
        if (!matches(state.rule, request)) continue;
        state.matched += 1;
        const eligible = state.matched - (state.rule.skip ?? 0);
        if (eligible <= 0) continue;
        const onItsTurn = state.rule.every === undefined || eligible % state.rule.every === 0;
        if (!chosen && onItsTurn) chosen = state;
      }
      if (!chosen) return undefined;
      chosen.fired += 1;
      states = states.filter((state) => state.rule.times === undefined || state.fired < state.rule.times);
      return chosen.rule;
    },
    replace(rules) {
      states = [];
      rules.forEach(add);
    },
    add,
    active: () => states.map((state) => state.rule),
  };
}
