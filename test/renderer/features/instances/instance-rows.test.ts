import { describe, expect, it } from 'vitest';
import type { KeyPairRef } from '../../../../shared/domain/detachability';
import { buildInstanceIndex } from '../../../../renderer/src/features/instances/instance-index';
import { rowJudgeOf, selectionWaitOf, type KeyListing } from '../../../../renderer/src/features/instances/instance-key-listing';
import { buildRows, rejudgeRows } from '../../../../renderer/src/features/instances/instance-rows';
import { tagsTextOf } from '../../../../renderer/src/features/instances/instance-search';
import { deployKey, instance, judgeFor, otherKey } from './instance-fixtures';

/** The row of one instance, judged with the key pair's complete listing (which has it when its data says bound). */
const rowFor = (overrides: Parameters<typeof instance>[0], keyPair: KeyPairRef | null = deployKey) => {
  const instances = [instance(overrides)];
  return buildRows(buildInstanceIndex(instances), judgeFor(keyPair, instances))[0]!;
};

const listing = (state: KeyListing['state'], ids: string[], keyPairId = deployKey.keyPairId): KeyListing => ({ keyPairId, state, boundIds: new Set(ids) });
const judgedWith = (keyListing: KeyListing | null, overrides: Parameters<typeof instance>[0] = { instanceId: 'i-1' }) =>
  buildRows(buildInstanceIndex([instance(overrides)]), rowJudgeOf(deployKey, keyListing))[0]!;

describe('instance rows', () => {
  it('makes a running or stopped Linux instance bound to the chosen key pair selectable', () => {
    expect(rowFor({ instanceId: 'i-1', status: 'RUNNING' })).toMatchObject({ selectable: true, blocker: null });
    expect(rowFor({ instanceId: 'i-1', status: 'STOPPED' })).toMatchObject({ selectable: true, blocker: null });
  });

  it('blocks a Windows instance (no key pairs on Windows)', () => {
    expect(rowFor({ instanceId: 'i-1', osType: 'Windows' })).toMatchObject({ selectable: false, blocker: 'windows' });
  });

  it('blocks an instance whose status does not allow detaching', () => {
    expect(rowFor({ instanceId: 'i-1', status: 'STARTING' })).toMatchObject({ selectable: false, blocker: 'status' });
  });

  it('blocks an instance with no key pair bound', () => {
    expect(rowFor({ instanceId: 'i-1', keyPairName: null, keyPairId: null })).toMatchObject({ selectable: false, blocker: 'no-key' });
  });

  it('blocks an instance bound to another key pair', () => {
    expect(rowFor({ instanceId: 'i-1', keyPairName: 'other', keyPairId: 'kp-other' })).toMatchObject({ selectable: false, blocker: 'other-key' });
  });

  it('makes nothing selectable while no key pair is chosen, without inventing a reason', () => {
    expect(rowFor({ instanceId: 'i-1' }, null)).toMatchObject({ selectable: false, blocker: null });
  });

  it('keeps one lowercase search string per row, and shows tags compactly', () => {
    const row = rowFor({ instanceId: 'i-UP', instanceName: 'Mixed', tags: [{ key: 'Env', value: 'Prod' }, { key: 'solo', value: '' }] });
    expect(row.searchText).toBe(row.searchText.toLowerCase());
    expect(row.searchText).toContain('env=prod');
    expect(tagsTextOf(row.instance)).toBe('Env=Prod, solo');
  });

  it('blocks an instance whose data says bound when the complete listing of the key pair does not have it', () => {
    expect(judgedWith(listing('complete', ['i-other']))).toMatchObject({ selectable: false, blocker: 'not-bound' });
    expect(judgedWith(listing('complete', ['i-1']))).toMatchObject({ selectable: true, blocker: null });
  });

  it('prefers a DetachKeyPair rule over not-bound', () => {
    expect(judgedWith(listing('complete', []), { instanceId: 'i-1', osType: 'Windows' })).toMatchObject({ selectable: false, blocker: 'windows' });
    expect(judgedWith(listing('complete', ['i-1']), { instanceId: 'i-1', status: 'STARTING' })).toMatchObject({ selectable: false, blocker: 'status' });
  });

  it('makes nothing selectable, without a reason, until the key pair listing is complete', () => {
    for (const keyListing of [null, listing('listing', ['i-1']), listing('incomplete', ['i-1']), listing('complete', ['i-1'], otherKey.keyPairId)]) {
      expect(judgedWith(keyListing)).toMatchObject({ selectable: false, blocker: null });
    }
    // A DetachKeyPair rule is known from the data alone, so it is shown while waiting.
    expect(judgedWith(null, { instanceId: 'i-1', keyPairName: 'other', keyPairId: 'kp-other' })).toMatchObject({ selectable: false, blocker: 'other-key' });
  });

  it('says why nothing is selectable yet', () => {
    expect(selectionWaitOf(null, listing('complete', []))).toBe('choose-key-pair');
    expect(selectionWaitOf(deployKey, null)).toBe('key-listing');
    expect(selectionWaitOf(deployKey, listing('listing', []))).toBe('key-listing');
    expect(selectionWaitOf(deployKey, listing('complete', [], otherKey.keyPairId))).toBe('key-listing');
    expect(selectionWaitOf(deployKey, listing('incomplete', []))).toBe('key-listing-incomplete');
    expect(selectionWaitOf(deployKey, listing('complete', []))).toBeNull();
  });

  it('keeps the row objects whose verdict a new judge does not change', () => {
    const instances = [instance({ instanceId: 'i-1' }), instance({ instanceId: 'i-2', osType: 'Windows' })];
    const rows = buildRows(buildInstanceIndex(instances), rowJudgeOf(deployKey, null));
    const judged = rejudgeRows(rows, judgeFor(deployKey, instances))!;
    expect(judged[0]).not.toBe(rows[0]);
    expect(judged[0]).toMatchObject({ selectable: true });
    expect(judged[1]).toBe(rows[1]);
    expect(rejudgeRows(judged, judgeFor(deployKey, instances))).toBeNull();
  });
});
