import { describe, expect, it } from 'vitest';
import { buildInstanceIndex } from '../../../../renderer/src/features/instances/instance-index';
import { rowJudgeOf, selectionWaitOf } from '../../../../renderer/src/features/instances/instance-key-listing';
import { buildRows } from '../../../../renderer/src/features/instances/instance-rows';
import { createStore } from 'zustand/vanilla';
import { createInstanceTableState } from '../../../../renderer/src/features/instances/instance-table-state';
import { deployKey, instance } from './instance-fixtures';

/** One instance's row, judged to attach the deploy key (no key pair listing: an attach does not wait for one). */
const attachRow = (overrides: Parameters<typeof instance>[0]) => buildRows(buildInstanceIndex([instance(overrides)]), rowJudgeOf(deployKey, null, 'attach'))[0]!;

describe('instance rows, to attach a key pair', () => {
  it('makes an instance with no key pair selectable, as getting its first key', () => {
    expect(attachRow({ instanceId: 'i-1', keyPairId: null, keyPairName: null })).toMatchObject({ selectable: true, blocker: null, change: 'first' });
  });

  it('makes an instance with another key pair selectable, as a replacement', () => {
    expect(attachRow({ instanceId: 'i-1', keyPairId: 'kp-other', keyPairName: 'other' })).toMatchObject({ selectable: true, blocker: null, change: 'replace' });
  });

  it('blocks an instance that has the key already, a Windows one, and one neither running nor stopped', () => {
    expect(attachRow({ instanceId: 'i-1' })).toMatchObject({ selectable: false, blocker: 'already-bound', change: null });
    expect(attachRow({ instanceId: 'i-1', osType: 'Windows', keyPairId: null, keyPairName: null })).toMatchObject({ selectable: false, blocker: 'windows' });
    expect(attachRow({ instanceId: 'i-1', status: 'STARTING', keyPairId: null, keyPairName: null })).toMatchObject({ selectable: false, blocker: 'status' });
  });

  it('waits only for a key pair to be chosen, not for its listing', () => {
    expect(selectionWaitOf(null, null, 'attach')).toBe('choose-key-pair');
    expect(selectionWaitOf(deployKey, null, 'attach')).toBeNull();
    expect(selectionWaitOf(deployKey, null, 'detach')).toBe('key-listing');
  });

  it('judges every row again when the mode changes, and starts the selection over', () => {
    const store = createStore(createInstanceTableState);
    store.getState().setData([instance({ instanceId: 'i-bound' }), instance({ instanceId: 'i-bare', keyPairId: null, keyPairName: null })], deployKey);
    store.getState().setMode('attach');
    store.getState().toggle('i-bare');
    expect(store.getState().selectedIds()).toEqual(['i-bare']);
    expect(store.getState().rows.map((row) => row.blocker)).toEqual(['already-bound', null]);
    store.getState().setMode('detach');
    expect(store.getState().selected.size).toBe(0);
    expect(store.getState().rows.map((row) => row.change)).toEqual([null, null]);
  });
});
