import { EcsError, isEcsError } from './ecs-error';
import { isRetryable, nextRetryDelayMs, type RetryPolicyOptions } from './retry-policy';

export interface RetryRuntime {
  options: RetryPolicyOptions;
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface RetryHooks {
  /** Stops waiting between attempts (lists pass it; a batch in flight does not, so that it finishes). */
  signal?: AbortSignal | undefined;
  /** Called and awaited before each send, 1-based; if it throws, nothing more is sent and the error propagates. */
  onAttempt?: ((attempt: number) => void | Promise<void>) | undefined;
}

function cancelledError(): EcsError {
  return new EcsError({
    kind: 'cancelled',
    code: 'ECS_CANCELLED',
    message: 'Cancelled before the next attempt was sent.',
    mayHaveTakenEffect: false,
  });
}

async function sleepUnlessAborted(runtime: RetryRuntime, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return runtime.sleep(ms);
  if (signal.aborted) throw cancelledError();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([runtime.sleep(ms), aborted]);
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/**
 * Runs `attempt` until it succeeds or the retry policy gives up. The error that ends it says how many sends
 * were made, and whether ANY of them may have taken effect: a change that timed out on the first send and was
 * refused on the second may still have happened.
 */
export async function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, runtime: RetryRuntime, hooks: RetryHooks = {}): Promise<T> {
  const startedAt = runtime.now();
  let mayHaveTakenEffect = false;
  for (let attemptNumber = 1; ; attemptNumber += 1) {
    if (hooks.signal?.aborted) throw cancelledError().with({ mayHaveTakenEffect, attempts: attemptNumber - 1 });
    await hooks.onAttempt?.(attemptNumber);
    try {
      return await attempt(attemptNumber);
    } catch (caught) {
      if (!isEcsError(caught)) throw caught;
      mayHaveTakenEffect ||= caught.mayHaveTakenEffect;
      const delay = nextRetryDelayMs({
        error: caught,
        attemptsMade: attemptNumber,
        elapsedMs: runtime.now() - startedAt,
        options: runtime.options,
        random: runtime.random,
      });
      if (delay === undefined) throw finalError(caught, attemptNumber, mayHaveTakenEffect);
      try {
        await sleepUnlessAborted(runtime, delay, hooks.signal);
      } catch (cancelled) {
        if (isEcsError(cancelled)) throw cancelled.with({ mayHaveTakenEffect, attempts: attemptNumber });
        throw cancelled;
      }
    }
  }
}

function finalError(last: EcsError, attempts: number, mayHaveTakenEffect: boolean): EcsError {
  // Wrapped only when the policy stopped on a retryable failure (a cap ran out); a final answer such as a 403
  // stays itself, with the attempt count added.
  const gaveUpOnRetryable = attempts > 1 && isRetryable(last);
  if (!gaveUpOnRetryable) return last.with({ attempts, mayHaveTakenEffect });
  const { code, message, httpStatus, requestId } = last.toData();
  const cause = {
    code,
    message,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    ...(requestId === undefined ? {} : { requestId }),
  };
  return new EcsError({
    kind: 'retries-exhausted',
    code: 'ECS_RETRIES_EXHAUSTED',
    message: `Gave up after ${attempts} attempts; the last failed with ${last.code}: ${last.message}`,
    httpStatus: last.httpStatus,
    requestId: last.requestId,
    action: last.action,
    attempts,
    cause,
    mayHaveTakenEffect,
    serverDateMs: last.serverDateMs,
  });
}
