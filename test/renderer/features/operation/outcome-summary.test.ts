import { describe, expect, it } from 'vitest';
import type { InstanceOutcome } from '../../../../shared/domain/ecs';
import { countByCode, summarizeOutcomes } from '../../../../renderer/src/features/operation/outcome-summary';
import { failed, notSent, succeeded, unknown } from './support/operation-fixtures';

describe('outcome summary', () => {
  const outcomes = [
    succeeded('i-1'),
    failed('i-2', 'InvalidInstanceStatus'),
    failed('i-3', 'InvalidResetAuthenticationAgent.NotFound'),
    failed('i-4', 'InvalidInstanceStatus'),
    unknown('i-5', 'ECS_OPERATION_DETAIL_MISSING'),
    succeeded('i-6'),
    failed('i-7', 'AccessDenied'),
    unknown('i-8', 'ECS_RETRIES_EXHAUSTED'),
    unknown('i-9', 'ECS_RETRIES_EXHAUSTED'),
  ];

  it('counts each outcome once', () => {
    const summary = summarizeOutcomes(outcomes);
    expect({ total: summary.total, succeeded: summary.succeeded, failed: summary.failed, unknown: summary.unknown }).toEqual({
      total: 9,
      succeeded: 2,
      failed: 4,
      unknown: 3,
    });
  });

  it('counts requests never sent apart from failures, by their reason', () => {
    const summary = summarizeOutcomes([...outcomes, notSent('i-10'), notSent('i-11'), notSent('i-12', 'ECS_NOT_SENT')]);
    expect({ failed: summary.failed, notSent: summary.notSent, total: summary.total }).toEqual({ failed: 4, notSent: 3, total: 12 });
    expect(summary.failedByCode.map((entry) => entry.code)).not.toContain('ECS_CANCELLED');
    expect(summary.notSentByCode).toEqual([
      { code: 'ECS_CANCELLED', count: 2 },
      { code: 'ECS_NOT_SENT', count: 1 },
    ]);
  });

  it('groups failures by error code, most frequent first and ties by code', () => {
    expect(countByCode(outcomes, 'failed')).toEqual([
      { code: 'InvalidInstanceStatus', count: 2 },
      { code: 'AccessDenied', count: 1 },
      { code: 'InvalidResetAuthenticationAgent.NotFound', count: 1 },
    ]);
  });

  it('groups unknown outcomes by their reason code, apart from failures', () => {
    expect(summarizeOutcomes(outcomes).unknownByCode).toEqual([
      { code: 'ECS_RETRIES_EXHAUSTED', count: 2 },
      { code: 'ECS_OPERATION_DETAIL_MISSING', count: 1 },
    ]);
  });

  it('counts a wrapping code apart for each last error behind it', () => {
    const gaveUp = (instanceId: string, lastCode: string): InstanceOutcome => ({
      instanceId,
      status: 'unknown',
      reason: { code: 'ECS_RETRIES_EXHAUSTED', message: 'gave up', cause: { code: lastCode, message: lastCode } },
    });
    const outcomes = [gaveUp('i-1', 'InternalError'), gaveUp('i-2', 'IdempotentProcessing'), gaveUp('i-3', 'InternalError'), unknown('i-4', 'ECS_RETRIES_EXHAUSTED')];
    expect(countByCode(outcomes, 'unknown')).toEqual([
      { code: 'ECS_RETRIES_EXHAUSTED', lastCode: 'InternalError', count: 2 },
      { code: 'ECS_RETRIES_EXHAUSTED', count: 1 },
      { code: 'ECS_RETRIES_EXHAUSTED', lastCode: 'IdempotentProcessing', count: 1 },
    ]);
  });

  it('has empty groups and zero counts for no outcomes', () => {
    expect(summarizeOutcomes([])).toEqual({ total: 0, succeeded: 0, failed: 0, unknown: 0, notSent: 0, failedByCode: [], unknownByCode: [], notSentByCode: [] });
  });
});
