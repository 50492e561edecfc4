import { describe, expect, it } from 'vitest';
import { filterOutcomes, noOutcomeFilter } from '../../../../renderer/src/features/operation/outcome-filter';
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
});
