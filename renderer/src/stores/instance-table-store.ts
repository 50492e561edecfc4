import { create } from 'zustand';
import { createInstanceTableState, type InstanceTableState } from '../features/instances/instance-table-state';

export type { InstanceTableState } from '../features/instances/instance-table-state';

/** The instance table of the detach workflow: data, search, filters, sort and selection. */
export const useInstanceTableStore = create<InstanceTableState>()(createInstanceTableState);
