import { describe, expect, it } from 'vitest';
import { distinctRequestIds } from '../../../../renderer/src/features/operation/request-ids';
import { failed, succeeded, unknown } from './support/operation-fixtures';

describe('request IDs to copy', () => {
  it('lists each request ID once, in first-seen order', () => {
    const outcomes = [succeeded('i-1', 'req-b'), succeeded('i-2', 'req-b'), failed('i-3', 'InvalidInstanceStatus', { requestId: 'req-a' }), succeeded('i-4', 'req-a')];
    expect(distinctRequestIds(outcomes)).toEqual(['req-b', 'req-a']);
  });

  it('skips outcomes without a request ID, and empty ones', () => {
    const outcomes = [succeeded('i-1'), failed('i-2', 'ECS_CANCELLED'), unknown('i-3', 'ECS_NETWORK_TIMEOUT'), succeeded('i-4', ''), unknown('i-5', 'ECS_BAD_RESPONSE', 'req-u')];
    expect(distinctRequestIds(outcomes)).toEqual(['req-u']);
  });

  it("uses the last attempt's request ID when a wrapping error has none of its own", () => {
    expect(distinctRequestIds([failed('i-1', 'ECS_RETRIES_EXHAUSTED', { causeRequestId: 'req-last' })])).toEqual(['req-last']);
  });

  it("prefers the error's own request ID to its cause's", () => {
    expect(distinctRequestIds([failed('i-1', 'ECS_RETRIES_EXHAUSTED', { requestId: 'req-own', causeRequestId: 'req-last' })])).toEqual(['req-own']);
  });
});
