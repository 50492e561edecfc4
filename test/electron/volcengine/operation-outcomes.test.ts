import { describe, expect, it } from 'vitest';
import type { BatchPlan } from '../../../shared/domain/ecs';
import { EcsError } from '../../../electron/volcengine/ecs-error';
import { notSentOutcomes, outcomesFromDetails, outcomesFromError } from '../../../electron/volcengine/operation-outcomes';

const plan: BatchPlan = { index: 0, clientToken: 'token-1', instanceIds: ['i-1', 'i-2', 'i-3'] };
const facts = { action: 'DetachKeyPair', requestId: 'req-9', httpStatus: 200 };

describe('outcomes from OperationDetails', () => {
  it('reads every entry: success, per-instance failure, and a missing entry as unknown', () => {
    const outcomes = outcomesFromDetails(
      plan,
      [
        { instanceId: 'i-1', error: null },
        { instanceId: 'i-2', error: { code: 'InvalidInstanceStatus', message: 'STOPPING' } },
      ],
      facts,
    );
    expect(outcomes).toEqual([
      { instanceId: 'i-1', status: 'succeeded', requestId: 'req-9' },
      { instanceId: 'i-2', status: 'failed', error: { code: 'InvalidInstanceStatus', message: 'STOPPING', httpStatus: 200, action: 'DetachKeyPair', requestId: 'req-9' } },
      { instanceId: 'i-3', status: 'unknown', reason: expect.objectContaining({ code: 'ECS_OPERATION_DETAIL_MISSING', requestId: 'req-9' }) as unknown },
    ]);
  });

  it('ignores entries for instances that were not requested', () => {
    const outcomes = outcomesFromDetails(plan, [{ instanceId: 'i-999', error: null }, { instanceId: 'i-1', error: null }], facts);
    expect(outcomes.map((outcome) => outcome.instanceId)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['succeeded', 'unknown', 'unknown']);
  });

  it('treats an empty error code as success but an error with only a message as unknown', () => {
    const outcomes = outcomesFromDetails(
      plan,
      [
        { instanceId: 'i-1', error: { code: '', message: undefined } },
        { instanceId: 'i-2', error: { code: undefined, message: 'something happened' } },
        { instanceId: 'i-3', error: undefined },
      ],
      facts,
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['succeeded', 'unknown', 'succeeded']);
  });

  it('calls contradictory entries for one instance unknown, and agreeing duplicates what they agree on', () => {
    const outcomes = outcomesFromDetails(
      plan,
      [
        { instanceId: 'i-1', error: null },
        { instanceId: 'i-1', error: { code: 'InternalError', message: 'x' } },
        { instanceId: 'i-2', error: null },
        { instanceId: 'i-2', error: null },
        { instanceId: 'i-3', error: { code: 'InvalidInstance.NotFound', message: 'a' } },
        { instanceId: 'i-3', error: { code: 'InvalidInstance.NotFound', message: 'b' } },
      ],
      facts,
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['unknown', 'succeeded', 'failed']);
  });
});

describe('outcomes of a failed request', () => {
  it('fails every instance with the error when nothing can have been applied', () => {
    const error = new EcsError({ kind: 'api', code: 'InvalidKeyPair.NotFound', message: 'gone', httpStatus: 404, requestId: 'r', mayHaveTakenEffect: false });
    const outcomes = outcomesFromError(plan, error);
    expect(outcomes).toHaveLength(3);
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'InvalidKeyPair.NotFound', httpStatus: 404, requestId: 'r' } });
    }
  });

  it('calls every instance unknown when the request may have been applied', () => {
    const error = new EcsError({ kind: 'retries-exhausted', code: 'ECS_RETRIES_EXHAUSTED', message: 'gave up', mayHaveTakenEffect: true });
    expect(outcomesFromError(plan, error).map((outcome) => outcome.status)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('reports a batch that was never sent as not sent, not failed, with a code that says why', () => {
    for (const code of ['ECS_CANCELLED', 'ECS_NOT_SENT'] as const) {
      const outcomes = notSentOutcomes(plan, code, 'DetachKeyPair');
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['not-sent', 'not-sent', 'not-sent']);
      expect(outcomes[0]).toMatchObject({ reason: { code } });
    }
  });

  it('counts a request cancelled before anything was applied as not sent, and one that may have been applied as unknown', () => {
    const cancelled = new EcsError({ kind: 'cancelled', code: 'ECS_CANCELLED', message: 'cancelled while waiting', mayHaveTakenEffect: false });
    expect(outcomesFromError(plan, cancelled).map((outcome) => outcome.status)).toEqual(['not-sent', 'not-sent', 'not-sent']);
    const inFlight = new EcsError({ kind: 'cancelled', code: 'ECS_CANCELLED', message: 'cancelled in flight', mayHaveTakenEffect: true });
    expect(outcomesFromError(plan, inFlight).map((outcome) => outcome.status)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});
