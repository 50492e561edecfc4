import { describe, expect, it } from 'vitest';
import { createRegionKnowledge } from '../../../electron/inventory/region-knowledge';
import type { Instance } from '../../../shared/domain/ecs';

const instance = (instanceId: string, keyPairId: string | null): Instance =>
  ({ instanceId, keyPairId, keyPairName: keyPairId === null ? null : `${keyPairId}-name`, status: 'RUNNING', osType: 'Linux' }) as Instance;

/** A region where a and b carry key k1 and c carries k2, known from complete listings of both key pairs. */
function listed() {
  const knowledge = createRegionKnowledge();
  const start = knowledge.nextStamp();
  knowledge.record('p', 'r', [instance('a', 'k1'), instance('b', 'k1'), instance('c', 'k2')]);
  knowledge.completeKeyListing('p', 'r', 'k1', new Set(['a', 'b']), start);
  knowledge.completeKeyListing('p', 'r', 'k2', new Set(['c']), start);
  return knowledge;
}
const boundIds = (knowledge: ReturnType<typeof createRegionKnowledge>, keyPairId: string) => {
  const bound = knowledge.boundTo('p', 'r', keyPairId);
  return bound === undefined ? undefined : [...bound.keys()];
};

describe("what main knows of a region's key bindings around a detach", () => {
  it('follows the outcome: a success drops the key, a failure keeps it, and nothing is known of it while it runs', () => {
    const knowledge = listed();
    knowledge.changing('p', 'r', ['a', 'b']);
    expect(boundIds(knowledge, 'k1')).toBeUndefined();
    // Another key pair's instances are not in doubt.
    expect(boundIds(knowledge, 'k2')).toEqual(['c']);
    knowledge.changed('p', 'r', [
      { instanceId: 'a', status: 'succeeded' },
      { instanceId: 'b', status: 'failed', error: { code: 'AccessDenied', message: 'no' } },
    ]);
    expect(boundIds(knowledge, 'k1')).toEqual(['b']);
    expect(knowledge.instances('p', 'r')?.get('a')).toMatchObject({ keyPairId: null, keyPairName: null });
  });

  it('keeps an unknown outcome in doubt until the instance is read again, or a fresh listing of the key lacks it', () => {
    const knowledge = listed();
    knowledge.changing('p', 'r', ['a']);
    knowledge.changed('p', 'r', [{ instanceId: 'a', status: 'unknown', reason: { code: 'ECS_NETWORK_TIMEOUT', message: 'no answer' } }]);
    expect(boundIds(knowledge, 'k1')).toBeUndefined();
    knowledge.completeKeyListing('p', 'r', 'k1', new Set(['b']), knowledge.nextStamp());
    expect(boundIds(knowledge, 'k1')).toEqual(['b']);

    const again = listed();
    again.changing('p', 'r', ['b']);
    again.changed('p', 'r', [{ instanceId: 'b', status: 'unknown', reason: { code: 'ECS_NETWORK_TIMEOUT', message: 'no answer' } }]);
    again.record('p', 'r', [instance('b', 'k1')]);
    expect(boundIds(again, 'k1')).toEqual(['a', 'b']);
  });

  it('does not keep a listing that was running while a change began or ended: it may have read too early', () => {
    const knowledge = listed();
    const start = knowledge.nextStamp();
    knowledge.changing('p', 'r', ['a']);
    knowledge.changed('p', 'r', [{ instanceId: 'a', status: 'succeeded' }]);
    // Read before the change applied, completed after: it still shows a on k1.
    knowledge.completeKeyListing('p', 'r', 'k1', new Set(['a', 'b']), start);
    expect(boundIds(knowledge, 'k1')).toEqual(['b']);
  });
});

describe("what main knows of a region's key bindings around an attach", () => {
  const k3 = { keyPairId: 'k3', keyPairName: 'k3-name' };

  it('follows the outcome: a success carries the attached key (in its listing too), the key it replaced is gone', () => {
    const knowledge = listed();
    knowledge.completeKeyListing('p', 'r', 'k3', new Set(), knowledge.nextStamp());
    knowledge.changing('p', 'r', ['a', 'c'], k3);
    // Neither the keys they carry nor the key being attached are known whole while it runs.
    expect(boundIds(knowledge, 'k1')).toBeUndefined();
    expect(boundIds(knowledge, 'k3')).toBeUndefined();
    knowledge.changed(
      'p',
      'r',
      [
        { instanceId: 'a', status: 'succeeded' },
        { instanceId: 'c', status: 'failed', error: { code: 'AccessDenied', message: 'no' } },
      ],
      k3,
    );
    expect(knowledge.instances('p', 'r')?.get('a')).toMatchObject({ keyPairId: 'k3', keyPairName: 'k3-name' });
    expect(boundIds(knowledge, 'k3')).toEqual(['a']);
    expect(boundIds(knowledge, 'k1')).toEqual(['b']);
    expect(boundIds(knowledge, 'k2')).toEqual(['c']);
  });

  it('keeps an unknown attach in doubt for the attached key too, until the instance is read again', () => {
    const knowledge = listed();
    knowledge.completeKeyListing('p', 'r', 'k3', new Set(), knowledge.nextStamp());
    knowledge.changing('p', 'r', ['c'], k3);
    knowledge.changed('p', 'r', [{ instanceId: 'c', status: 'unknown', reason: { code: 'ECS_NETWORK_TIMEOUT', message: 'no answer' } }], k3);
    expect(boundIds(knowledge, 'k3')).toBeUndefined();
    expect(boundIds(knowledge, 'k2')).toBeUndefined();
    // A fresh listing of k2 that lacks c does not mean c has no key: the attach may have put k3 on it.
    knowledge.completeKeyListing('p', 'r', 'k2', new Set(), knowledge.nextStamp());
    expect(knowledge.instances('p', 'r')?.get('c')?.keyPairId).toBe('k2');
    expect(boundIds(knowledge, 'k3')).toBeUndefined();
    knowledge.record('p', 'r', [instance('c', 'k3')]);
    expect(boundIds(knowledge, 'k2')).toEqual([]);
    // Read with k3 after k3's listing: bound to it now, listing or not.
    expect(boundIds(knowledge, 'k3')).toEqual(['c']);
  });
});
