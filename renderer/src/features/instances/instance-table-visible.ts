import { compileFilters, matchingRows } from './instance-filters';
import type { InstanceRow } from './instance-rows';
import { countSelected } from './instance-selection';
import type { InstanceTableModel } from './instance-table-model';

/*
 * The steps transitions share to bring the visible rows and their counts up to date.
 */

function countSelectable(rows: readonly InstanceRow[]): number {
  let count = 0;
  for (const row of rows) if (row.selectable) count += 1;
  return count;
}

/** Sets the visible rows and the counts that depend on them (and on `model.selected`). */
export function withVisible(model: InstanceTableModel, visibleRows: readonly InstanceRow[]): InstanceTableModel {
  return {
    ...model,
    visibleRows,
    visibleSelectableCount: countSelectable(visibleRows),
    selectedVisibleCount: countSelected(visibleRows, model.selected),
  };
}

/** Filters all sorted rows again: after a change of the query, the filters or the sort. */
export function refilter(model: InstanceTableModel): InstanceTableModel {
  const predicate = compileFilters(model.filters);
  if (model.terms.length === 0 && predicate === null) return withVisible(model, model.sortedRows);
  return withVisible(model, matchingRows(model.sortedRows, model.terms, predicate));
}
