import { describe, expect, it } from 'vitest';
import { EcsError, type EcsErrorInit } from '../../../electron/volcengine/ecs-error';
import { withRetries, type RetryRuntime } from '../../../electron/volcengine/with-retries';
import { createTestClock, recordSleeps } from './support/ecs-test-client';

function failure(init: Partial<EcsErrorInit> & { code: string }): EcsError {
  return new EcsError({ kind: 'api', message: init.code, mayHaveTakenEffect: false, ...init });
}

function runtime(overrides: Partial<RetryRuntime> = {}) {
  const clock = createTestClock();
  const sleeps = recordSleeps(clock, 0);
  return {
    sleeps,
    runtime: { options: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000, maxTotalMs: 60_000 }, now: clock.now, random: () => 0.5, sleep: sleeps.sleep, ...overrides },
  };
}

/** An attempt function that fails with the given errors in turn, then succeeds. */
function failingThen(errors: EcsError[]) {
  let calls = 0;
  return {
    calls: () => calls,
    attempt: async () => {
      const error = errors[calls];
      calls += 1;
      if (error) throw error;
      return 'done';
    },
  };
}

describe('retrying a call', () => {
  it('retries retryable failures with growing backoff and returns the eventual success', async () => {
    const { runtime: rt, sleeps } = runtime();
    const script = failingThen([failure({ code: 'InternalError', httpStatus: 500 }), failure({ code: 'X', httpStatus: 503 })]);
    const attempts: number[] = [];
    await expect(withRetries(script.attempt, rt, { onAttempt: (n) => void attempts.push(n) })).resolves.toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
    expect(sleeps.waits).toEqual([75, 150]);
  });

  it('does not retry a non-retryable failure and says it made one attempt', async () => {
    const { runtime: rt } = runtime();
    const script = failingThen([failure({ code: 'AccessDenied', httpStatus: 403 })]);
    await expect(withRetries(script.attempt, rt)).rejects.toMatchObject({ code: 'AccessDenied', attempts: 1 });
    expect(script.calls()).toBe(1);
  });

  it('gives up after the last attempt with ECS_RETRIES_EXHAUSTED naming the last failure', async () => {
    const { runtime: rt } = runtime();
    const errors = Array.from({ length: 4 }, () => failure({ code: 'InternalError', httpStatus: 500, requestId: 'req-last', mayHaveTakenEffect: true }));
    const script = failingThen(errors);
    const error = await withRetries(script.attempt, rt).catch((caught: unknown) => caught);
    expect(script.calls()).toBe(4);
    expect(error).toBeInstanceOf(EcsError);
    expect((error as EcsError).toData()).toMatchObject({
      code: 'ECS_RETRIES_EXHAUSTED',
      attempts: 4,
      cause: { code: 'InternalError', httpStatus: 500, requestId: 'req-last' },
    });
  });

  it('remembers that an earlier attempt may have taken effect even when the last one surely did not', async () => {
    const { runtime: rt } = runtime({ options: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxTotalMs: 1_000 } });
    const timeout = new EcsError({ kind: 'network', code: 'ECS_NETWORK_TIMEOUT', message: 't', mayHaveTakenEffect: true });
    const script = failingThen([timeout, failure({ code: 'FlowLimitExceeded', httpStatus: 429 })]);
    await expect(withRetries(script.attempt, rt)).rejects.toMatchObject({ code: 'ECS_RETRIES_EXHAUSTED', mayHaveTakenEffect: true });

    const second = failingThen([timeout, failure({ code: 'AccessDenied', httpStatus: 403 })]);
    await expect(withRetries(second.attempt, rt)).rejects.toMatchObject({ code: 'AccessDenied', attempts: 2, mayHaveTakenEffect: true });
  });

  it('honours Retry-After', async () => {
    const { runtime: rt, sleeps } = runtime();
    const script = failingThen([failure({ code: 'FlowLimitExceeded', httpStatus: 429, retryAfterMs: 3_000 })]);
    await withRetries(script.attempt, rt);
    expect(sleeps.waits).toEqual([3_000]);
  });

  it('stops when the total time budget would be exceeded', async () => {
    const { runtime: rt } = runtime({ options: { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 100, maxTotalMs: 250 } });
    const script = failingThen(Array.from({ length: 10 }, () => failure({ code: 'InternalError', httpStatus: 500 })));
    await expect(withRetries(script.attempt, rt)).rejects.toMatchObject({ code: 'ECS_RETRIES_EXHAUSTED' });
    expect(script.calls()).toBe(4);
  });

  it('stops waiting and sends nothing more when cancelled between attempts', async () => {
    const controller = new AbortController();
    const { runtime: rt } = runtime({
      sleep: () => {
        controller.abort();
        return new Promise(() => {});
      },
    });
    const script = failingThen([failure({ code: 'InternalError', httpStatus: 500 })]);
    await expect(withRetries(script.attempt, rt, { signal: controller.signal })).rejects.toMatchObject({ code: 'ECS_CANCELLED' });
    expect(script.calls()).toBe(1);
  });
});
