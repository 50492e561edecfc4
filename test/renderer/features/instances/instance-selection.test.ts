import { describe, expect, it } from 'vitest';
import { buildInstanceIndex } from '../../../../renderer/src/features/instances/instance-index';
import { buildRows, rowOf } from '../../../../renderer/src/features/instances/instance-rows';
import {
  deselectAllVisible,
  pruneSelection,
  selectAllVisible,
  selectRangeTo,
  toggleSelection,
} from '../../../../renderer/src/features/instances/instance-selection';
import { deployKey, instance, judgeFor, otherKey } from './instance-fixtures';

// i-3 is Windows, so never selectable.
const instances = ['i-1', 'i-2', 'i-3', 'i-4', 'i-5'].map((instanceId) => instance({ instanceId, osType: instanceId === 'i-3' ? 'Windows' : 'Linux' }));
const rows = buildRows(buildInstanceIndex(instances), judgeFor(deployKey, instances));
const row = (id: string) => rows.find((candidate) => candidate.id === id);
const sorted = (selection: ReadonlySet<string>) => [...selection].sort();

describe('instance selection', () => {
  it('toggles a selectable row on and off', () => {
    const once = toggleSelection(new Set(), row('i-1'));
    expect(sorted(once)).toEqual(['i-1']);
    expect(sorted(toggleSelection(once, row('i-1')))).toEqual([]);
  });

  it('ignores a toggle of a row that cannot be selected, returning the same selection', () => {
    const selection = new Set(['i-1']);
    expect(toggleSelection(selection, row('i-3'))).toBe(selection);
    expect(toggleSelection(selection, undefined)).toBe(selection);
  });

  it('selects the range from the anchor to the target over visible rows, skipping unselectable ones', () => {
    expect(sorted(selectRangeTo(new Set(), rows, 'i-1', 'i-5'))).toEqual(['i-1', 'i-2', 'i-4', 'i-5']);
  });

  it('selects a range upwards as well as downwards', () => {
    expect(sorted(selectRangeTo(new Set(), rows, 'i-4', 'i-2'))).toEqual(['i-2', 'i-4']);
  });

  it('clears the range when the target was selected', () => {
    expect(sorted(selectRangeTo(new Set(['i-1', 'i-2', 'i-4', 'i-5']), rows, 'i-1', 'i-4'))).toEqual(['i-5']);
  });

  it('ranges over the visible rows only: a row hidden by the search stays unselected', () => {
    const visible = rows.filter((candidate) => candidate.id !== 'i-2');
    expect(sorted(selectRangeTo(new Set(), visible, 'i-1', 'i-5'))).toEqual(['i-1', 'i-4', 'i-5']);
  });

  it('toggles only the target when the anchor is not visible or not set', () => {
    expect(sorted(selectRangeTo(new Set(), rows, 'i-gone', 'i-4'))).toEqual(['i-4']);
    expect(sorted(selectRangeTo(new Set(), rows, null, 'i-4'))).toEqual(['i-4']);
  });

  it('selects every visible selectable row and keeps earlier selections', () => {
    const visible = rows.filter((candidate) => candidate.id !== 'i-5');
    expect(sorted(selectAllVisible(new Set(['i-5']), visible))).toEqual(['i-1', 'i-2', 'i-4', 'i-5']);
  });

  it('returns the same selection when selecting all adds nothing', () => {
    const all = new Set(['i-1', 'i-2', 'i-4', 'i-5']);
    expect(selectAllVisible(all, rows)).toBe(all);
  });

  it('deselects the visible rows only', () => {
    const visible = rows.filter((candidate) => candidate.id === 'i-1' || candidate.id === 'i-2');
    expect(sorted(deselectAllVisible(new Set(['i-1', 'i-2', 'i-5']), visible))).toEqual(['i-5']);
  });

  it('drops IDs that are gone or no longer selectable, and keeps the rest', () => {
    const pair = [instance({ instanceId: 'i-1' }), instance({ instanceId: 'i-2', keyPairName: 'other', keyPairId: 'kp-other' })];
    const index = buildInstanceIndex(pair);
    const forOtherKey = buildRows(index, judgeFor(otherKey, pair));
    expect(sorted(pruneSelection(new Set(['i-1', 'i-2', 'i-9']), (id) => rowOf(index, forOtherKey, id)))).toEqual(['i-2']);
  });

  it('returns the same selection when pruning drops nothing', () => {
    const selection = new Set(['i-1']);
    expect(pruneSelection(selection, row)).toBe(selection);
  });
});
