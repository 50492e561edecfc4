import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../../shared/domain/ecs';
import { dropRowsOlderThan, mergeInstances } from '../../../../renderer/src/features/instances/instance-table-merge';
import {
  emptyInstanceTableModel,
  selectAllMatching,
  setFilter,
  setKeyListing,
  setKeyPair,
  setQuery,
  setSort,
  toggleRow,
  type InstanceTableModel,
} from '../../../../renderer/src/features/instances/instance-table-model';
import { completeListing, deployKey, instance } from './instance-fixtures';

const ids = (rows: InstanceTableModel['visibleRows']) => rows.map((row) => row.id);
const fresh = (stamp: number) => ({ stamp, cached: false });
const cached = { stamp: 0, cached: true };

const fleet: Instance[] = [
  instance({ instanceId: 'i-1', instanceName: 'web-1', status: 'STOPPED' }),
  instance({ instanceId: 'i-2', instanceName: 'web-2' }),
  instance({ instanceId: 'i-3', instanceName: 'db-1', status: 'STOPPED' }),
];

/** The fleet merged in as one fresh batch, deployKey chosen and its listing complete. */
function ready(instances: readonly Instance[] = fleet): InstanceTableModel {
  const model = mergeInstances(setKeyPair(emptyInstanceTableModel(), deployKey), instances, fresh(1));
  return setKeyListing(model, completeListing(deployKey, instances));
}

describe('merging streamed instances', () => {
  it('appends new instances in arrival order, stamped with their batch', () => {
    let model = mergeInstances(emptyInstanceTableModel(), fleet.slice(0, 2), fresh(1));
    model = mergeInstances(model, fleet.slice(2), fresh(2));
    expect(ids(model.visibleRows)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(model.rows.map((row) => [row.position, row.stamp, row.cached])).toEqual([
      [0, 1, false],
      [1, 1, false],
      [2, 2, false],
    ]);
  });

  it('returns the same model for a merge that changes nothing, and a new data version otherwise', () => {
    const model = mergeInstances(emptyInstanceTableModel(), fleet, fresh(1));
    expect(mergeInstances(model, [], fresh(2))).toBe(model);
    expect(mergeInstances(model, fleet.map((item) => ({ ...item })), fresh(1))).toBe(model);
    expect(mergeInstances(model, fleet, cached)).toBe(model);
    expect(mergeInstances(model, fleet, fresh(2)).dataVersion).not.toBe(model.dataVersion);
  });

  it('keeps a replaced row in its place and moves it out of a filter it no longer matches', () => {
    let model = setFilter(mergeInstances(emptyInstanceTableModel(), fleet, fresh(1)), 'statuses', ['STOPPED']);
    expect(ids(model.visibleRows)).toEqual(['i-1', 'i-3']);
    model = mergeInstances(model, [instance({ instanceId: 'i-1', instanceName: 'web-1', status: 'RUNNING' })], fresh(2));
    expect(ids(model.rows)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(model.rows[0]).toMatchObject({ position: 0, stamp: 2 });
    expect(ids(model.visibleRows)).toEqual(['i-3']);
    model = mergeInstances(model, [instance({ instanceId: 'i-2', instanceName: 'web-2', status: 'STOPPED' })], fresh(3));
    expect(ids(model.visibleRows)).toEqual(['i-2', 'i-3']);
  });

  it('searches a replaced row by its new text and sorts it by its new value', () => {
    let model = setSort(setQuery(mergeInstances(emptyInstanceTableModel(), fleet, fresh(1)), 'web'), { column: 'name', direction: 'asc' });
    expect(ids(model.visibleRows)).toEqual(['i-1', 'i-2']);
    model = mergeInstances(model, [instance({ instanceId: 'i-1', instanceName: 'web-9' }), instance({ instanceId: 'i-3', instanceName: 'web-0' })], fresh(2));
    expect(model.rows[0]!.searchText).toContain('web-9');
    expect(ids(model.visibleRows)).toEqual(['i-3', 'i-2', 'i-1']);
    expect(ids(model.sortedRows)).toEqual(['i-3', 'i-2', 'i-1']);
  });

  it('merges new rows into a sorted, searched table where the sort puts them', () => {
    let model = setQuery(setSort(mergeInstances(emptyInstanceTableModel(), fleet, fresh(1)), { column: 'name', direction: 'desc' }), 'web');
    model = mergeInstances(model, [instance({ instanceId: 'i-4', instanceName: 'web-10' }), instance({ instanceId: 'i-5', instanceName: 'db-2' })], fresh(2));
    expect(ids(model.visibleRows)).toEqual(['i-4', 'i-2', 'i-1']);
    expect(ids(model.sortedRows)).toEqual(['i-4', 'i-2', 'i-1', 'i-5', 'i-3']);
  });

  it('lets a cached batch fill gaps and replace cached rows, but never overwrite fresh data', () => {
    let model = mergeInstances(emptyInstanceTableModel(), [instance({ instanceId: 'i-1', instanceName: 'fresh' })], fresh(1));
    model = mergeInstances(model, [instance({ instanceId: 'i-1', instanceName: 'stale' }), instance({ instanceId: 'i-2', instanceName: 'from-disk' })], cached);
    expect(model.rows.map((row) => [row.id, row.instance.instanceName, row.stamp, row.cached])).toEqual([
      ['i-1', 'fresh', 1, false],
      ['i-2', 'from-disk', 0, true],
    ]);
    model = mergeInstances(model, [instance({ instanceId: 'i-2', instanceName: 'from-disk-again' })], cached);
    expect(model.rows[1]!.instance.instanceName).toBe('from-disk-again');
    model = mergeInstances(model, [instance({ instanceId: 'i-2', instanceName: 'confirmed' })], fresh(2));
    expect(model.rows[1]).toMatchObject({ stamp: 2, cached: false, instance: { instanceName: 'confirmed' } });
  });

  it('only re-stamps a re-read that says the same: same search string and place, new stamp', () => {
    const model = setSort(mergeInstances(emptyInstanceTableModel(), fleet, cached), { column: 'name', direction: 'asc' });
    const next = mergeInstances(
      model,
      fleet.map((item) => ({ ...item, tags: [...item.tags] })),
      fresh(5),
    );
    expect(next.rows.map((row) => [row.stamp, row.cached])).toEqual([
      [5, false],
      [5, false],
      [5, false],
    ]);
    expect(next.rows[0]!.searchText).toBe(model.rows[0]!.searchText);
    expect(next.rows[0]!.instance).toBe(model.rows[0]!.instance);
    expect(ids(next.visibleRows)).toEqual(ids(model.visibleRows));
  });

  it('takes the last of several readings of one instance within a batch', () => {
    const model = mergeInstances(emptyInstanceTableModel(), [instance({ instanceId: 'i-1', status: 'RUNNING' }), instance({ instanceId: 'i-1', status: 'STOPPED' })], fresh(1));
    expect(model.rows).toHaveLength(1);
    expect(model.rows[0]!.instance.status).toBe('STOPPED');
    expect(model.index.facets().statuses).toEqual([{ value: 'STOPPED', count: 1 }]);
  });

  it('shares one index across merges, and bumps the data version each time', () => {
    const first = mergeInstances(emptyInstanceTableModel(), fleet.slice(0, 1), fresh(1));
    const second = mergeInstances(first, fleet.slice(1), fresh(2));
    expect(second.index).toBe(first.index);
    expect(second.dataVersion).toBeGreaterThan(first.dataVersion);
  });
});

describe('selectability of merged rows', () => {
  it('waits for the key pair listing, then makes the rows it has selectable', () => {
    let model = mergeInstances(emptyInstanceTableModel(), fleet, fresh(1));
    expect(model.selectionWait).toBe('choose-key-pair');
    model = setKeyPair(model, deployKey);
    expect(model.selectionWait).toBe('key-listing');
    model = setKeyListing(model, { keyPairId: deployKey.keyPairId, state: 'listing', boundIds: new Set(['i-1']) });
    expect(model.selectionWait).toBe('key-listing');
    expect(model.visibleSelectableCount).toBe(0);
    model = setKeyListing(model, { keyPairId: deployKey.keyPairId, state: 'complete', boundIds: new Set(['i-1', 'i-2']) });
    expect(model.selectionWait).toBeNull();
    expect(model.rows.map((row) => [row.id, row.selectable, row.blocker])).toEqual([
      ['i-1', true, null],
      ['i-2', true, null],
      ['i-3', false, 'not-bound'],
    ]);
    expect(model.visibleSelectableCount).toBe(2);
    model = setKeyListing(model, { keyPairId: deployKey.keyPairId, state: 'incomplete', boundIds: new Set(['i-1', 'i-2']) });
    expect(model.selectionWait).toBe('key-listing-incomplete');
    expect(model.visibleSelectableCount).toBe(0);
  });

  it('judges rows that arrive after the listing completed against it', () => {
    const model = mergeInstances(ready(), [instance({ instanceId: 'i-4' }), instance({ instanceId: 'i-5', osType: 'Windows' })], fresh(2));
    expect(model.rows.slice(3).map((row) => [row.id, row.selectable, row.blocker])).toEqual([
      ['i-4', false, 'not-bound'],
      ['i-5', false, 'windows'],
    ]);
  });

  it('drops a selected row from the selection when its replacement cannot be selected, and keeps the counts right', () => {
    let model = selectAllMatching(ready());
    expect([...model.selected].sort()).toEqual(['i-1', 'i-2', 'i-3']);
    model = mergeInstances(model, [instance({ instanceId: 'i-2', instanceName: 'web-2', status: 'STARTING' }), instance({ instanceId: 'i-3', instanceName: 'db-1a', status: 'RUNNING' })], fresh(2));
    expect([...model.selected].sort()).toEqual(['i-1', 'i-3']);
    expect(model.rows[1]).toMatchObject({ selectable: false, blocker: 'status' });
    expect(model.selectedVisibleCount).toBe(2);
    expect(model.visibleSelectableCount).toBe(2);
  });

  it('drops selected rows that a change of listing makes unselectable', () => {
    let model = toggleRow(ready(), 'i-3');
    model = setKeyListing(model, { keyPairId: deployKey.keyPairId, state: 'complete', boundIds: new Set(['i-1']) });
    expect(model.selected.size).toBe(0);
    expect(model.selectedVisibleCount).toBe(0);
  });

  it('counts a listing of another key pair as none: waits, and drops the selection', () => {
    const before = toggleRow(ready(), 'i-1');
    const after = setKeyListing(before, { keyPairId: 'kp-other', state: 'complete', boundIds: new Set() });
    expect(after.selectionWait).toBe('key-listing');
    expect(after.selected.size).toBe(0);
    expect(setKeyListing(after, after.keyListing)).toBe(after);
  });

  it('does not judge rows again while the listing is still running', () => {
    const model = setKeyPair(mergeInstances(emptyInstanceTableModel(), fleet, fresh(1)), deployKey);
    const listing = setKeyListing(model, { keyPairId: deployKey.keyPairId, state: 'listing', boundIds: new Set(['i-1']) });
    expect(listing.rows).toBe(model.rows);
    expect(listing.visibleRows).toBe(model.visibleRows);
  });
});

describe('dropping rows a completed listing did not see', () => {
  it('removes rows stamped before the listing, renumbers the rest and keeps their order, text and instance', () => {
    let model = mergeInstances(emptyInstanceTableModel(), fleet, cached);
    model = setSort(mergeInstances(model, [fleet[2]!, instance({ instanceId: 'i-4', instanceName: 'app' })], fresh(3)), { column: 'name', direction: 'asc' });
    const keptText = model.rows[2]!.searchText;
    const dropped = dropRowsOlderThan(model, 3);
    expect(ids(dropped.rows)).toEqual(['i-3', 'i-4']);
    expect(dropped.rows.map((row) => row.position)).toEqual([0, 1]);
    expect(dropped.rows[0]!.searchText).toBe(keptText);
    expect(dropped.rows[0]!.instance).toBe(fleet[2]);
    expect(ids(dropped.visibleRows)).toEqual(['i-4', 'i-3']);
    expect(dropped.index.positionOf('i-1')).toBeUndefined();
    expect(dropped.index.positionOf('i-4')).toBe(1);
    expect(dropped.dataVersion).not.toBe(model.dataVersion);
  });

  it('returns the same model when nothing is older', () => {
    const model = mergeInstances(emptyInstanceTableModel(), fleet, fresh(4));
    expect(dropRowsOlderThan(model, 4)).toBe(model);
    expect(dropRowsOlderThan(model, 0)).toBe(model);
  });

  it('prunes dropped rows from the selection and the anchor, and keeps the counts right', () => {
    let model = toggleRow(toggleRow(ready(), 'i-2'), 'i-1');
    model = setQuery(mergeInstances(model, [fleet[0]!], fresh(2)), 'web');
    model = dropRowsOlderThan(model, 2);
    expect([...model.selected]).toEqual(['i-1']);
    expect(model.anchorId).toBe('i-1');
    expect(ids(model.visibleRows)).toEqual(['i-1']);
    expect(model.selectedVisibleCount).toBe(1);
    const all = dropRowsOlderThan(model, 99);
    expect(all.rows).toEqual([]);
    expect(all.selected.size).toBe(0);
    expect(all.anchorId).toBeNull();
  });
});
