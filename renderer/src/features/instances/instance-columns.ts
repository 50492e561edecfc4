import type { MessageKey } from '../../i18n/messages';
import type { SortColumn } from './instance-sort-columns';

export interface InstanceColumn {
  id: SortColumn;
  title: MessageKey;
  /** Pixels; the table has a fixed layout so that rows never re-measure while scrolling. */
  width: number;
}

/** The data columns after the checkbox, in display order. The name column also shows (and copies) the ID. */
export const instanceColumns: readonly InstanceColumn[] = [
  { id: 'name', title: 'instances.col.name', width: 220 },
  { id: 'status', title: 'instances.col.status', width: 220 },
  { id: 'os', title: 'instances.col.os', width: 130 },
  { id: 'keyPair', title: 'instances.col.keyPair', width: 190 },
  { id: 'zone', title: 'instances.col.zone', width: 120 },
  { id: 'privateIp', title: 'instances.col.privateIp', width: 120 },
  { id: 'publicIp', title: 'instances.col.publicIp', width: 120 },
  { id: 'tags', title: 'instances.col.tags', width: 170 },
  { id: 'project', title: 'instances.col.project', width: 110 },
];

export const checkboxColumnWidth = 44;
export const rowHeight = 52;
export const headerHeight = 40;
