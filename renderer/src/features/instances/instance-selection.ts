import type { InstanceRow } from './instance-rows';

/*
 * Selection rules as pure functions over an immutable Set of instance IDs. Each returns the same Set when nothing
 * changes, so the store can skip an update and rows reading their own membership do not re-render.
 */

export type Selection = ReadonlySet<string>;

export function toggleSelection(selected: Selection, row: InstanceRow | undefined): Selection {
  if (row === undefined || !row.selectable) return selected;
  const next = new Set(selected);
  if (!next.delete(row.id)) next.add(row.id);
  return next;
}

/**
 * Shift-click: every selectable visible row from the anchor (the last clicked row) to the target takes the
 * target's new state, selected when the target was not, cleared when it was. Without a visible anchor it is a
 * plain toggle.
 */
export function selectRangeTo(selected: Selection, visibleRows: readonly InstanceRow[], anchorId: string | null, targetId: string): Selection {
  const targetIndex = visibleRows.findIndex((row) => row.id === targetId);
  if (targetIndex === -1) return selected;
  const anchorIndex = anchorId === null ? -1 : visibleRows.findIndex((row) => row.id === anchorId);
  if (anchorIndex === -1) return toggleSelection(selected, visibleRows[targetIndex]);
  const select = !selected.has(targetId);
  const next = new Set(selected);
  const [from, to] = anchorIndex <= targetIndex ? [anchorIndex, targetIndex] : [targetIndex, anchorIndex];
  for (let index = from; index <= to; index += 1) {
    const row = visibleRows[index];
    if (row === undefined || !row.selectable) continue;
    if (select) next.add(row.id);
    else next.delete(row.id);
  }
  // Only additions or only removals were made, so an unchanged size means an unchanged selection.
  return next.size === selected.size ? selected : next;
}

/** Adds every selectable visible row; what was selected before (even if filtered out now) stays selected. */
export function selectAllVisible(selected: Selection, visibleRows: readonly InstanceRow[]): Selection {
  let next: Set<string> | null = null;
  for (const row of visibleRows) {
    if (!row.selectable || selected.has(row.id)) continue;
    next ??= new Set(selected);
    next.add(row.id);
  }
  return next ?? selected;
}

export function deselectAllVisible(selected: Selection, visibleRows: readonly InstanceRow[]): Selection {
  if (selected.size === 0) return selected;
  let next: Set<string> | null = null;
  for (const row of visibleRows) {
    if (!selected.has(row.id)) continue;
    next ??= new Set(selected);
    next.delete(row.id);
  }
  return next ?? selected;
}

/** Keeps only IDs that still name a selectable row: after new data or another key pair. */
export function pruneSelection(selected: Selection, rowOf: (id: string) => InstanceRow | undefined): Selection {
  if (selected.size === 0) return selected;
  const kept = [...selected].filter((id) => rowOf(id)?.selectable === true);
  return kept.length === selected.size ? selected : new Set(kept);
}

export function countSelected(rows: readonly InstanceRow[], selected: Selection): number {
  if (selected.size === 0) return 0;
  let count = 0;
  for (const row of rows) if (selected.has(row.id)) count += 1;
  return count;
}
