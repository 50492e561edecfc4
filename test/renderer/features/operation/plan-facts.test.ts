import { describe, expect, it } from 'vitest';
import { formatPlannedRequest, groupExclusions, isConfirmed } from '../../../../renderer/src/features/operation/plan-facts';

describe('plan review facts', () => {
  it('groups the excluded instances by reason, largest group first', () => {
    const groups = groupExclusions([
      { instanceId: 'i-1', reason: 'windows' },
      { instanceId: 'i-2', reason: 'other-key' },
      { instanceId: 'i-3', reason: 'other-key' },
      { instanceId: 'i-4', reason: 'not-in-inventory' },
      { instanceId: 'i-5', reason: 'other-key' },
    ]);
    expect(groups).toEqual([
      { reason: 'other-key', instanceIds: ['i-2', 'i-3', 'i-5'] },
      { reason: 'windows', instanceIds: ['i-1'] },
      { reason: 'not-in-inventory', instanceIds: ['i-4'] },
    ]);
  });

  it('writes a planned request as its action and query parameters, in order', () => {
    const line = formatPlannedRequest({
      action: 'DetachKeyPair',
      query: [
        ['InstanceIds.1', 'i-a'],
        ['InstanceIds.2', 'i-b'],
        ['KeyPairId', 'kp-1'],
        ['ClientToken', 'tok'],
      ],
    });
    expect(line).toBe('DetachKeyPair InstanceIds.1=i-a InstanceIds.2=i-b KeyPairId=kp-1 ClientToken=tok');
  });

  it('needs no typing when the plan has no confirmation text', () => {
    expect(isConfirmed(null, '')).toBe(true);
  });

  it('confirms only on the exact text: not a prefix, not another case, not with spaces', () => {
    expect(isConfirmed('deploy-2023', 'deploy-2023')).toBe(true);
    expect(isConfirmed('deploy-2023', 'deploy-202')).toBe(false);
    expect(isConfirmed('deploy-2023', 'Deploy-2023')).toBe(false);
    expect(isConfirmed('deploy-2023', ' deploy-2023')).toBe(false);
    expect(isConfirmed('deploy-2023', '')).toBe(false);
  });
});
