import type { FacetValue } from './instance-facets';
import { naturalKey } from './natural-key';

/** One distinct value as counted; made once per value, so its sort key is computed once, not per listing. */
export interface TallyEntry {
  readonly value: string;
  readonly sortKey: string;
  count: number;
}

/**
 * Natural order, then the raw value: a total order, so the list does not depend on the order the values came
 * in (two values can share a natural key, e.g. `Web` and `web`).
 */
function compareEntries(a: TallyEntry, b: TallyEntry): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/**
 * How many instances have each value of one field, kept up to date as instances come, change and go, and the
 * filter select's list made from it on demand. The list is remade only after a count changed, and re-sorted only
 * after a value appeared or disappeared; then the previous order plus the newcomers is sorted, which V8's sort
 * (TimSort) does in near-linear time because most of it is in order already.
 */
export class FacetTally {
  private readonly entries = new Map<string, TallyEntry>();
  /** The last list's entries in order; may hold entries whose count has since dropped to 0. */
  private order: TallyEntry[] = [];
  private newcomers: TallyEntry[] = [];
  private valuesChanged = false;
  private list: readonly FacetValue[] | null = null;

  /** The entry of `value`, made with count 0 on first sight; `sortText` is what it sorts by. */
  entry(value: string, sortText: string = value): TallyEntry {
    let entry = this.entries.get(value);
    if (entry === undefined) {
      entry = { value, sortKey: naturalKey(sortText), count: 0 };
      this.entries.set(value, entry);
      this.newcomers.push(entry);
      this.valuesChanged = true;
    }
    return entry;
  }

  /**
   * Counts one more or one fewer instance for `entry`, an entry this tally made. An entry whose count reaches 0
   * is forgotten (callers holding it in a lookup of their own drop it too); the value makes a new one if it
   * comes back.
   */
  adjust(entry: TallyEntry, delta: 1 | -1): void {
    entry.count += delta;
    this.list = null;
    if (entry.count === 0) {
      this.entries.delete(entry.value);
      this.valuesChanged = true;
    }
  }

  add(value: string): void {
    this.adjust(this.entry(value), 1);
  }

  remove(value: string): void {
    const entry = this.entries.get(value);
    if (entry !== undefined) this.adjust(entry, -1);
  }

  /** The values with their counts, in natural order; the same array until a count changes. */
  values(): readonly FacetValue[] {
    if (this.list !== null) return this.list;
    if (this.valuesChanged) {
      // A forgotten entry has count 0 for good: a value that came back has a new entry among the newcomers.
      const live = this.order.filter((entry) => entry.count > 0);
      for (const entry of this.newcomers) if (entry.count > 0) live.push(entry);
      live.sort(compareEntries);
      this.order = live;
      this.newcomers = [];
      this.valuesChanged = false;
    }
    this.list = this.order.map((entry) => ({ value: entry.value, count: entry.count }));
    return this.list;
  }
}
