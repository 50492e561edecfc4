import type { InstanceRow } from './instance-rows';
import type { RowOrder } from './instance-sort';

/*
 * Ordered lists of rows updated by what a merge or a drop changed, in copying walks without comparing every row.
 * The arrays are allocated at their final size: pushing 50,000 rows one by one costs twice as much.
 */

/**
 * `list` as it stands after a merge: without the rows marked in `replaced` (their content changed, so they may
 * belong elsewhere), each row taken from `current` by position (it may be a new object with a new stamp).
 */
export function keptRows(list: readonly InstanceRow[], current: readonly InstanceRow[], replaced: Uint8Array | null): InstanceRow[] {
  const kept = new Array<InstanceRow>(list.length);
  let count = 0;
  for (let index = 0; index < list.length; index += 1) {
    const position = list[index]!.position;
    if (replaced === null || replaced[position] === 0) kept[count++] = current[position]!;
  }
  kept.length = count;
  return kept;
}

/** The first index from `from` on whose row `order` puts after `row`; `rows` is in that order. */
function insertionPoint(rows: readonly InstanceRow[], from: number, row: InstanceRow, order: RowOrder): number {
  let low = from;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(rows[middle]!, row) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `additions` (sorted by `order`) merged into `rows` (in that order) where `order` puts them: one binary search
 * per addition and one copy. Since the order is total, the result is what sorting everything would give. Returns
 * `rows` itself when there is nothing to add.
 */
export function mergeInOrder(rows: readonly InstanceRow[], additions: readonly InstanceRow[], order: RowOrder): readonly InstanceRow[] {
  if (additions.length === 0) return rows;
  const merged = new Array<InstanceRow>(rows.length + additions.length);
  let count = 0;
  let from = 0;
  for (const addition of additions) {
    const to = insertionPoint(rows, from, addition, order);
    for (let index = from; index < to; index += 1) merged[count++] = rows[index]!;
    merged[count++] = addition;
    from = to;
  }
  for (let index = from; index < rows.length; index += 1) merged[count++] = rows[index]!;
  return merged;
}

/** `list` without the rows `renumbered` has no row for, each replaced by its renumbered row; the order is kept. */
export function keepRenumbered(list: readonly InstanceRow[], renumbered: readonly (InstanceRow | null)[]): InstanceRow[] {
  const kept = new Array<InstanceRow>(list.length);
  let count = 0;
  for (let index = 0; index < list.length; index += 1) {
    const row = renumbered[list[index]!.position];
    if (row != null) kept[count++] = row;
  }
  kept.length = count;
  return kept;
}
