export interface FlowLimit {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** The bucket's size: how many requests may arrive at once after a quiet spell. */
  readonly burst: number;
}

export type FlowDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface FlowLimiter {
  /** What `take` would decide, without taking a token. */
  peek(nowMs: number): FlowDecision;
  /** Takes a token when there is one; a refusal takes nothing. */
  take(nowMs: number): FlowDecision;
}

/**
 * A token bucket, starting full. Time comes from the caller so that a simulator with a fixed clock never refills
 * (deterministic tests) and one with a real clock behaves like the gateway.
 */
export function createFlowLimiter(limit: FlowLimit): FlowLimiter {
  if (!(limit.ratePerSecond > 0) || !(limit.burst >= 1)) {
    throw new RangeError('a flow limit needs ratePerSecond > 0 and burst >= 1');
  }
  let tokens = limit.burst;
  let lastRefillMs: number | undefined;
  const peek = (nowMs: number): FlowDecision => {
    if (lastRefillMs !== undefined && nowMs > lastRefillMs) {
      tokens = Math.min(limit.burst, tokens + ((nowMs - lastRefillMs) / 1000) * limit.ratePerSecond);
    }
    lastRefillMs = Math.max(lastRefillMs ?? nowMs, nowMs);
    if (tokens >= 1) return { allowed: true };
    // Whole seconds, at least 1: Retry-After carries integers, and 0 would invite an immediate retry storm.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.ratePerSecond)) };
  };
  return {
    peek,
    take(nowMs) {
      const decision = peek(nowMs);
      if (decision.allowed) tokens -= 1;
      return decision;
    },
  };
}

/**
 * A request several buckets cover (a read under both the simulator's and the read flow limit) passes only when
 * every bucket has a token, and then takes one from each. A refused request takes nothing anywhere, so one bucket
 * running dry never drains the others; Retry-After is the longest wait, after which every bucket has a token.
 */
export function takeFromAll(limiters: readonly FlowLimiter[], nowMs: number): FlowDecision {
  let retryAfterSeconds = 0;
  for (const limiter of limiters) {
    const decision = limiter.peek(nowMs);
    if (!decision.allowed) retryAfterSeconds = Math.max(retryAfterSeconds, decision.retryAfterSeconds);
  }
  if (retryAfterSeconds > 0) return { allowed: false, retryAfterSeconds };
  for (const limiter of limiters) limiter.take(nowMs);
  return { allowed: true };
}
