import type { StateCreator } from 'zustand';
import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { Instance } from '../../../../shared/domain/ecs';
import type { FilterName } from './instance-filters';
import type { KeyListing, TableMode } from './instance-key-listing';
import { nextSort } from './instance-sort';
import type { SortColumn, SortState } from './instance-sort-columns';
import { dropRowsOlderThan, mergeInstances, type MergeOptions } from './instance-table-merge';
import {
  clearFilters,
  clearSelection,
  deselectIds,
  deselectAllMatching,
  emptyInstanceTableModel,
  resetInstanceTable,
  selectAllMatching,
  selectedIdsOf,
  selectRange,
  setFilter,
  setInstanceData,
  setKeyListing,
  setKeyPair,
  setMode,
  setQuery,
  setSort,
  toggleRow,
  type InstanceTableModel,
} from './instance-table-model';

export interface InstanceTableActions {
  /** New data (all at once, as fresh rows with stamp 0) and/or key pair. Selections that are gone or no longer selectable are dropped. */
  setData: (instances: readonly Instance[], keyPair: KeyPairRef | null) => void;
  /** A batch of a streamed listing: upserted by instance ID (see `mergeInstances`). */
  mergeInstances: (instances: readonly Instance[], options: MergeOptions) => void;
  /** Removes the rows last delivered by a batch before `stamp`: what a completed region listing did not see. */
  dropRowsOlderThan: (stamp: number) => void;
  /** Empties the table for a new region; the query and sort stay. */
  reset: () => void;
  setKeyPair: (keyPair: KeyPairRef | null) => void;
  /** Detach or attach the key pair: which rows can be selected, and what the selection means. */
  setMode: (mode: TableMode) => void;
  /** The chosen key pair's key-pair-scoped listing, as it progresses; rows are selectable once it is complete. */
  setKeyListing: (listing: KeyListing | null) => void;
  setQuery: (query: string) => void;
  setFilter: (name: FilterName, values: readonly string[]) => void;
  clearFilters: () => void;
  setSort: (sort: SortState | null) => void;
  /** A header click: ascending, then descending, then unsorted. */
  cycleSort: (column: SortColumn) => void;
  toggle: (id: string) => void;
  /** Shift-click on `id`: the range from the last clicked row, over visible selectable rows. */
  selectRange: (id: string) => void;
  selectAllMatching: () => void;
  deselectAllMatching: () => void;
  clearSelection: () => void;
  /** Takes these instances out of the selection, whether shown or not. */
  deselect: (ids: Iterable<string>) => void;
  /** The selected instance IDs, in data order. */
  selectedIds: () => string[];
}

export type InstanceTableState = InstanceTableModel & InstanceTableActions;

/** The store's body, separate from `create` so tests build it with zustand/vanilla and no React. */
export const createInstanceTableState: StateCreator<InstanceTableState> = (set, get) => {
  // Transitions return the same model when nothing changed; skipping `set` then spares every subscriber.
  const apply = (transition: (model: InstanceTableModel) => InstanceTableModel) => {
    const current = get();
    const next = transition(current);
    if (next !== current) set(next);
  };
  return {
    ...emptyInstanceTableModel(),
    setData: (instances, keyPair) => apply((model) => setInstanceData(model, instances, keyPair)),
    mergeInstances: (instances, options) => apply((model) => mergeInstances(model, instances, options)),
    dropRowsOlderThan: (stamp) => apply((model) => dropRowsOlderThan(model, stamp)),
    reset: () => apply(resetInstanceTable),
    setKeyPair: (keyPair) => apply((model) => setKeyPair(model, keyPair)),
    setMode: (mode) => apply((model) => setMode(model, mode)),
    setKeyListing: (listing) => apply((model) => setKeyListing(model, listing)),
    setQuery: (query) => apply((model) => setQuery(model, query)),
    setFilter: (name, values) => apply((model) => setFilter(model, name, values)),
    clearFilters: () => apply(clearFilters),
    setSort: (sort) => apply((model) => setSort(model, sort)),
    cycleSort: (column) => apply((model) => setSort(model, nextSort(model.sort, column))),
    toggle: (id) => apply((model) => toggleRow(model, id)),
    selectRange: (id) => apply((model) => selectRange(model, id)),
    selectAllMatching: () => apply(selectAllMatching),
    deselectAllMatching: () => apply(deselectAllMatching),
    clearSelection: () => apply(clearSelection),
    deselect: (ids) => apply((model) => deselectIds(model, ids)),
    selectedIds: () => selectedIdsOf(get()),
  };
};
