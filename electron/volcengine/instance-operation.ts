import type { BatchPlan, InstanceOutcome } from '../../shared/domain/ecs';
import { isEcsError } from './ecs-error';
import { splitIntoBatches, runWithConcurrency, uniqueInOrder, maxInstancesPerRequest } from './batching';
import { notSentOutcomes, outcomesFromDetails, outcomesFromError, type OperationDetail } from './operation-outcomes';

/** What a batch's request answered when it answered with a Result. */
export interface BatchAnswer {
  details: readonly OperationDetail[];
  requestId: string | undefined;
  httpStatus: number;
}

/**
 * Hooks for progress and for the operation journal. Outcomes, not exceptions, report failures; a hook that
 * throws stops the operation from sending anything more (its record would be incomplete), and batches not yet
 * sent end `not-sent` with `ECS_NOT_SENT`.
 */
export interface BatchCallbacks {
  /** Every batch with its ClientToken and instances, before anything is sent. Awaited. */
  onPlanned?: ((batches: readonly BatchPlan[]) => void | Promise<void>) | undefined;
  /**
   * Right before each send of a batch; attempt 2 and later are retries with the same ClientToken. Awaited: if it
   * throws, that send does not happen (the batch ends `ECS_NOT_SENT` when nothing of it was sent yet, `unknown`
   * when an earlier attempt was) and no further batch is sent.
   */
  onBatchSent?: ((batch: BatchPlan, attempt: number) => void | Promise<void>) | undefined;
  /** Once per batch with its final outcomes, including batches never sent (`sent` false). Awaited. */
  onBatchFinished?: ((batch: BatchPlan, outcomes: readonly InstanceOutcome[], sent: boolean) => void | Promise<void>) | undefined;
}

export interface InstanceOperationOptions extends BatchCallbacks {
  /** Cancels batches not yet sent; batches in flight (retries included) finish. */
  signal?: AbortSignal | undefined;
  /**
   * The batches to send, as planned and recorded earlier (a reviewed plan, or the unanswered batches of an
   * interrupted operation, with their original ClientTokens). When absent, the instances are split into new batches.
   */
  batches?: readonly BatchPlan[] | undefined;
}

export interface InstanceOperationRun {
  action: string;
  instanceIds: readonly string[];
  concurrency: number;
  newClientToken: () => string;
  /**
   * Awaited before a batch's first send, and before it is checked for cancellation, so a batch that waited (the
   * request pacer) is not sent once the operation has been cancelled meanwhile.
   */
  beforeFirstSend?: (() => Promise<void>) | undefined;
  /** Sends one batch (with retries); throws an `EcsError` when the request as a whole failed. */
  sendBatch: (batch: BatchPlan, onAttempt: (attempt: number) => Promise<void>) => Promise<BatchAnswer>;
  options: InstanceOperationOptions;
}

export type OperationStop = { reason: 'cancelled' } | { reason: 'callback-failed'; error: unknown };

export interface InstanceOperationResult {
  /** Exactly one per distinct requested instance, in the order first requested. */
  outcomes: InstanceOutcome[];
  batches: BatchPlan[];
  /** Set when some batches were not sent, and why. */
  stopped?: OperationStop | undefined;
}

/** A send hook failed: the send it announced did not happen. */
class SendHookError extends Error {
  constructor(
    readonly attempt: number,
    override readonly cause: unknown,
  ) {
    super('the send could not be recorded');
  }
}

async function sendAndRead(run: InstanceOperationRun, batch: BatchPlan, stop: (error: unknown) => void): Promise<InstanceOutcome[]> {
  const onAttempt = async (attempt: number) => {
    try {
      await run.options.onBatchSent?.(batch, attempt);
    } catch (error) {
      throw new SendHookError(attempt, error);
    }
  };
  try {
    const answer = await run.sendBatch(batch, onAttempt);
    return outcomesFromDetails(batch, answer.details, { action: run.action, requestId: answer.requestId, httpStatus: answer.httpStatus });
  } catch (error) {
    if (error instanceof SendHookError) {
      stop(error.cause);
      if (error.attempt === 1) return notSentOutcomes(batch, 'ECS_NOT_SENT', run.action);
      // An earlier send of this batch went out: it may have been applied.
      return batch.instanceIds.map((instanceId) => ({
        instanceId,
        status: 'unknown',
        reason: { code: 'ECS_UNEXPECTED_ERROR', message: `A retry of ${run.action} could not be recorded, so it was not sent.`, action: run.action, attempts: error.attempt - 1 },
      }));
    }
    if (isEcsError(error)) return outcomesFromError(batch, error);
    // A defect after the request may have left: the outcome must stay honest rather than vanish.
    return batch.instanceIds.map((instanceId) => ({
      instanceId,
      status: 'unknown',
      reason: { code: 'ECS_UNEXPECTED_ERROR', message: `An unexpected error interrupted ${run.action}.`, action: run.action },
    }));
  }
}

/** Batches given by the caller must be sendable as they are: each 1 to 100 instances, no instance twice. */
function checkedBatches(batches: readonly BatchPlan[]): BatchPlan[] {
  const seen = new Set<string>();
  for (const batch of batches) {
    if (batch.instanceIds.length < 1 || batch.instanceIds.length > maxInstancesPerRequest) throw new RangeError(`batch ${batch.index} has ${batch.instanceIds.length} instances`);
    for (const instanceId of batch.instanceIds) {
      if (seen.has(instanceId)) throw new RangeError(`instance ${instanceId} is in two batches`);
      seen.add(instanceId);
    }
  }
  return [...batches];
}

/**
 * Runs a per-instance change (DetachKeyPair, AttachKeyPair, RebootInstances) over any number of instances:
 * de-duplicates them, plans batches of at most 100 each with its own ClientToken (reused by every retry, so a
 * batch is applied at most once), sends them with bounded concurrency, and returns one outcome per instance.
 */
export async function runInstanceOperation(run: InstanceOperationRun): Promise<InstanceOperationResult> {
  const { options } = run;
  const batches: BatchPlan[] = options.batches
    ? checkedBatches(options.batches)
    : splitIntoBatches(uniqueInOrder(run.instanceIds), maxInstancesPerRequest).map((instanceIds, index) => ({
        index,
        clientToken: run.newClientToken(),
        instanceIds,
      }));
  const outcomesByBatch: InstanceOutcome[][] = batches.map(() => []);
  let stopped: OperationStop | undefined;
  const stop = (error: unknown) => {
    stopped ??= { reason: 'callback-failed', error };
  };

  try {
    await options.onPlanned?.(batches);
  } catch (error) {
    const outcomes = batches.flatMap((batch) => notSentOutcomes(batch, 'ECS_NOT_SENT', run.action));
    return { outcomes, batches, stopped: { reason: 'callback-failed', error } };
  }

  await runWithConcurrency(batches.length, run.concurrency, async (index) => {
    const batch = batches[index];
    if (batch === undefined) return;
    let outcomes: InstanceOutcome[];
    let sent = false;
    if (stopped === undefined && !options.signal?.aborted) await run.beforeFirstSend?.();
    if (stopped === undefined && options.signal?.aborted) stopped = { reason: 'cancelled' };
    if (stopped !== undefined) {
      outcomes = notSentOutcomes(batch, stopped.reason === 'cancelled' ? 'ECS_CANCELLED' : 'ECS_NOT_SENT', run.action);
    } else {
      sent = true;
      outcomes = await sendAndRead(run, batch, stop);
    }
    outcomesByBatch[index] = outcomes;
    try {
      await options.onBatchFinished?.(batch, outcomes, sent);
    } catch (error) {
      stop(error);
    }
  });

  return { outcomes: outcomesByBatch.flat(), batches, ...(stopped === undefined ? {} : { stopped }) };
}
