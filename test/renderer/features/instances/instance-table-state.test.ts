import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Instance } from '../../../../shared/domain/ecs';
import { detachBlocker } from '../../../../shared/domain/detachability';
import { tagFilterValue } from '../../../../renderer/src/features/instances/instance-facets';
import { createInstanceTableState } from '../../../../renderer/src/features/instances/instance-table-state';
import { completeListing, deployKey, generatedInstances, instance, otherKey } from './instance-fixtures';

const newStore = () => createStore(createInstanceTableState);
const visibleIds = (store: ReturnType<typeof newStore>) => store.getState().visibleRows.map((row) => row.id);

const fleet: Instance[] = [
  instance({ instanceId: 'i-1', instanceName: 'web-1', zoneId: 'z-b' }),
  instance({ instanceId: 'i-2', instanceName: 'web-2', zoneId: 'z-a', keyPairName: 'other', keyPairId: 'kp-other' }),
  instance({ instanceId: 'i-3', instanceName: 'db-1', zoneId: 'z-c', osType: 'Windows' }),
  instance({ instanceId: 'i-4', instanceName: 'web-3', zoneId: 'z-a', status: 'STOPPED' }),
  instance({ instanceId: 'i-5', instanceName: 'db-2', zoneId: 'z-b', status: 'REBOOTING' }),
];

/** The fleet with deployKey chosen and its listing complete: ready to select. */
function loaded(keyPair = deployKey) {
  const store = newStore();
  store.getState().setData(fleet, keyPair);
  store.getState().setKeyListing(completeListing(keyPair, fleet));
  return store;
}

describe('instance table state', () => {
  it('shows every row in data order after a load, with its counts', () => {
    const state = loaded().getState();
    expect(state.visibleRows.map((row) => row.id)).toEqual(['i-1', 'i-2', 'i-3', 'i-4', 'i-5']);
    expect(state.visibleSelectableCount).toBe(2);
    expect(state.selected.size).toBe(0);
  });

  it('keeps the same visible rows when the query changes only in spacing', () => {
    const store = loaded();
    store.getState().setQuery('web');
    const rows = store.getState().visibleRows;
    store.getState().setQuery('  web ');
    expect(store.getState().visibleRows).toBe(rows);
  });

  it('narrows as the query is typed and widens again when it is erased', () => {
    const store = loaded();
    store.getState().setQuery('w');
    expect(visibleIds(store)).toEqual(['i-1', 'i-2', 'i-4']);
    store.getState().setQuery('web-');
    expect(visibleIds(store)).toEqual(['i-1', 'i-2', 'i-4']);
    store.getState().setQuery('web-2');
    expect(visibleIds(store)).toEqual(['i-2']);
    store.getState().setQuery('db');
    expect(visibleIds(store)).toEqual(['i-3', 'i-5']);
    store.getState().setQuery('');
    expect(visibleIds(store)).toEqual(['i-1', 'i-2', 'i-3', 'i-4', 'i-5']);
  });

  it('combines a filter with the query and clears filters on demand', () => {
    const store = loaded();
    store.getState().setFilter('zones', ['z-a']);
    store.getState().setQuery('web');
    expect(visibleIds(store)).toEqual(['i-2', 'i-4']);
    store.getState().clearFilters();
    expect(visibleIds(store)).toEqual(['i-1', 'i-2', 'i-4']);
  });

  it('keeps the sort order under a query and cycles the sort from the header', () => {
    const store = loaded();
    store.getState().cycleSort('name');
    expect(visibleIds(store)).toEqual(['i-3', 'i-5', 'i-1', 'i-2', 'i-4']);
    store.getState().setQuery('web');
    store.getState().cycleSort('name');
    expect(store.getState().sort).toEqual({ column: 'name', direction: 'desc' });
    expect(visibleIds(store)).toEqual(['i-4', 'i-2', 'i-1']);
    store.getState().cycleSort('name');
    expect(store.getState().sort).toBeNull();
    expect(visibleIds(store)).toEqual(['i-1', 'i-2', 'i-4']);
  });

  it('toggles selectable rows only, and counts the selection among visible rows', () => {
    const store = loaded();
    store.getState().toggle('i-1');
    store.getState().toggle('i-3');
    expect(store.getState().selectedIds()).toEqual(['i-1']);
    expect(store.getState().selectedVisibleCount).toBe(1);
    store.getState().setQuery('db');
    expect(store.getState().selectedVisibleCount).toBe(0);
    expect(store.getState().selected.size).toBe(1);
  });

  it('selects a shift-click range from the last clicked row over the visible, selectable rows', () => {
    const store = loaded();
    const allBound = fleet.map((item) => ({ ...item, keyPairName: 'deploy', keyPairId: 'kp-deploy', status: 'RUNNING' }));
    store.getState().setData(allBound, deployKey);
    store.getState().setKeyListing(completeListing(deployKey, allBound));
    store.getState().toggle('i-1');
    store.getState().selectRange('i-5');
    // i-3 is Windows.
    expect(store.getState().selectedIds()).toEqual(['i-1', 'i-2', 'i-4', 'i-5']);
    // The last click (i-5) is the new anchor: shift-clicking a selected row clears back to it.
    store.getState().selectRange('i-2');
    expect(store.getState().selectedIds()).toEqual(['i-1']);
  });

  it('selects all that match, deselects them, and clears everything', () => {
    const store = loaded();
    store.getState().setQuery('web');
    store.getState().selectAllMatching();
    expect(store.getState().selectedIds()).toEqual(['i-1', 'i-4']);
    expect(store.getState().selectedVisibleCount).toBe(store.getState().visibleSelectableCount);
    store.getState().deselectAllMatching();
    expect(store.getState().selectedIds()).toEqual([]);
    store.getState().selectAllMatching();
    store.getState().clearSelection();
    expect(store.getState().selectedIds()).toEqual([]);
    expect(store.getState().anchorId).toBeNull();
  });

  it('takes given instances out of the selection, hidden by the search or not, and keeps its counts right', () => {
    const store = loaded();
    store.getState().toggle('i-1');
    store.getState().toggle('i-4');
    store.getState().setQuery('web-3');
    expect(store.getState().selectedVisibleCount).toBe(1);
    store.getState().deselect(['i-1', 'i-4', 'i-not-selected']);
    expect(store.getState().selectedIds()).toEqual([]);
    expect(store.getState().selectedVisibleCount).toBe(0);
    const before = store.getState();
    store.getState().deselect(['i-1']);
    expect(store.getState()).toBe(before);
  });

  it('returns the selected IDs in data order, whatever the click order', () => {
    const store = loaded();
    store.getState().toggle('i-4');
    store.getState().toggle('i-1');
    expect(store.getState().selectedIds()).toEqual(['i-1', 'i-4']);
  });

  it('selects nothing while no key pair is chosen', () => {
    const store = loaded();
    store.getState().setData(fleet, null);
    store.getState().toggle('i-1');
    store.getState().selectAllMatching();
    expect(store.getState().selectedIds()).toEqual([]);
    expect(store.getState().visibleSelectableCount).toBe(0);
  });

  it('drops selections that become unselectable when the key pair changes', () => {
    const store = loaded();
    store.getState().selectAllMatching();
    store.getState().setData(fleet, otherKey);
    expect(store.getState().selectedIds()).toEqual([]);
    store.getState().setKeyListing(completeListing(otherKey, fleet));
    store.getState().toggle('i-2');
    expect(store.getState().selectedIds()).toEqual(['i-2']);
    store.getState().setKeyPair(deployKey);
    expect(store.getState().selectedIds()).toEqual([]);
    store.getState().setKeyListing(completeListing(deployKey, fleet));
    store.getState().toggle('i-1');
    expect(store.getState().selectedIds()).toEqual(['i-1']);
    store.getState().setKeyPair(null);
    expect(store.getState().selectedIds()).toEqual([]);
  });

  it('keeps selections that stay selectable across a refresh and drops instances that disappeared or changed', () => {
    const store = loaded();
    store.getState().selectAllMatching();
    const refreshed = [instance({ instanceId: 'i-1' }), instance({ instanceId: 'i-4', status: 'STARTING' }), instance({ instanceId: 'i-9' })];
    store.getState().setData(refreshed, deployKey);
    expect(store.getState().selectedIds()).toEqual(['i-1']);
    expect(store.getState().selectedVisibleCount).toBe(1);
  });

  it('re-judges rows on a key pair change without rebuilding the search strings or losing the query', () => {
    const store = loaded();
    store.getState().setQuery('web');
    const index = store.getState().index;
    store.getState().setData(fleet, otherKey);
    store.getState().setKeyListing(completeListing(otherKey, fleet));
    expect(store.getState().index).toBe(index);
    expect(visibleIds(store)).toEqual(['i-1', 'i-2', 'i-4']);
    expect(store.getState().visibleRows.filter((row) => row.selectable).map((row) => row.id)).toEqual(['i-2']);
  });

  it('does not notify subscribers when an action changes nothing', () => {
    const store = loaded();
    store.getState().setQuery('web');
    let notified = 0;
    const unsubscribe = store.subscribe(() => {
      notified += 1;
    });
    store.getState().setQuery('web');
    store.getState().toggle('i-3');
    store.getState().setFilter('zones', []);
    store.getState().setKeyPair({ ...deployKey });
    store.getState().clearSelection();
    store.getState().deselectAllMatching();
    unsubscribe();
    expect(notified).toBe(0);
  });

  it('keeps its counts equal to a recount through any mix of searching, filtering and selecting', () => {
    const store = newStore();
    const generated = generatedInstances(300);
    store.getState().setData(generated, deployKey);
    store.getState().setKeyListing(completeListing(deployKey, generated));
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const ids = store.getState().rows.map((row) => row.id);
    const actions = [
      () => store.getState().toggle(ids[random(ids.length)]!),
      () => store.getState().selectRange(ids[random(ids.length)]!),
      () => store.getState().selectAllMatching(),
      () => store.getState().deselectAllMatching(),
      () => store.getState().clearSelection(),
      () => store.getState().setQuery(['', 'web-1', 'web-12', 'team-2', 'prod 10.0'][random(5)]!),
      () => store.getState().setFilter('zones', [['cn-beijing-a'], [], ['cn-beijing-b', 'cn-beijing-c']][random(3)]!),
      () => store.getState().setSort([null, { column: 'name', direction: 'desc' } as const][random(2)]!),
      () => store.getState().setKeyPair([deployKey, otherKey][random(2)]!),
      () => store.getState().setKeyListing([completeListing(deployKey, generated), completeListing(otherKey, generated), null][random(3)]!),
    ];
    for (let step = 0; step < 400; step += 1) {
      actions[random(actions.length)]!();
      const state = store.getState();
      expect(state.selectedVisibleCount).toBe(state.visibleRows.filter((row) => state.selected.has(row.id)).length);
      expect(state.visibleSelectableCount).toBe(state.visibleRows.filter((row) => row.selectable).length);
      expect([...state.selected].every((id) => state.rows.find((row) => row.id === id)?.selectable === true)).toBe(true);
    }
  });

  it('filters, sorts and selects 50,000 generated rows exactly as a direct computation does', () => {
    const instances = generatedInstances(50_000);
    const store = newStore();
    store.getState().setData(instances, deployKey);
    store.getState().setKeyListing(completeListing(deployKey, instances));
    expect(store.getState().rows).toHaveLength(50_000);

    store.getState().setFilter('tags', [tagFilterValue({ key: 'team', value: 'team-3' })]);
    store.getState().setFilter('statuses', ['RUNNING', 'STOPPED']);
    store.getState().setQuery('web-1');
    const expected = instances.filter(
      (item) =>
        item.instanceName.includes('web-1') &&
        (item.status === 'RUNNING' || item.status === 'STOPPED') &&
        item.tags.some((tag) => tag.key === 'team' && tag.value === 'team-3'),
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(visibleIds(store)).toEqual(expected.map((item) => item.instanceId));

    store.getState().setSort({ column: 'privateIp', direction: 'desc' });
    expect(new Set(visibleIds(store))).toEqual(new Set(expected.map((item) => item.instanceId)));
    const ips = store.getState().visibleRows.map((row) => row.instance.privateIp!.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0));
    expect(ips).toEqual([...ips].sort((a, b) => b - a));

    store.getState().selectAllMatching();
    const selectable = expected.filter((item) => detachBlocker(item, deployKey) === null).map((item) => item.instanceId);
    expect(selectable.length).toBeGreaterThan(0);
    expect(store.getState().selectedIds()).toEqual(selectable);
  });
});

describe('instance table state, streamed', () => {
  it('merges batches, drops what a completed listing did not see, and starts over on reset', () => {
    const store = newStore();
    store.getState().setKeyPair(deployKey);
    store.getState().mergeInstances(fleet, { stamp: 0, cached: true });
    expect(store.getState().selectionWait).toBe('key-listing');
    store.getState().mergeInstances([fleet[0]!, fleet[3]!], { stamp: 1, cached: false });
    store.getState().setKeyListing(completeListing(deployKey, fleet));
    expect(store.getState().selectionWait).toBeNull();
    store.getState().selectAllMatching();
    expect(store.getState().selectedIds()).toEqual(['i-1', 'i-4']);

    store.getState().dropRowsOlderThan(1);
    expect(visibleIds(store)).toEqual(['i-1', 'i-4']);
    expect(store.getState().rows.every((row) => !row.cached)).toBe(true);

    let notified = 0;
    const unsubscribe = store.subscribe(() => {
      notified += 1;
    });
    store.getState().mergeInstances([fleet[0]!], { stamp: 1, cached: false });
    store.getState().mergeInstances([fleet[0]!], { stamp: 0, cached: true });
    store.getState().dropRowsOlderThan(1);
    unsubscribe();
    expect(notified).toBe(0);

    store.getState().setQuery('web');
    const { index, dataVersion } = store.getState();
    store.getState().reset();
    const state = store.getState();
    expect(state.rows).toEqual([]);
    expect(state.index).not.toBe(index);
    expect(state.dataVersion).not.toBe(dataVersion);
    expect(state.keyPair).toBeNull();
    expect(state.selected.size).toBe(0);
    expect(state.query).toBe('web');
    expect(state.selectionWait).toBe('choose-key-pair');
  });
});
