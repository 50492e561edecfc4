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
