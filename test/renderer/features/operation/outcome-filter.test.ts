import { describe, expect, it } from 'vitest';
import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { filterCodeChoices, filterOutcomes, noOutcomeFilter } from '../../../../renderer/src/features/operation/outcome-filter';
import { failed, succeeded, unknown } from './support/operation-fixtures';

describe('outcome filters', () => {
  const outcomes = [succeeded('i-1'), failed('i-2', 'InvalidInstanceStatus'), unknown('i-3', 'InvalidInstanceStatus'), failed('i-4', 'AccessDenied')];
  const ids = (filter: Parameters<typeof filterOutcomes>[1]) => filterOutcomes(outcomes, filter).map((outcome) => outcome.instanceId);

  it('shows everything without a filter', () => {
    expect(ids(noOutcomeFilter)).toEqual(['i-1', 'i-2', 'i-3', 'i-4']);
  });

  it('keeps only the chosen outcome', () => {
    expect(ids({ status: 'failed', code: null })).toEqual(['i-2', 'i-4']);
    expect(ids({ status: 'succeeded', code: null })).toEqual(['i-1']);
  });

  it('keeps only the chosen error code, failed or unknown', () => {
    expect(ids({ status: 'all', code: 'InvalidInstanceStatus' })).toEqual(['i-2', 'i-3']);
  });

  it('combines outcome and code', () => {
    expect(ids({ status: 'unknown', code: 'InvalidInstanceStatus' })).toEqual(['i-3']);
    expect(ids({ status: 'succeeded', code: 'AccessDenied' })).toEqual([]);
  });

  describe('behind a wrapping error', () => {
    const gaveUp = (instanceId: string, status: 'failed' | 'unknown', lastCode: string): InstanceOutcome => {
      const error = { code: 'ECS_RETRIES_EXHAUSTED', message: 'gave up', cause: { code: lastCode, message: lastCode } };
      return status === 'failed' ? { instanceId, status, error } : { instanceId, status, reason: error };
    };
    const wrapped = [
      failed('i-1', 'FlowLimitExceeded'),
      gaveUp('i-2', 'failed', 'FlowLimitExceeded'),
      gaveUp('i-3', 'unknown', 'InternalError'),
      succeeded('i-4'),
    ];
    const wrappedIds = (code: string) => filterOutcomes(wrapped, { status: 'all', code }).map((outcome) => outcome.instanceId);

    it('matches the last error\'s code as well as the outcome\'s own', () => {
      expect(wrappedIds('FlowLimitExceeded')).toEqual(['i-1', 'i-2']);
      expect(wrappedIds('InternalError')).toEqual(['i-3']);
      expect(wrappedIds('ECS_RETRIES_EXHAUSTED')).toEqual(['i-2', 'i-3']);
    });

    it('offers every code with the count its filter leaves, most frequent first', () => {
      expect(filterCodeChoices(wrapped)).toEqual([
        { code: 'ECS_RETRIES_EXHAUSTED', count: 2 },
        { code: 'FlowLimitExceeded', count: 2 },
        { code: 'InternalError', count: 1 },
      ]);
      for (const { code, count } of filterCodeChoices(wrapped)) expect(wrappedIds(code)).toHaveLength(count);
    });
  });
});
