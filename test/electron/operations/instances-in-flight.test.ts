import { describe, expect, it } from 'vitest';
import { createInstancesInFlight } from '../../../electron/operations/instances-in-flight';
import { AppError } from '../../../shared/errors/app-error';

const detach = { operationId: 'op-detach', action: 'detach-key-pair' as const, keyPairName: 'prod', regionId: 'cn-beijing' };
const reboot = { operationId: 'op-reboot', action: 'reboot' as const, keyPairName: null, regionId: 'cn-beijing' };

function refusal(run: () => void): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('instances in flight', () => {
  it('refuses a claim over held instances, naming the operation that holds the most, and claims nothing then', () => {
    const inFlight = createInstancesInFlight();
    inFlight.claim(detach, ['i-1', 'i-2', 'i-3']);
    inFlight.claim(reboot, ['i-4']);
    const error = refusal(() => inFlight.claim({ ...reboot, operationId: 'op-new' }, ['i-2', 'i-3', 'i-4', 'i-5']));
    expect(error.toData()).toMatchObject({
      code: 'OPERATION_INSTANCES_BUSY',
      busy: { operationId: 'op-detach', action: 'detach-key-pair', keyPairName: 'prod', regionId: 'cn-beijing', overlapping: 3, asked: 4 },
    });
    expect(inFlight.size()).toEqual({ instances: 4, operations: 2 });
  });

  it('keys instances by region: the same ID in another region is another instance', () => {
    const inFlight = createInstancesInFlight();
    inFlight.claim(detach, ['i-1']);
    expect(() => inFlight.check('cn-shanghai', ['i-1'])).not.toThrow();
  });

  it('frees what an operation claimed when it is released, and nothing else', () => {
    const inFlight = createInstancesInFlight();
    inFlight.claim(detach, ['i-1']);
    inFlight.claim(reboot, ['i-2']);
    inFlight.release('op-detach');
    inFlight.release('op-unknown');
    expect(() => inFlight.check('cn-beijing', ['i-1'])).not.toThrow();
    expect(() => inFlight.check('cn-beijing', ['i-2'])).toThrow(AppError);
    inFlight.release('op-reboot');
    expect(inFlight.size()).toEqual({ instances: 0, operations: 0 });
  });

  it('marks a plan stale when a detach or an attach claims its instances after the mark, and never for a reboot', () => {
    const inFlight = createInstancesInFlight();
    const mark = inFlight.mark();
    inFlight.claim(reboot, ['i-1']);
    inFlight.release('op-reboot');
    expect(() => inFlight.checkKeysUnchangedSince(mark, 'cn-beijing', ['i-1', 'i-2'])).not.toThrow();
    inFlight.claim({ ...detach, action: 'attach-key-pair' }, ['i-2']);
    inFlight.release('op-detach');
    expect(refusal(() => inFlight.checkKeysUnchangedSince(mark, 'cn-beijing', ['i-1', 'i-2'])).code).toBe('PLAN_STALE');
    // Another region's instance of that ID, and a plan made after the change, are not stale.
    expect(() => inFlight.checkKeysUnchangedSince(mark, 'cn-shanghai', ['i-2'])).not.toThrow();
    expect(() => inFlight.checkKeysUnchangedSince(inFlight.mark(), 'cn-beijing', ['i-2'])).not.toThrow();
  });
});
