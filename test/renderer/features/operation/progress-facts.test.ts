import { describe, expect, it } from 'vitest';
import type { OperationProgress } from '../../../../shared/domain/operation';
import { isTerminalState, progressCounts } from '../../../../renderer/src/features/operation/progress-facts';

const progress = (overrides: Partial<OperationProgress>): OperationProgress => ({
  operationId: 'op-1',
  state: 'running',
  total: 1000,
  succeeded: 0,
  failed: 0,
  unknown: 0,
  notSent: 0,
  requestsTotal: 10,
  requestsSent: 0,
  requestsAnswered: 0,
  ...overrides,
});

describe('progress counts', () => {
  it('counts succeeded, failed and unknown as done and the rest as pending', () => {
    expect(progressCounts(progress({ succeeded: 300, failed: 40, unknown: 5, requestsSent: 5, requestsAnswered: 3 }))).toEqual({
      done: 345,
      pending: 655,
      instancesPercent: 34,
      requestsPercent: 30,
    });
  });

  it('does not show 100 % while one instance is still pending', () => {
    expect(progressCounts(progress({ succeeded: 999 })).instancesPercent).toBe(99);
  });

  it('shows 100 % when everything is done', () => {
    expect(progressCounts(progress({ succeeded: 990, unknown: 10, requestsAnswered: 10 }))).toMatchObject({ pending: 0, instancesPercent: 100, requestsPercent: 100 });
  });

  it('treats finished and cancelled as the end, running and cancelling not', () => {
    expect(['running', 'cancelling', 'finished', 'cancelled'].map((state) => isTerminalState(state as OperationProgress['state']))).toEqual([false, false, true, true]);
  });
});
