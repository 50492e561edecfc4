import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { Instance } from '../../../../shared/domain/ecs';
import { compileFilters, emptyFilters, matchingRows, sameFilterValues, type FilterName, type InstanceFilters } from './instance-filters';
import { buildInstanceIndex, buildRows, rowOf, type InstanceIndex, type InstanceRow } from './instance-rows';
import { queryTerms, sameTerms, termsNarrow } from './instance-search';
import { countSelected, deselectAllVisible, pruneSelection, selectAllVisible, selectRangeTo, toggleSelection, type Selection } from './instance-selection';
import { sortedPositions } from './instance-sort';
import type { SortState } from './instance-sort-columns';

/**
 * The instance table's state, and its transitions as pure functions. Each transition recomputes only what its
 * input feeds: the query and filters refilter, the sort re-sorts, a key pair change re-judges selectability,
 * and only a data load rebuilds the search strings. A transition that changes nothing returns the same model.
 */
export interface InstanceTableModel {
  index: InstanceIndex;
  keyPair: KeyPairRef | null;
  /** In data order. */
  rows: readonly InstanceRow[];
  query: string;
  terms: readonly string[];
  filters: InstanceFilters;
  sort: SortState | null;
  /** `rows` in display order (sorted, not filtered), kept so that a query change does not rebuild it. */
  sortedRows: readonly InstanceRow[];
  /** The rows that match the query and filters, in display order: what the table shows. */
  visibleRows: readonly InstanceRow[];
  visibleSelectableCount: number;
  selected: Selection;
  /** How many selected rows are visible; the rest are hidden by the query or filters. */
  selectedVisibleCount: number;
  /** The last clicked row, where a shift-click range starts. */
  anchorId: string | null;
}

export function emptyInstanceTableModel(): InstanceTableModel {
  const index = buildInstanceIndex([]);
  return {
    index,
    keyPair: null,
    rows: [],
    query: '',
    terms: [],
    filters: emptyFilters,
    sort: null,
    sortedRows: [],
    visibleRows: [],
    visibleSelectableCount: 0,
    selected: new Set(),
    selectedVisibleCount: 0,
    anchorId: null,
  };
}

function countSelectable(rows: readonly InstanceRow[]): number {
  let count = 0;
  for (const row of rows) if (row.selectable) count += 1;
  return count;
}

/** Sets the visible rows and the counts that depend on them. */
function withVisible(model: InstanceTableModel, visibleRows: readonly InstanceRow[]): InstanceTableModel {
  return {
    ...model,
    visibleRows,
    visibleSelectableCount: countSelectable(visibleRows),
    selectedVisibleCount: countSelected(visibleRows, model.selected),
  };
}

/**
 * Applies a new selection. Every selection action touches visible rows only, so the visible count moves by the
 * change in size; counting again over all visible rows would cost a pass over up to 100,000 of them per click.
 */
function withSelection(model: InstanceTableModel, selected: Selection, anchorId: string | null): InstanceTableModel {
  if (selected === model.selected && anchorId === model.anchorId) return model;
  const selectedVisibleCount = model.selectedVisibleCount + (selected.size - model.selected.size);
  return { ...model, selected, anchorId, selectedVisibleCount };
}

function refilter(model: InstanceTableModel): InstanceTableModel {
  const predicate = compileFilters(model.filters);
  if (model.terms.length === 0 && predicate === null) return withVisible(model, model.sortedRows);
  return withVisible(model, matchingRows(model.sortedRows, model.terms, predicate));
}

function inSortOrder(index: InstanceIndex, rows: readonly InstanceRow[], sort: SortState | null): readonly InstanceRow[] {
  return sort === null ? rows : sortedPositions(index, sort).map((position) => rows[position]!);
}

export function setInstanceData(model: InstanceTableModel, instances: readonly Instance[], keyPair: KeyPairRef | null): InstanceTableModel {
  if (instances === model.index.instances) return setKeyPair(model, keyPair);
  const index = buildInstanceIndex(instances);
  const rows = buildRows(index, keyPair);
  const selected = pruneSelection(model.selected, (id) => rowOf(index, rows, id));
  const anchorId = model.anchorId !== null && index.positionOf(model.anchorId) !== undefined ? model.anchorId : null;
  return refilter({ ...model, index, keyPair, rows, sortedRows: inSortOrder(index, rows, model.sort), selected, anchorId });
}

export function setKeyPair(model: InstanceTableModel, keyPair: KeyPairRef | null): InstanceTableModel {
  const same = keyPair === model.keyPair || (keyPair !== null && model.keyPair !== null && keyPair.keyPairId === model.keyPair.keyPairId && keyPair.keyPairName === model.keyPair.keyPairName);
  if (same) return model;
  const rows = buildRows(model.index, keyPair);
  const selected = pruneSelection(model.selected, (id) => rowOf(model.index, rows, id));
  // Neither the order nor which rows match depends on the key pair: swap in the re-judged rows, without sorting
  // or filtering again.
  const sortedRows = model.sort === null ? rows : model.sortedRows.map((row) => rows[row.position]!);
  const visibleRows = model.visibleRows.map((row) => rows[row.position]!);
  return withVisible({ ...model, keyPair, rows, sortedRows, selected }, visibleRows);
}

export function setQuery(model: InstanceTableModel, query: string): InstanceTableModel {
  const terms = queryTerms(query);
  if (sameTerms(terms, model.terms)) return query === model.query ? model : { ...model, query };
  const next = { ...model, query, terms };
  if (!termsNarrow(model.terms, terms)) return refilter(next);
  // Typing on only narrows the result: search the rows shown now (which already pass the filters) rather than
  // all of them.
  return withVisible(next, matchingRows(model.visibleRows, terms, null));
}

export function setFilter(model: InstanceTableModel, name: FilterName, values: readonly string[]): InstanceTableModel {
  if (sameFilterValues(model.filters[name], values)) return model;
  return refilter({ ...model, filters: { ...model.filters, [name]: [...values] } });
}

export function clearFilters(model: InstanceTableModel): InstanceTableModel {
  const active = Object.values(model.filters).some((values: readonly string[]) => values.length > 0);
  return active ? refilter({ ...model, filters: emptyFilters }) : model;
}

export function setSort(model: InstanceTableModel, sort: SortState | null): InstanceTableModel {
  if (sort === model.sort || (sort !== null && model.sort !== null && sort.column === model.sort.column && sort.direction === model.sort.direction)) {
    return model;
  }
  return refilter({ ...model, sort, sortedRows: inSortOrder(model.index, model.rows, sort) });
}

export function toggleRow(model: InstanceTableModel, id: string): InstanceTableModel {
  const row = rowOf(model.index, model.rows, id);
  if (row === undefined || !row.selectable) return model;
  const selected = toggleSelection(model.selected, row);
  // A row toggled through the API may be hidden by the search; then the visible count stays as it is.
  if (!model.visibleRows.includes(row)) return { ...model, selected, anchorId: id };
  return withSelection(model, selected, id);
}

export function selectRange(model: InstanceTableModel, id: string): InstanceTableModel {
  const row = rowOf(model.index, model.rows, id);
  if (row === undefined || !row.selectable) return model;
  return withSelection(model, selectRangeTo(model.selected, model.visibleRows, model.anchorId, id), id);
}

export function selectAllMatching(model: InstanceTableModel): InstanceTableModel {
  return withSelection(model, selectAllVisible(model.selected, model.visibleRows), model.anchorId);
}

export function deselectAllMatching(model: InstanceTableModel): InstanceTableModel {
  return withSelection(model, deselectAllVisible(model.selected, model.visibleRows), model.anchorId);
}

export function clearSelection(model: InstanceTableModel): InstanceTableModel {
  return model.selected.size === 0 ? model : { ...model, selected: new Set(), anchorId: null, selectedVisibleCount: 0 };
}

/** The selected instance IDs in data order. */
export function selectedIdsOf(model: InstanceTableModel): string[] {
  if (model.selected.size === 0) return [];
  return model.rows.filter((row) => model.selected.has(row.id)).map((row) => row.id);
}
