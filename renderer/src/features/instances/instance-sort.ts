import type { InstanceIndex } from './instance-index';
import type { InstanceRow } from './instance-rows';
import type { SortColumn, SortState } from './instance-sort-columns';

export type PositionOrder = (a: number, b: number) => number;

/**
 * Display order over positions: data order without a sort; otherwise by the column's key, missing values last in
 * either direction, ties in data order. A total order, so rows merged in one by one land exactly where a sort of
 * everything would put them.
 */
function positionOrder(index: InstanceIndex, sort: SortState | null): PositionOrder {
  if (sort === null) return (a, b) => a - b;
  // The index keeps this very array up to date in place, so the order stays right across merges.
  const keys = index.sortKeysOf(sort.column);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const keyA = keys[a] ?? null;
    const keyB = keys[b] ?? null;
    if (keyA === keyB) return a - b;
    if (keyA === null) return 1;
    if (keyB === null) return -1;
    return keyA < keyB ? -sign : sign;
  };
}

export type RowOrder = (a: InstanceRow, b: InstanceRow) => number;

export function rowOrder(index: InstanceIndex, sort: SortState | null): RowOrder {
  const order = positionOrder(index, sort);
  return (a, b) => order(a.position, b.position);
}

/** The positions of the index's instances in display order. */
export function sortedPositions(index: InstanceIndex, sort: SortState | null): number[] {
  const positions = index.instances.map((_instance, position) => position);
  return sort === null ? positions : positions.sort(positionOrder(index, sort));
}

/** A header click: a new column sorts ascending, the same column turns descending, then unsorted. */
export function nextSort(current: SortState | null, column: SortColumn): SortState | null {
  if (current === null || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}
