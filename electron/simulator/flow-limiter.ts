export interface FlowLimit {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** The bucket's size: how many requests may arrive at once after a quiet spell. */
  readonly burst: number;
}

export type FlowDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface FlowLimiter {
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
  return {
    take(nowMs) {
      if (lastRefillMs !== undefined && nowMs > lastRefillMs) {
        tokens = Math.min(limit.burst, tokens + ((nowMs - lastRefillMs) / 1000) * limit.ratePerSecond);
      }
      lastRefillMs = Math.max(lastRefillMs ?? nowMs, nowMs);
      if (tokens >= 1) {
        tokens -= 1;
        return { allowed: true };
      }
      // Whole seconds, at least 1: Retry-After carries integers, and 0 would invite an immediate retry storm.
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / limit.ratePerSecond)) };
    },
  };
}
