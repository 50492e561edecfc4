import { create } from 'zustand';
import { createInstanceTableState, type InstanceTableState } from './instance-table-state';

export type { InstanceTableState } from './instance-table-state';

/** The instance table of the detach workflow: data, search, filters, sort and selection. */
export const useInstanceTableStore = create<InstanceTableState>()(createInstanceTableState);

/**
 * The index's derived counts as of `dataVersion`: the index is updated in place as pages arrive, and the version
 * is what tells a memo that they changed.
 */
export function facetsAt(_dataVersion: number) {
  return useInstanceTableStore.getState().index.facets();
}

export function boundCountsAt(_dataVersion: number): ReadonlyMap<string, number> {
  return useInstanceTableStore.getState().index.boundCounts();
}
