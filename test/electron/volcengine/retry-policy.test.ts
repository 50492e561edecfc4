import { describe, expect, it } from 'vitest';
import { ecsErrorCatalogue, isAppOwnEcsCode } from '../../../shared/errors/ecs-error-catalogue';
import { ecsNetworkErrorCodes } from '../../../shared/errors/ecs-error-codes';
import { EcsError, type EcsErrorInit } from '../../../electron/volcengine/ecs-error';
import {
  backoffDelayMs,
  defaultRetryPolicyOptions,
  isRetryable,
  nextRetryDelayMs,
  parseRetryAfter,
  type RetryPolicyOptions,
} from '../../../electron/volcengine/retry-policy';

function apiError(httpStatus: number, code: string, extra: Partial<EcsErrorInit> = {}): EcsError {
  return new EcsError({ kind: 'api', code, message: code, httpStatus, mayHaveTakenEffect: false, ...extra });
}

function networkError(code: string): EcsError {
  return new EcsError({ kind: 'network', code, message: code, mayHaveTakenEffect: true });
}

const options: RetryPolicyOptions = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxTotalMs: 10_000 };

describe('which failures retry', () => {
  it.each([
    [429, 'FlowLimitExceeded'],
    [412, 'IdempotentProcessing'],
    [500, 'InternalError'],
    [502, 'BadGateway'],
    [503, 'ServiceUnavailable'],
    [504, 'GatewayTimeout'],
  ])('retries HTTP %i (%s)', (status, code) => {
    expect(isRetryable(apiError(status, code))).toBe(true);
  });

  it.each([
    [400, 'InvalidArgument'],
    [401, 'SignatureDoesNotMatch'],
    [403, 'AccessDenied'],
    [403, 'InvalidTimestamp'],
    [404, 'InvalidKeyPair.NotFound'],
    [400, 'IdempotentParameterMismatch'],
    [409, 'Conflict'],
  ])('never retries HTTP %i (%s)', (status, code) => {
    expect(isRetryable(apiError(status, code))).toBe(false);
  });

  it('never retries another 4xx even when its code names a transient condition', () => {
    expect(isRetryable(apiError(400, 'FlowLimitExceeded'))).toBe(false);
    expect(isRetryable(apiError(403, 'InternalError'))).toBe(false);
  });

  it('retries a transient code that arrives inside a 200, branching on the string Code', () => {
    expect(isRetryable(apiError(200, 'FlowLimitExceeded'))).toBe(true);
    expect(isRetryable(apiError(200, 'InternalError'))).toBe(true);
    expect(isRetryable(apiError(200, 'AccessDenied'))).toBe(false);
  });

  it('retries exactly the codes the ECS error catalogue calls retryable (the flag "Run again" reads too)', () => {
    const codes = Object.keys(ecsErrorCatalogue) as Array<keyof typeof ecsErrorCatalogue>;
    for (const code of codes.filter((code) => !isAppOwnEcsCode(code))) {
      expect(isRetryable(apiError(200, code)), code).toBe(ecsErrorCatalogue[code].retryable);
    }
    for (const code of ecsNetworkErrorCodes) expect(isRetryable(networkError(code)), code).toBe(ecsErrorCatalogue[code].retryable);
    // A code the catalogue does not know is not worth a retry unless its status says so.
    expect(isRetryable(apiError(200, 'SomethingNew.Undocumented'))).toBe(false);
    expect(isRetryable(apiError(503, 'SomethingNew.Undocumented'))).toBe(true);
  });

  it('retries network failures except TLS and proxy failures, which need a settings change', () => {
    for (const code of ['ECS_NETWORK_TIMEOUT', 'ECS_NETWORK_CONNECTION_RESET', 'ECS_NETWORK_CONNECTION_REFUSED', 'ECS_NETWORK_DNS', 'ECS_NETWORK_OTHER']) {
      expect(isRetryable(networkError(code))).toBe(true);
    }
    expect(isRetryable(networkError('ECS_NETWORK_TLS'))).toBe(false);
    expect(isRetryable(networkError('ECS_NETWORK_PROXY'))).toBe(false);
  });

  it('retries an unreadable 2xx or 5xx body but not an unreadable 4xx one', () => {
    const bad = (httpStatus: number) => new EcsError({ kind: 'bad-response', code: 'ECS_BAD_RESPONSE', message: 'x', httpStatus, mayHaveTakenEffect: true });
    expect(isRetryable(bad(200))).toBe(true);
    expect(isRetryable(bad(502))).toBe(true);
    expect(isRetryable(bad(403))).toBe(false);
    expect(isRetryable(bad(302))).toBe(false);
  });

  it('does not retry cancellation, missing credentials or an unsignable request', () => {
    for (const kind of ['cancelled', 'credentials', 'request-invalid', 'retries-exhausted'] as const) {
      expect(isRetryable(new EcsError({ kind, code: 'X', message: 'x', mayHaveTakenEffect: false }))).toBe(false);
    }
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2025, 0, 15, 8, 0, 0);

  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter(new Date(now + 5_000).toUTCString(), now)).toBe(5_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter(new Date(now - 60_000).toUTCString(), now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
  });
});

describe('backoff and caps', () => {
  it('doubles each retry up to the maximum, with equal jitter', () => {
    expect(backoffDelayMs(1, options, () => 0)).toBe(50);
    expect(backoffDelayMs(1, options, () => 1)).toBe(100);
    expect(backoffDelayMs(2, options, () => 1)).toBe(200);
    expect(backoffDelayMs(3, options, () => 1)).toBe(400);
    expect(backoffDelayMs(10, options, () => 1)).toBe(1_000);
    expect(backoffDelayMs(10, options, () => 0)).toBe(500);
  });

  it('gives up after the maximum number of attempts', () => {
    const error = apiError(503, 'ServiceUnavailable');
    expect(nextRetryDelayMs({ error, attemptsMade: 3, elapsedMs: 0, options, random: () => 0.5 })).toBeDefined();
    expect(nextRetryDelayMs({ error, attemptsMade: 4, elapsedMs: 0, options, random: () => 0.5 })).toBeUndefined();
  });

  it('waits at least as long as Retry-After asks', () => {
    const error = apiError(429, 'FlowLimitExceeded', { retryAfterMs: 2_000 });
    expect(nextRetryDelayMs({ error, attemptsMade: 1, elapsedMs: 0, options, random: () => 0.5 })).toBe(2_000);
  });

  it('keeps its own backoff when Retry-After asks for less', () => {
    const error = apiError(429, 'FlowLimitExceeded', { retryAfterMs: 1 });
    expect(nextRetryDelayMs({ error, attemptsMade: 2, elapsedMs: 0, options, random: () => 1 })).toBe(200);
  });

  it('gives up rather than wait past the total time budget', () => {
    const error = apiError(429, 'FlowLimitExceeded', { retryAfterMs: 9_000 });
    expect(nextRetryDelayMs({ error, attemptsMade: 1, elapsedMs: 2_000, options, random: () => 0.5 })).toBeUndefined();
    expect(nextRetryDelayMs({ error: apiError(500, 'InternalError'), attemptsMade: 1, elapsedMs: 9_990, options, random: () => 0.5 })).toBeUndefined();
  });

  it('never retries a non-retryable error, whatever the budget', () => {
    expect(nextRetryDelayMs({ error: apiError(401, 'SignatureDoesNotMatch'), attemptsMade: 1, elapsedMs: 0, options, random: () => 0.5 })).toBeUndefined();
  });

  it('matches the official SDKs by default: three retries', () => {
    expect(defaultRetryPolicyOptions.maxAttempts).toBe(4);
  });
});
