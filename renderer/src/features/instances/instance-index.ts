import type { Instance } from '../../../../shared/domain/ecs';
import type { InstanceFacets } from './instance-facets';
import { InstanceFacetCounts } from './instance-facet-counts';
import { searchTextOf } from './instance-search';
import { sortTextOf, type SortColumn } from './instance-sort-columns';
import { naturalKey } from './natural-key';

type SortKeys = (string | null)[];

function sortKeyOf(instance: Instance, column: SortColumn): string | null {
  const text = sortTextOf(instance, column);
  return text === null ? null : naturalKey(text);
}

function countBound(counts: Map<string, number>, instance: Instance, delta: 1 | -1): void {
  if (instance.keyPairId === null) return;
  const count = (counts.get(instance.keyPairId) ?? 0) + delta;
  if (count > 0) counts.set(instance.keyPairId, count);
  else counts.delete(instance.keyPairId);
}

/**
 * Everything derived from the data that does not depend on the chosen key pair, the query or the filters, so
 * none of those rebuilds it. Positions are indexes into `instances` (data order = arrival order).
 *
 * The index is shared and mutated in place: a merge appends and replaces, a drop removes and renumbers, and every
 * model made from it sees the change. Only the current model's index is meaningful; an older model's rows keep
 * their own instance and search string but its positions may no longer match the index. Whatever a merge can
 * skip is built on first use and maintained from then on: the ID lookup, sort keys of columns sorted once, the
 * facet counts and the per-key-pair counts. So a whole load paints its first rows before any of them is built.
 */
export class InstanceIndex {
  /** The array `buildInstanceIndex` was given, until a merge or a drop changes the data; lets a reload of the same array be skipped. */
  source: readonly Instance[] | null;
  private readonly list: Instance[];
  private readonly texts: string[];
  private positions: Map<string, number> | null = null;
  private readonly sortKeys = new Map<SortColumn, SortKeys>();
  private facetCounts: InstanceFacetCounts | null = null;
  private bound: Map<string, number> | null = null;
  private boundView: ReadonlyMap<string, number> | null = null;

  constructor(instances: readonly Instance[]) {
    this.source = instances;
    // A copy: merges grow this array, and the caller's must not change under it.
    this.list = instances.slice();
    this.texts = instances.map(searchTextOf);
  }

  get instances(): readonly Instance[] {
    return this.list;
  }

  /** One lowercase search string per instance (see `searchTextOf`). */
  get searchTexts(): readonly string[] {
    return this.texts;
  }

  positionOf(id: string): number | undefined {
    if (this.positions === null) {
      const positions = new Map<string, number>();
      this.list.forEach((instance, position) => positions.set(instance.instanceId, position));
      this.positions = positions;
    }
    return this.positions.get(id);
  }

  /** A column's sort key per position (null = missing value): built the first time it is sorted, then kept up to date. */
  sortKeysOf(column: SortColumn): readonly (string | null)[] {
    let keys = this.sortKeys.get(column);
    if (keys === undefined) {
      keys = this.list.map((instance) => sortKeyOf(instance, column));
      this.sortKeys.set(column, keys);
    }
    return keys;
  }

  /** The filter choices of the current data; the same object until the data changes. */
  facets(): InstanceFacets {
    if (this.facetCounts === null) {
      this.facetCounts = new InstanceFacetCounts();
      for (const instance of this.list) this.facetCounts.add(instance);
    }
    return this.facetCounts.current();
  }

  /** How many instances the data says are bound to each key pair ID; the same map until the data changes. */
  boundCounts(): ReadonlyMap<string, number> {
    if (this.bound === null) {
      this.bound = new Map();
      for (const instance of this.list) countBound(this.bound, instance, 1);
    }
    // A copy per change: the live map changes in place, and a component holding the last one must see a new one.
    this.boundView ??= new Map(this.bound);
    return this.boundView;
  }

  /** Adds an instance with an ID not in the index yet; returns its position. */
  append(instance: Instance): number {
    const position = this.list.length;
    this.changed();
    this.list.push(instance);
    this.texts.push(searchTextOf(instance));
    this.positions?.set(instance.instanceId, position);
    for (const [column, keys] of this.sortKeys) keys.push(sortKeyOf(instance, column));
    this.facetCounts?.add(instance);
    if (this.bound !== null) countBound(this.bound, instance, 1);
    return position;
  }

  /** Puts `instance` (same ID) in place of the one at `position`. */
  replace(position: number, instance: Instance): void {
    const previous = this.list[position]!;
    this.changed();
    this.list[position] = instance;
    this.texts[position] = searchTextOf(instance);
    for (const [column, keys] of this.sortKeys) keys[position] = sortKeyOf(instance, column);
    this.facetCounts?.remove(previous);
    this.facetCounts?.add(instance);
    if (this.bound !== null) {
      countBound(this.bound, previous, -1);
      countBound(this.bound, instance, 1);
    }
  }

  /**
   * Removes the instances at the positions `removed` says, moving the rest down in order (so the order among the
   * kept ones is unchanged). Search strings and sort keys move with their instance; nothing is recomputed.
   */
  remove(removed: (position: number) => boolean): void {
    this.changed();
    const { list, texts } = this;
    const keyLists = [...this.sortKeys.values()];
    let kept = 0;
    for (let position = 0; position < list.length; position += 1) {
      const instance = list[position]!;
      if (removed(position)) {
        this.positions?.delete(instance.instanceId);
        this.facetCounts?.remove(instance);
        if (this.bound !== null) countBound(this.bound, instance, -1);
        continue;
      }
      if (kept !== position) {
        list[kept] = instance;
        texts[kept] = texts[position]!;
        for (const keys of keyLists) keys[kept] = keys[position] ?? null;
        this.positions?.set(instance.instanceId, kept);
      }
      kept += 1;
    }
    list.length = kept;
    texts.length = kept;
    for (const keys of keyLists) keys.length = kept;
  }

  private changed(): void {
    this.source = null;
    this.boundView = null;
  }
}

export function buildInstanceIndex(instances: readonly Instance[]): InstanceIndex {
  return new InstanceIndex(instances);
}
