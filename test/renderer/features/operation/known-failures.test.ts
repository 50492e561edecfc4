import { describe, expect, it } from 'vitest';
import { knownToFailAgain, whyNothingToRetry } from '../../../../renderer/src/features/operation/known-failures';
import { failed, keyPair, makeResult, notSent, succeeded, unknown } from './support/operation-fixtures';

const result = makeResult([
  succeeded('i-1'),
  failed('i-2', 'InvalidResetAuthenticationAgent.NotFound'),
  failed('i-3', 'InternalError'),
  failed('i-4', 'InvalidResetAuthenticationAgent.NotFound'),
  notSent('i-5'),
]);
const scope = { profileId: result.plan.profileId, regionId: result.plan.regionId, keyPair, action: 'detach-key-pair' as const };

describe('instances known to fail again', () => {
  it('names the selected instances whose last detach failed for a reason that needs a change first', () => {
    const known = knownToFailAgain(result, scope, ['i-4', 'i-1', 'i-2', 'i-3', 'i-5']);
    expect(known.instanceIds).toEqual(['i-4', 'i-2']);
    expect(known.codes).toEqual([{ code: 'InvalidResetAuthenticationAgent.NotFound', count: 2 }]);
  });

  it('says nothing about another key pair, region or profile, or when none of the selection failed that way', () => {
    expect(knownToFailAgain(result, { ...scope, keyPair: { keyPairId: 'kp-other', keyPairName: 'other' } }, ['i-2']).instanceIds).toEqual([]);
    expect(knownToFailAgain(result, { ...scope, regionId: 'cn-shanghai' }, ['i-2']).instanceIds).toEqual([]);
    expect(knownToFailAgain(result, scope, ['i-1', 'i-3', 'i-5']).instanceIds).toEqual([]);
    expect(knownToFailAgain(null, scope, ['i-2']).instanceIds).toEqual([]);
  });
});

describe('why nothing can be run again', () => {
  it('gives no reason when something can be run again', () => {
    expect(whyNothingToRetry(result, 2)).toEqual([]);
  });

  it('says every instance succeeded, or that the failures need a change first', () => {
    expect(whyNothingToRetry(makeResult([succeeded('i-1')]), 0)).toEqual(['allSucceeded']);
    expect(whyNothingToRetry(makeResult([succeeded('i-1'), failed('i-2', 'AccessDenied')]), 0)).toEqual(['needsChange']);
  });

  it('explains that a reboot with an unknown result is not offered again', () => {
    const reboot = makeResult([unknown('i-1', 'ECS_NETWORK_TIMEOUT'), failed('i-2', 'AccessDenied')], { action: 'reboot', keyPair: null });
    expect(whyNothingToRetry(reboot, 0)).toEqual(['needsChange', 'unknownReboot']);
  });
});
