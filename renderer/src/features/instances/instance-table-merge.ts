import type { Instance } from '../../../../shared/domain/ecs';
import { sameInstance } from './instance-equality';
import { compileFilters, matchingRows } from './instance-filters';
import { rowJudgeOf } from './instance-key-listing';
import { keepRenumbered, keptRows, mergeInOrder } from './instance-row-merge';
import { rowOf, rowOfInstance, type InstanceRow } from './instance-rows';
import { pruneSelection } from './instance-selection';
import { rowOrder } from './instance-sort';
import type { InstanceTableModel } from './instance-table-model';
import { withVisible } from './instance-table-visible';

/*
 * The streamed inventory's transitions: pages of instances merged in as they arrive, and the rows a completed
 * listing did not see dropped. Both cost a walk over the rows plus the work for the rows they change; neither
 * recomputes a search string, sort key or count of a row it leaves alone.
 */

export interface MergeOptions {
  /** The caller's batch counter, increasing from 1; cached batches use 0. */
  stamp: number;
  /** From the copy kept on disk: it fills gaps but never overwrites a row that holds fresh data. */
  cached: boolean;
}

/**
 * Upserts `instances` by ID. A new ID is appended (data order is arrival order); a known one is replaced in
 * place, unless the batch is cached and the row is fresh. A re-read that says the same as before only takes the
 * batch's stamp; a changed row leaves its place in the sorted and visible rows and is merged back in where the
 * sort, query and filters put it, so the result is exactly what loading all the data at once would show. Rows that
 * stop being selectable leave the selection.
 */
export function mergeInstances(model: InstanceTableModel, instances: readonly Instance[], options: MergeOptions): InstanceTableModel {
  const { index } = model;
  const { stamp, cached } = options;
  const judge = rowJudgeOf(model.keyPair, model.keyListing, model.mode);
  const previousLength = model.rows.length;
  let rows: InstanceRow[] | null = null;
  /** Positions of earlier rows whose content changed (1), so they are taken out of the ordered lists and placed anew. */
  let replaced: Uint8Array | null = null;
  const replacedPositions: number[] = [];
  /** Whether an earlier row became a new object in place (re-stamped), so the ordered lists must pick it up. */
  let restamped = false;

  for (const instance of instances) {
    const position = index.positionOf(instance.instanceId);
    if (position === undefined) {
      rows ??= model.rows.slice();
      const appended = index.append(instance);
      rows.push(rowOfInstance(appended, instance, index.searchTexts[appended]!, stamp, cached, judge));
      continue;
    }
    const current = (rows ?? model.rows)[position]!;
    if (cached && !current.cached) continue;
    const same = sameInstance(current.instance, instance);
    if (same && current.stamp === stamp && current.cached === cached) continue;
    rows ??= model.rows.slice();
    if (same) {
      // Same content: same search string, verdict and place; only the stamp (and freshness) are new.
      rows[position] = { ...current, stamp, cached };
      if (position < previousLength) restamped = true;
      continue;
    }
    index.replace(position, instance);
    rows[position] = rowOfInstance(position, instance, index.searchTexts[position]!, stamp, cached, judge);
    if (position < previousLength) {
      replaced ??= new Uint8Array(previousLength);
      if (replaced[position] === 0) replacedPositions.push(position);
      replaced[position] = 1;
    }
  }
  if (rows === null) return model;
  const current = rows;

  // The rows to place: the replaced ones and the appended ones, each as it stands after the whole batch.
  const placed: InstanceRow[] = replacedPositions.map((position) => current[position]!);
  for (let position = previousLength; position < current.length; position += 1) placed.push(current[position]!);
  const order = rowOrder(index, model.sort);
  placed.sort(order);
  const touched = replaced !== null || restamped;
  const kept = (list: readonly InstanceRow[]) => (touched ? keptRows(list, current, replaced) : list);

  const sortedRows = model.sort === null ? current : mergeInOrder(kept(model.sortedRows), placed, order);
  const predicate = compileFilters(model.filters);
  const filtering = model.terms.length > 0 || predicate !== null;
  const placedVisible = filtering ? matchingRows(placed, model.terms, predicate) : placed;
  const visibleRows = filtering ? mergeInOrder(kept(model.visibleRows), placedVisible, order) : sortedRows;

  // Only a replaced row can have lost its selectability (a new one was never selected; a re-stamped one keeps its verdict).
  let pruned: Set<string> | null = null;
  for (const row of placed) {
    if (row.selectable || !model.selected.has(row.id)) continue;
    pruned ??= new Set(model.selected);
    pruned.delete(row.id);
  }
  const selected = pruned ?? model.selected;

  // The counts move by what left the visible rows (the replaced rows' previous versions) and what entered them,
  // instead of a recount over every visible row. Re-stamped rows keep their visibility and verdict.
  let { visibleSelectableCount, selectedVisibleCount } = model;
  const previousVersions = replacedPositions.map((position) => model.rows[position]!);
  for (const row of filtering ? matchingRows(previousVersions, model.terms, predicate) : previousVersions) {
    if (row.selectable) visibleSelectableCount -= 1;
    if (model.selected.has(row.id)) selectedVisibleCount -= 1;
  }
  for (const row of placedVisible) {
    if (row.selectable) visibleSelectableCount += 1;
    if (selected.has(row.id)) selectedVisibleCount += 1;
  }
  return {
    ...model,
    dataVersion: model.dataVersion + 1,
    rows: current,
    sortedRows,
    visibleRows,
    selected,
    visibleSelectableCount,
    selectedVisibleCount,
  };
}

/**
 * Removes every row whose stamp is below `stamp`: once a full region listing completes, the rows it did not see
 * (deleted instances, cached rows never refreshed) are gone. The rest keep their order and are renumbered; their
 * search strings, sort keys and instances are moved, not recomputed.
 */
export function dropRowsOlderThan(model: InstanceTableModel, stamp: number): InstanceTableModel {
  const old = model.rows;
  let removedAny = false;
  for (let position = 0; position < old.length && !removedAny; position += 1) removedAny = old[position]!.stamp < stamp;
  if (!removedAny) return model;

  model.index.remove((position) => old[position]!.stamp < stamp);
  const rows: InstanceRow[] = [];
  // By old position: the renumbered row, or null when removed.
  const renumbered = new Array<InstanceRow | null>(old.length);
  for (let position = 0; position < old.length; position += 1) {
    const row = old[position]!;
    if (row.stamp < stamp) {
      renumbered[position] = null;
      continue;
    }
    const moved = row.position === rows.length ? row : { ...row, position: rows.length };
    renumbered[position] = moved;
    rows.push(moved);
  }
  // Renumbering keeps the relative order of the kept rows, and so their display order.
  const sortedRows = model.sort === null ? rows : keepRenumbered(model.sortedRows, renumbered);
  const visibleRows = model.visibleRows === model.sortedRows ? sortedRows : keepRenumbered(model.visibleRows, renumbered);
  const selected = pruneSelection(model.selected, (id) => rowOf(model.index, rows, id));
  const anchorId = model.anchorId !== null && model.index.positionOf(model.anchorId) !== undefined ? model.anchorId : null;
  return withVisible({ ...model, dataVersion: model.dataVersion + 1, rows, sortedRows, selected, anchorId }, visibleRows);
}
