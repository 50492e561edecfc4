import { describe, expect, it } from 'vitest';
import { buildRetryRequest, isRetryableOutcome, retryableInstanceIds } from '../../../../renderer/src/features/operation/retry-selection';
import { failed, makeResult, notSent, succeeded, unknown } from './support/operation-fixtures';

describe('which outcomes are retried', () => {
  it('retries failures whose code the catalogue calls retryable', () => {
    for (const code of ['InvalidInstanceStatus', 'FlowLimitExceeded', 'InternalError', 'ECS_RETRIES_EXHAUSTED']) {
      expect(isRetryableOutcome(failed('i-1', code), 'detach-key-pair'), code).toBe(true);
    }
  });

  it('does not retry failures that need the admin to change something first', () => {
    for (const code of ['InvalidKeyPairForWindows.Unsupported', 'InvalidResetAuthenticationAgent.NotFound', 'InvalidInstance.NotFound', 'AccessDenied', 'InvalidKeyPair.NotFound']) {
      expect(isRetryableOutcome(failed('i-1', code), 'detach-key-pair'), code).toBe(false);
    }
  });

  it('does not retry a failure with a code the catalogue does not know', () => {
    expect(isRetryableOutcome(failed('i-1', 'SomethingNew.Undocumented'), 'detach-key-pair')).toBe(false);
  });

  it('retries every unknown detach, whatever its reason code', () => {
    expect(isRetryableOutcome(unknown('i-1', 'ECS_OPERATION_DETAIL_MISSING'), 'detach-key-pair')).toBe(true);
    expect(isRetryableOutcome(unknown('i-2', 'ECS_UNEXPECTED_ERROR'), 'detach-key-pair')).toBe(true);
  });

  it('never retries an unknown reboot, which may have happened and would happen again', () => {
    expect(isRetryableOutcome(unknown('i-1', 'ECS_NETWORK_TIMEOUT'), 'reboot')).toBe(false);
    expect(isRetryableOutcome(failed('i-2', 'ECS_NETWORK_DNS'), 'reboot')).toBe(true);
  });

  it('offers again every instance whose request was never sent, for a detach and for a reboot', () => {
    expect(isRetryableOutcome(notSent('i-1'), 'detach-key-pair')).toBe(true);
    expect(isRetryableOutcome(notSent('i-2', 'ECS_NOT_SENT'), 'reboot')).toBe(true);
  });

  it('never retries a success', () => {
    expect(isRetryableOutcome(succeeded('i-1', 'req-1'), 'detach-key-pair')).toBe(false);
    expect(isRetryableOutcome(succeeded('i-1', 'req-1'), 'reboot')).toBe(false);
  });

  it('lists the retryable instances in the operation order', () => {
    const outcomes = [
      unknown('i-4', 'ECS_NETWORK_TIMEOUT'),
      succeeded('i-1'),
      failed('i-2', 'AccessDenied'),
      failed('i-3', 'FlowLimitExceeded'),
    ];
    expect(retryableInstanceIds(outcomes, 'detach-key-pair')).toEqual(['i-4', 'i-3']);
    expect(retryableInstanceIds(outcomes, 'reboot')).toEqual(['i-3']);
  });
});

describe('the retry plan request', () => {
  it('asks for the retryable instances with the same profile, region, action and key pair', () => {
    const result = makeResult([succeeded('i-1'), failed('i-2', 'InternalError'), unknown('i-3', 'ECS_RETRIES_EXHAUSTED'), failed('i-4', 'AccessDenied')]);
    expect(buildRetryRequest(result)).toEqual({
      profileId: 'profile-prod-0001',
      regionId: 'cn-beijing',
      action: 'detach-key-pair',
      keyPair: { keyPairId: 'kp-3f9a', keyPairName: 'deploy-2023' },
      forceStop: false,
      instanceIds: ['i-2', 'i-3'],
    });
  });

  it('keeps a reboot a reboot, with its force-stop choice and no key pair, and leaves its unknown outcomes out', () => {
    const result = makeResult([failed('i-9', 'InvalidInstanceStatus'), unknown('i-8', 'ECS_NETWORK_TIMEOUT')], { action: 'reboot', keyPair: null, forceStop: true });
    expect(buildRetryRequest(result)).toMatchObject({ action: 'reboot', keyPair: null, forceStop: true, instanceIds: ['i-9'] });
  });

  it('is null when nothing can be retried', () => {
    expect(buildRetryRequest(makeResult([succeeded('i-1'), failed('i-2', 'InvalidKeyPairForWindows.Unsupported')]))).toBeNull();
  });
});
