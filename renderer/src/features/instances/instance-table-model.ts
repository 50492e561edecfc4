import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { Instance } from '../../../../shared/domain/ecs';
import { emptyFilters, matchingRows, sameFilterValues, type FilterName, type InstanceFilters } from './instance-filters';
import { buildInstanceIndex, type InstanceIndex } from './instance-index';
import { rowJudgeOf, sameJudge, selectionWaitOf, type KeyListing, type SelectionWait, type TableMode } from './instance-key-listing';
import { buildRows, rejudgeRows, rowOf, type InstanceRow } from './instance-rows';
import { queryTerms, sameTerms, termsNarrow } from './instance-search';
import { deselectAllVisible, pruneSelection, selectAllVisible, selectRangeTo, toggleSelection, type Selection } from './instance-selection';
import { sortedPositions } from './instance-sort';
import type { SortState } from './instance-sort-columns';
import { refilter, withVisible } from './instance-table-visible';

/**
 * The instance table's state, and its transitions as pure functions over it (the index aside, see below). Each
 * transition recomputes only what its input feeds: the query and filters refilter, the sort re-sorts, a key pair
 * or listing change re-judges selectability, a merge places only the rows it changed (instance-table-merge.ts),
 * and only a whole load rebuilds the search strings. A transition that changes nothing returns the same model.
 */
export interface InstanceTableModel {
  /**
   * Shared with every earlier model since the last load or reset and mutated in place by merges and drops: only
   * the current model's index is meaningful. Its facets and counts change without it becoming a new object, so
   * memoize them on `dataVersion`.
   */
  index: InstanceIndex;
  /** Changes whenever the data does (load, merge, drop, reset), never otherwise. */
  dataVersion: number;
  keyPair: KeyPairRef | null;
  /** To detach the key pair (rows bound to it) or to attach it (any row without it). */
  mode: TableMode;
  /** The last key-pair-scoped listing given; counts only while its key pair is the chosen one. */
  keyListing: KeyListing | null;
  /** Why nothing is selectable yet; null once the chosen key pair's listing is complete. */
  selectionWait: SelectionWait;
  /** In data order (arrival order). */
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
  return {
    index: buildInstanceIndex([]),
    dataVersion: 0,
    keyPair: null,
    mode: 'detach',
    keyListing: null,
    selectionWait: selectionWaitOf(null, null),
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

/**
 * Starts empty, for a new region: no data, key pair, listing, filters (their values are the old region's) or
 * selection. The query and the sort stay: the search box shows its text, and a column preference is not tied to
 * a region.
 */
export function resetInstanceTable(model: InstanceTableModel): InstanceTableModel {
  return { ...emptyInstanceTableModel(), dataVersion: model.dataVersion + 1, query: model.query, terms: model.terms, sort: model.sort, mode: model.mode, selectionWait: selectionWaitOf(null, null, model.mode) };
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

function inSortOrder(index: InstanceIndex, rows: readonly InstanceRow[], sort: SortState | null): readonly InstanceRow[] {
  return sort === null ? rows : sortedPositions(index, sort).map((position) => rows[position]!);
}

/**
 * A whole data set at once, replacing whatever was there. Its rows count as fresh data with stamp 0 (the
 * caller's batch counter starts above 0), so a later `dropRowsOlderThan` removes any a streamed listing does not
 * deliver again.
 */
export function setInstanceData(model: InstanceTableModel, instances: readonly Instance[], keyPair: KeyPairRef | null): InstanceTableModel {
  if (instances === model.index.source) return setKeyPair(model, keyPair);
  const index = buildInstanceIndex(instances);
  const rows = buildRows(index, rowJudgeOf(keyPair, model.keyListing, model.mode));
  const selected = pruneSelection(model.selected, (id) => rowOf(index, rows, id));
  const anchorId = model.anchorId !== null && index.positionOf(model.anchorId) !== undefined ? model.anchorId : null;
  return refilter({
    ...model,
    index,
    dataVersion: model.dataVersion + 1,
    keyPair,
    selectionWait: selectionWaitOf(keyPair, model.keyListing, model.mode),
    rows,
    sortedRows: inSortOrder(index, rows, model.sort),
    selected,
    anchorId,
  });
}

/**
 * Judges every row again for another key pair or listing, in one pass. Neither the order nor which rows match
 * depends on them: the re-judged rows are swapped in, without sorting or filtering again.
 */
function rejudge(model: InstanceTableModel, keyPair: KeyPairRef | null, keyListing: KeyListing | null, mode: TableMode = model.mode): InstanceTableModel {
  const judge = rowJudgeOf(keyPair, keyListing, mode);
  const judged = { ...model, keyPair, keyListing, mode, selectionWait: selectionWaitOf(keyPair, keyListing, mode) };
  if (sameJudge(judge, rowJudgeOf(model.keyPair, model.keyListing, model.mode))) return judged;
  const rows = rejudgeRows(model.rows, judge);
  if (rows === null) return judged;
  const selected = pruneSelection(model.selected, (id) => rowOf(model.index, rows, id));
  const sortedRows = model.sort === null ? rows : model.sortedRows.map((row) => rows[row.position]!);
  const visibleRows = model.visibleRows === model.sortedRows ? sortedRows : model.visibleRows.map((row) => rows[row.position]!);
  return withVisible({ ...judged, rows, sortedRows, selected }, visibleRows);
}

export function setKeyPair(model: InstanceTableModel, keyPair: KeyPairRef | null): InstanceTableModel {
  const same = keyPair === model.keyPair || (keyPair !== null && model.keyPair !== null && keyPair.keyPairId === model.keyPair.keyPairId && keyPair.keyPairName === model.keyPair.keyPairName);
  return same ? model : rejudge(model, keyPair, model.keyListing);
}

/** Detach or attach: every row is judged again, and the selection starts over (it was made for the other action). */
export function setMode(model: InstanceTableModel, mode: TableMode): InstanceTableModel {
  if (mode === model.mode) return model;
  return clearSelection(rejudge(model, model.keyPair, model.keyListing, mode));
}

/** A new state of the key-pair-scoped listing (or null for none). Rows are judged again only when its verdicts can change: when it completes or stops counting. */
export function setKeyListing(model: InstanceTableModel, keyListing: KeyListing | null): InstanceTableModel {
  return keyListing === model.keyListing ? model : rejudge(model, model.keyPair, keyListing);
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

/** Takes the given instances out of the selection, visible or not (others stay selected). */
export function deselectIds(model: InstanceTableModel, ids: Iterable<string>): InstanceTableModel {
  let selected: Set<string> | undefined;
  for (const id of ids) {
    if (!model.selected.has(id)) continue;
    selected ??= new Set(model.selected);
    selected.delete(id);
  }
  return selected === undefined ? model : withVisible({ ...model, selected }, model.visibleRows);
}

export function clearSelection(model: InstanceTableModel): InstanceTableModel {
  return model.selected.size === 0 ? model : { ...model, selected: new Set(), anchorId: null, selectedVisibleCount: 0 };
}

/** The selected instance IDs in data order. */
export function selectedIdsOf(model: InstanceTableModel): string[] {
  if (model.selected.size === 0) return [];
  return model.rows.filter((row) => model.selected.has(row.id)).map((row) => row.id);
}
