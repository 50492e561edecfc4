import { attachBlocker, type AttachBlocker } from '../../../../shared/domain/attachability';
import { detachBlocker, hasAnyKey, type DetachBlocker } from '../../../../shared/domain/detachability';
import type { Instance } from '../../../../shared/domain/ecs';
import type { InstanceIndex } from './instance-index';
import type { RowJudge } from './instance-key-listing';

/**
 * Why a row cannot be selected for detaching the chosen key pair: a rule of DetachKeyPair, or `not-bound` when
 * the instance's data says it is bound but the key pair's fresh, complete listing does not have it. To attach: a
 * rule of AttachKeyPair (`already-bound` when it has that very key).
 */
export type RowBlocker = DetachBlocker | AttachBlocker | 'not-bound';

/** What an attach would do to a selectable row: give it its first key, or replace the one it has. */
export type RowChange = 'first' | 'replace';

export interface InstanceRow {
  /** Position in the data (arrival order): the tie-breaker that keeps every sort stable. */
  position: number;
  id: string;
  instance: Instance;
  searchText: string;
  /** The caller's counter of the batch that last delivered this row; 0 for cached rows and whole loads. */
  stamp: number;
  /** From the copy kept on disk and not yet confirmed by Volcengine. */
  cached: boolean;
  /** Why it cannot be detached from the chosen key pair; null when it can, when no key pair is chosen, or while its listing is not complete. */
  blocker: RowBlocker | null;
  /**
   * To detach: true only with a key pair chosen, its listing complete and holding this instance, and no blocker.
   * To attach: true with a key pair chosen and no blocker.
   */
  selectable: boolean;
  /** To attach, with a key pair chosen and no blocker: what the attach would do; null otherwise. */
  change: RowChange | null;
}

function blockerOf(judge: RowJudge, instance: Instance): RowBlocker | null {
  if (judge.keyPair === null) return null;
  if (judge.mode === 'attach') return attachBlocker(instance, judge.keyPair);
  const blocker = detachBlocker(instance, judge.keyPair);
  if (blocker !== null || judge.boundIds === null) return blocker;
  return judge.boundIds.has(instance.instanceId) ? null : 'not-bound';
}

/** Whether a row can be selected, and what an attach would do to it. */
function verdictOf(judge: RowJudge, instance: Instance): Pick<InstanceRow, 'blocker' | 'selectable' | 'change'> {
  const blocker = blockerOf(judge, instance);
  if (judge.mode === 'detach') return { blocker, selectable: judge.boundIds !== null && blocker === null, change: null };
  const selectable = judge.keyPair !== null && blocker === null;
  return { blocker, selectable, change: selectable ? (hasAnyKey(instance) ? 'replace' : 'first') : null };
}

export function rowOfInstance(position: number, instance: Instance, searchText: string, stamp: number, cached: boolean, judge: RowJudge): InstanceRow {
  return { position, id: instance.instanceId, instance, searchText, stamp, cached, ...verdictOf(judge, instance) };
}

/** One row per indexed instance, as fresh data with stamp 0 (a whole load). */
export function buildRows(index: InstanceIndex, judge: RowJudge): InstanceRow[] {
  const { instances, searchTexts } = index;
  const rows = new Array<InstanceRow>(instances.length);
  for (let position = 0; position < instances.length; position += 1) {
    rows[position] = rowOfInstance(position, instances[position]!, searchTexts[position] ?? '', 0, false, judge);
  }
  return rows;
}

/** The rows judged by `judge`; a row whose verdict is unchanged is the same object, so it does not re-render. Null when none changed. */
export function rejudgeRows(rows: readonly InstanceRow[], judge: RowJudge): InstanceRow[] | null {
  let next: InstanceRow[] | null = null;
  for (let position = 0; position < rows.length; position += 1) {
    const row = rows[position]!;
    const verdict = verdictOf(judge, row.instance);
    if (verdict.blocker === row.blocker && verdict.selectable === row.selectable && verdict.change === row.change) continue;
    next ??= rows.slice();
    next[position] = { ...row, ...verdict };
  }
  return next;
}

/** The row of an instance ID in rows built from `index`. */
export function rowOf(index: InstanceIndex, rows: readonly InstanceRow[], id: string): InstanceRow | undefined {
  const position = index.positionOf(id);
  return position === undefined ? undefined : rows[position];
}
