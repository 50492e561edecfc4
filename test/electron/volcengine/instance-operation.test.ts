import { describe, expect, it } from 'vitest';
import type { BatchPlan } from '../../../shared/domain/ecs';
import { EcsError } from '../../../electron/volcengine/ecs-error';
import {
  runInstanceOperation,
  type BatchAnswer,
  type InstanceOperationResult,
  type InstanceOperationRun,
} from '../../../electron/volcengine/instance-operation';

const ids = (count: number) => Array.from({ length: count }, (_, index) => `i-${String(index).padStart(4, '0')}`);

function allSucceed(batch: BatchPlan): BatchAnswer {
  return { details: batch.instanceIds.map((instanceId) => ({ instanceId, error: null })), requestId: `req-${batch.index}`, httpStatus: 200 };
}

function run(overrides: Partial<InstanceOperationRun>): Promise<InstanceOperationResult> {
  let tokens = 0;
  return runInstanceOperation({
    action: 'DetachKeyPair',
    instanceIds: [],
    concurrency: 2,
    newClientToken: () => `token-${(tokens += 1)}`,
    sendBatch: async (batch) => allSucceed(batch),
    options: {},
    ...overrides,
  });
}

describe('running a batched instance operation', () => {
  it('de-duplicates, plans ceil(N/100) batches each with its own token, and reports them before sending', async () => {
    const events: string[] = [];
    const input = [...ids(250), 'i-0003', 'i-0249'];
    const result = await run({
      instanceIds: input,
      options: {
        onPlanned: (batches) => {
          events.push(`planned ${batches.map((batch) => `${batch.clientToken}:${batch.instanceIds.length}`).join(',')}`);
        },
      },
      sendBatch: async (batch) => {
        events.push(`send ${batch.clientToken}`);
        return allSucceed(batch);
      },
    });
    expect(result.batches.map((batch) => batch.instanceIds.length)).toEqual([100, 100, 50]);
    expect(new Set(result.batches.map((batch) => batch.clientToken)).size).toBe(3);
    expect(events[0]).toBe('planned token-1:100,token-2:100,token-3:50');
    expect(events.slice(1).sort()).toEqual(['send token-1', 'send token-2', 'send token-3']);
    expect(result.outcomes.map((outcome) => outcome.instanceId)).toEqual(ids(250));
    expect(result.outcomes.every((outcome) => outcome.status === 'succeeded')).toBe(true);
    expect(result.stopped).toBeUndefined();
  });

  it('sends nothing and returns nothing for no instances', async () => {
    let sent = 0;
    const result = await run({ instanceIds: [], sendBatch: async (batch) => {
        sent += 1;
        return allSucceed(batch);
      } });
    expect(result).toEqual({ outcomes: [], batches: [] });
    expect(sent).toBe(0);
  });

  it('on cancel, lets the batch in flight finish and reports the unsent ones as cancelled, never sent', async () => {
    const controller = new AbortController();
    const sent: number[] = [];
    const finished: Array<{ index: number; sent: boolean }> = [];
    const result = await run({
      instanceIds: ids(300),
      concurrency: 1,
      options: {
        signal: controller.signal,
        onBatchFinished: (batch, _outcomes, wasSent) => {
          finished.push({ index: batch.index, sent: wasSent });
        },
      },
      sendBatch: async (batch) => {
        sent.push(batch.index);
        controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 5));
        return allSucceed(batch);
      },
    });
    expect(sent).toEqual([0]);
    expect(result.stopped).toEqual({ reason: 'cancelled' });
    expect(result.outcomes).toHaveLength(300);
    expect(result.outcomes.slice(0, 100).every((outcome) => outcome.status === 'succeeded')).toBe(true);
    for (const outcome of result.outcomes.slice(100)) expect(outcome).toMatchObject({ status: 'not-sent', reason: { code: 'ECS_CANCELLED' } });
    expect(finished).toEqual([
      { index: 0, sent: true },
      { index: 1, sent: false },
      { index: 2, sent: false },
    ]);
  });

  it('sends nothing when the plan cannot be recorded', async () => {
    let sent = 0;
    const failure = new Error('journal disk full');
    const result = await run({
      instanceIds: ids(150),
      options: {
        onPlanned: () => {
          throw failure;
        },
      },
      sendBatch: async (batch) => {
        sent += 1;
        return allSucceed(batch);
      },
    });
    expect(sent).toBe(0);
    expect(result.stopped).toEqual({ reason: 'callback-failed', error: failure });
    expect(result.outcomes).toHaveLength(150);
    expect(result.outcomes.every((outcome) => outcome.status === 'not-sent' && outcome.reason.code === 'ECS_NOT_SENT')).toBe(true);
  });

  it('stops sending when a finished batch cannot be recorded, keeping the outcome it has', async () => {
    const result = await run({
      instanceIds: ids(250),
      concurrency: 1,
      options: {
        onBatchFinished: () => {
          throw new Error('journal write failed');
        },
      },
    });
    expect(result.stopped?.reason).toBe('callback-failed');
    expect(result.outcomes.slice(0, 100).every((outcome) => outcome.status === 'succeeded')).toBe(true);
    expect(result.outcomes.slice(100).every((outcome) => outcome.status === 'not-sent' && outcome.reason.code === 'ECS_NOT_SENT')).toBe(true);
  });

  it('reports a request-level failure on every instance of that batch only', async () => {
    const result = await run({
      instanceIds: ids(200),
      sendBatch: async (batch) => {
        if (batch.index === 1) throw new EcsError({ kind: 'api', code: 'AccessDenied', message: 'no', httpStatus: 403, mayHaveTakenEffect: false });
        return allSucceed(batch);
      },
    });
    expect(result.outcomes.slice(0, 100).every((outcome) => outcome.status === 'succeeded')).toBe(true);
    expect(result.outcomes.slice(100).every((outcome) => outcome.status === 'failed' && outcome.error.code === 'AccessDenied')).toBe(true);
  });

  it('keeps an honest unknown outcome when sending fails with an unexpected exception', async () => {
    const result = await run({
      instanceIds: ids(3),
      sendBatch: async () => {
        throw new TypeError('bug');
      },
    });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(result.outcomes[0]).toMatchObject({ reason: { code: 'ECS_UNEXPECTED_ERROR' } });
  });

  it('passes each attempt of a batch to onBatchSent', async () => {
    const attempts: string[] = [];
    await run({
      instanceIds: ids(1),
      options: {
        onBatchSent: (batch, attempt) => {
          attempts.push(`${batch.clientToken}#${attempt}`);
        },
      },
      sendBatch: async (batch, onAttempt) => {
        await onAttempt(1);
        await onAttempt(2);
        return allSucceed(batch);
      },
    });
    expect(attempts).toEqual(['token-1#1', 'token-1#2']);
  });

  it('waits for onBatchSent before each send (the journal records a send before it happens)', async () => {
    const events: string[] = [];
    await run({
      instanceIds: ids(1),
      options: {
        onBatchSent: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          events.push('recorded');
        },
      },
      sendBatch: async (batch, onAttempt) => {
        await onAttempt(1);
        events.push('sent');
        return allSucceed(batch);
      },
    });
    expect(events).toEqual(['recorded', 'sent']);
  });

  it('does not send a batch whose send could not be recorded, and sends nothing after it', async () => {
    let sends = 0;
    const result = await run({
      instanceIds: ids(300),
      concurrency: 1,
      options: {
        onBatchSent: (batch) => {
          if (batch.index === 1) throw new Error('disk full');
        },
      },
      sendBatch: async (batch, onAttempt) => {
        await onAttempt(1);
        sends += 1;
        return allSucceed(batch);
      },
    });
    expect(sends).toBe(1);
    expect(result.stopped).toMatchObject({ reason: 'callback-failed' });
    const codes = result.outcomes.map((outcome) => (outcome.status === 'not-sent' ? outcome.reason.code : outcome.status));
    expect(codes.slice(0, 100).every((code) => code === 'succeeded')).toBe(true);
    expect(codes.slice(100).every((code) => code === 'ECS_NOT_SENT')).toBe(true);
  });

  it('calls a batch unknown when a retry could not be recorded after an earlier send went out', async () => {
    const result = await run({
      instanceIds: ids(2),
      options: {
        onBatchSent: (_batch, attempt) => {
          if (attempt === 2) throw new Error('disk full');
        },
      },
      sendBatch: async (batch, onAttempt) => {
        await onAttempt(1);
        await onAttempt(2);
        return allSucceed(batch);
      },
    });
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['unknown', 'unknown']);
  });

  it('sends batches given by the caller exactly as given, with their ClientTokens', async () => {
    const given: BatchPlan[] = [
      { index: 2, clientToken: 'recorded-2', instanceIds: ids(3).slice(0, 2) },
      { index: 5, clientToken: 'recorded-5', instanceIds: [ids(3)[2]!] },
    ];
    const sent: string[] = [];
    const result = await run({
      instanceIds: ids(3),
      options: { batches: given },
      sendBatch: async (batch) => {
        sent.push(`${batch.index}:${batch.clientToken}:${batch.instanceIds.join('+')}`);
        return allSucceed(batch);
      },
    });
    expect(sent.sort()).toEqual(['2:recorded-2:i-0000+i-0001', '5:recorded-5:i-0002']);
    expect(result.batches).toEqual(given);
    await expect(run({ options: { batches: [{ index: 0, clientToken: 't', instanceIds: ['i-1'] }, { index: 1, clientToken: 'u', instanceIds: ['i-1'] }] } })).rejects.toThrow(
      RangeError,
    );
  });
});
