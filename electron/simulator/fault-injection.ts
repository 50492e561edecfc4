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
  | 'instance-flow-limit';

export interface FaultRule {
  readonly kind: FaultKind;
  /** Only requests for these actions match; all actions when absent. */
  readonly action?: string | readonly string[] | undefined;
  /** Fire on this many matching requests, then retire. Unlimited when absent. */
  readonly times?: number | undefined;
  /** Fire on every Nth matching request (the Nth, 2Nth ...); on every matching request when absent. */
  readonly every?: number | undefined;
  /** For slow-reply. */
  readonly delayMs?: number | undefined;
  /** For instance-flow-limit: the instances that fail; all of the request's instances when absent. */
  readonly instanceIds?: readonly string[] | undefined;
}

export const defaultSlowReplyMs = 35_000;

export interface FaultInjector {
  /** The fault for this request, if any. Each rule counts every request that matches it, even when another fires. */
  readonly next: (action: string) => FaultRule | undefined;
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
  if (rule.delayMs !== undefined && !(rule.delayMs >= 0)) throw new RangeError('delayMs must be >= 0');
}

function matchesAction(rule: FaultRule, action: string): boolean {
  if (rule.action === undefined) return true;
  return typeof rule.action === 'string' ? rule.action === action : rule.action.includes(action);
}

export function createFaultInjector(initial: readonly FaultRule[] = []): FaultInjector {
  let states: RuleState[] = [];
  const add = (rule: FaultRule) => {
    validate(rule);
    states.push({ rule, matched: 0, fired: 0 });
  };
  initial.forEach(add);
  return {
    next(action) {
      let chosen: RuleState | undefined;
      for (const state of states) {
        if (!matchesAction(state.rule, action)) continue;
        state.matched += 1;
        const onItsTurn = state.rule.every === undefined || state.matched % state.rule.every === 0;
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
