import { detachBlocker, type DetachBlocker, type KeyPairRef } from '../../../../shared/domain/detachability';
import type { Instance } from '../../../../shared/domain/ecs';
import { facetsOf, type InstanceFacets } from './instance-facets';
import { searchTextOf } from './instance-search';
import type { SortColumn } from './instance-sort-columns';

/**
 * Everything derived from one data load that does not depend on the chosen key pair, so changing the key pair
 * or the query never rebuilds it. Positions are indexes into `instances`.
 */
export interface InstanceIndex {
  instances: readonly Instance[];
  searchTexts: readonly string[];
  /** Built on first use, so the first rows paint before the filter choices are counted. */
  facets: () => InstanceFacets;
  /** Sort keys per column, filled the first time a column is sorted; null = missing value. */
  sortKeys: Map<SortColumn, readonly (string | null)[]>;
  /** An instance's position by ID; the lookup table is built on first use, not on the load's critical path. */
  positionOf: (id: string) => number | undefined;
}

export interface InstanceRow {
  /** Position in the loaded data: the tie-breaker that keeps every sort stable. */
  position: number;
  id: string;
  instance: Instance;
  searchText: string;
  /** Why it cannot be detached from the chosen key pair; null when it can, or when no key pair is chosen. */
  blocker: DetachBlocker | null;
  /** False while no key pair is chosen, and for every blocked instance. */
  selectable: boolean;
}

export function buildInstanceIndex(instances: readonly Instance[]): InstanceIndex {
  let positions: Map<string, number> | null = null;
  let facets: InstanceFacets | null = null;
  return {
    instances,
    searchTexts: instances.map(searchTextOf),
    facets: () => (facets ??= facetsOf(instances)),
    sortKeys: new Map(),
    positionOf: (id) => {
      positions ??= new Map(instances.map((instance, position) => [instance.instanceId, position]));
      return positions.get(id);
    },
  };
}

export function buildRows(index: InstanceIndex, keyPair: KeyPairRef | null): InstanceRow[] {
  const { instances, searchTexts } = index;
  const rows = new Array<InstanceRow>(instances.length);
  instances.forEach((instance, position) => {
    const blocker = keyPair === null ? null : detachBlocker(instance, keyPair);
    rows[position] = {
      position,
      id: instance.instanceId,
      instance,
      searchText: searchTexts[position] ?? '',
      blocker,
      selectable: keyPair !== null && blocker === null,
    };
  });
  return rows;
}

/** The row of an instance ID in rows built from `index`. */
export function rowOf(index: InstanceIndex, rows: readonly InstanceRow[], id: string): InstanceRow | undefined {
  const position = index.positionOf(id);
  return position === undefined ? undefined : rows[position];
}
