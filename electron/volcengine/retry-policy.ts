import { lookupEcsError } from '../../shared/errors/ecs-error-catalogue';
import type { EcsError } from './ecs-error';

export interface RetryPolicyOptions {
  /** Sends in all, the first included. The official Go and Python SDKs retry 3 times: 4 sends. */
  maxAttempts: number;
  /** Backoff before the first retry; doubles each retry, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts once this much time has passed since the first send (waiting included). */
  maxTotalMs: number;
}

export const defaultRetryPolicyOptions: RetryPolicyOptions = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalMs: 90_000,
};

/** Statuses that mean "try again later" (spec: the SDKs' retry set, plus 412 IdempotentProcessing). */
const retryableHttpStatuses: ReadonlySet<number> = new Set([412, 429, 500, 502, 503, 504]);

/**
 * Whether sending the same request again might succeed. Which codes are worth it is the ECS error catalogue's
 * `retryable` flag, the one definition "Run again" also reads (so a TLS or proxy failure, which repeats until someone
 * changes a setting, is retried by neither); the HTTP status, when it says more, decides first: other 4xx answers
 * never retry.
 */
export function isRetryable(error: EcsError): boolean {
  switch (error.kind) {
    case 'network':
      return lookupEcsError(error.code).retryable;
    case 'api':
    case 'bad-response': {
      const status = error.httpStatus;
      if (status !== undefined && retryableHttpStatuses.has(status)) return true;
      if (status !== undefined && status >= 400 && status < 500) return false;
      // A truncated or garbled 2xx may hide a success; the batch's ClientToken makes asking again safe.
      if (error.kind === 'bad-response') return status !== undefined && status >= 200 && status < 300;
      // A code that means "try again later" even outside that set of statuses (e.g. inside a 200).
      return lookupEcsError(error.code).retryable;
    }
    default:
      return false;
  }
}

/**
 * `Retry-After` as milliseconds to wait: delta-seconds or an HTTP date (RFC 9110 §10.2.3), relative to `nowMs`.
 * Undefined when absent or unreadable; a date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Only the date formats HTTP allows: a bare number with a sign or a fraction is not one.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed and half random, so concurrent batches that
 * failed together spread out, yet no retry comes immediately. `retryNumber` starts at 1.
 */
export function backoffDelayMs(retryNumber: number, options: RetryPolicyOptions, random: () => number): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retryNumber - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

export interface RetryDecisionInput {
  error: EcsError;
  /** Sends made so far, the failed one included. */
  attemptsMade: number;
  /** Time since the first send. */
  elapsedMs: number;
  options: RetryPolicyOptions;
  random: () => number;
}

/** Milliseconds to wait before the next send, or undefined to give up. */
export function nextRetryDelayMs(input: RetryDecisionInput): number | undefined {
  const { error, attemptsMade, elapsedMs, options } = input;
  if (!isRetryable(error) || attemptsMade >= options.maxAttempts) return undefined;
  const backoff = backoffDelayMs(attemptsMade, options, input.random);
  // The server's request wins over our backoff when it asks for longer.
  const delay = Math.max(backoff, error.retryAfterMs ?? 0);
  if (elapsedMs + delay > options.maxTotalMs) return undefined;
  return delay;
}
