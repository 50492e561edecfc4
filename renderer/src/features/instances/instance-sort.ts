import type { InstanceIndex } from './instance-rows';
import { sortTextOf, type SortColumn, type SortState } from './instance-sort-columns';
import { naturalKey } from './natural-key';

function sortKeysFor(index: InstanceIndex, column: SortColumn): readonly (string | null)[] {
  const cached = index.sortKeys.get(column);
  if (cached !== undefined) return cached;
  const keys = index.instances.map((instance) => {
    const text = sortTextOf(instance, column);
    return text === null ? null : naturalKey(text);
  });
  index.sortKeys.set(column, keys);
  return keys;
}

/**
 * The positions of the index's instances in display order: data order without a sort; otherwise by the column,
 * missing values last in either direction, ties in data order (so the sort is stable).
 */
export function sortedPositions(index: InstanceIndex, sort: SortState | null): number[] {
  const positions = index.instances.map((_instance, position) => position);
  if (sort === null) return positions;
  const keys = sortKeysFor(index, sort.column);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return positions.sort((a, b) => {
    const keyA = keys[a] ?? null;
    const keyB = keys[b] ?? null;
    if (keyA === keyB) return a - b;
    if (keyA === null) return 1;
    if (keyB === null) return -1;
    return keyA < keyB ? -sign : sign;
  });
}

/** A header click: a new column sorts ascending, the same column turns descending, then unsorted. */
export function nextSort(current: SortState | null, column: SortColumn): SortState | null {
  if (current === null || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}
