import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { Instance } from '../../../../shared/domain/ecs';
import { facetsOf } from '../../../../renderer/src/features/instances/instance-facet-counts';
import { tagFilterValue } from '../../../../renderer/src/features/instances/instance-facets';
import type { FilterName } from '../../../../renderer/src/features/instances/instance-filters';
import type { KeyListing } from '../../../../renderer/src/features/instances/instance-key-listing';
import type { InstanceRow } from '../../../../renderer/src/features/instances/instance-rows';
import type { SortState } from '../../../../renderer/src/features/instances/instance-sort-columns';
import { dropRowsOlderThan, mergeInstances } from '../../../../renderer/src/features/instances/instance-table-merge';
import {
  emptyInstanceTableModel,
  selectAllMatching,
  setFilter,
  setInstanceData,
  setKeyListing,
  setKeyPair,
  setQuery,
  setSort,
  toggleRow,
  type InstanceTableModel,
} from '../../../../renderer/src/features/instances/instance-table-model';
import { deployKey, instance, otherKey } from './instance-fixtures';

/*
 * Whatever the order pages arrive in, and whatever the user does meanwhile, the table must show exactly what it
 * would show had all the data been loaded at once: checked against a model built in one go from an oracle of the
 * final data, which applies the merge rules the plain way.
 */

const ids = Array.from({ length: 12 }, (_unused, index) => `i-${index}`);
const keyChoices: Pick<Instance, 'keyPairId' | 'keyPairName'>[] = [
  { keyPairId: deployKey.keyPairId, keyPairName: deployKey.keyPairName },
  { keyPairId: otherKey.keyPairId, keyPairName: otherKey.keyPairName },
  { keyPairId: null, keyPairName: null },
  { keyPairId: deployKey.keyPairId, keyPairName: null },
];
const tagChoices = [
  { key: 'env', value: 'prod' },
  { key: 'env', value: 'test' },
  { key: 'team', value: 'web' },
  { key: 'Env', value: 'prod' },
];

const instanceArbitrary: fc.Arbitrary<Instance> = fc
  .record({
    instanceId: fc.constantFrom(...ids),
    instanceName: fc.constantFrom('', 'web-2', 'web-10', 'Web-2', 'db'),
    // Weighted towards instances that can be selected, so selections exist for merges to change.
    status: fc.constantFrom('RUNNING', 'RUNNING', 'STOPPED', 'STARTING'),
    osType: fc.constantFrom('Linux', 'Linux', 'Linux', 'Windows'),
    zoneId: fc.constantFrom('z-1', 'z-2', 'z-10'),
    key: fc.constantFrom(keyChoices[0]!, ...keyChoices),
    privateIp: fc.constantFrom(null, '10.0.0.9', '10.0.0.10'),
    tags: fc.subarray(tagChoices),
    projectName: fc.constantFrom('', 'alpha', 'beta'),
  })
  .map(({ key, ...fields }) => instance({ ...fields, ...key }));

type Action =
  | { kind: 'merge'; instances: Instance[]; cached: boolean }
  | { kind: 'drop'; back: number }
  | { kind: 'load'; instances: Instance[] }
  | { kind: 'query'; query: string }
  | { kind: 'filter'; name: FilterName; values: string[] }
  | { kind: 'sort'; sort: SortState | null }
  | { kind: 'keyPair'; keyPair: KeyPairRef | null }
  | { kind: 'listing'; listing: KeyListing | null }
  | { kind: 'ready'; keyPair: KeyPairRef; boundIds: ReadonlySet<string> }
  | { kind: 'select'; id: string | null };

const listingArbitrary: fc.Arbitrary<KeyListing | null> = fc.option(
  fc.record({
    keyPairId: fc.constantFrom(deployKey.keyPairId, otherKey.keyPairId),
    state: fc.constantFrom('listing' as const, 'complete' as const, 'complete' as const, 'incomplete' as const),
    boundIds: fc.subarray(ids).map((chosen): ReadonlySet<string> => new Set(chosen)),
  }),
);

/** Most IDs: the fresh listing usually agrees with the data, and now and then lacks an instance. */
const mostIds = fc.subarray(ids, { minLength: ids.length - 2 }).map((chosen): ReadonlySet<string> => new Set(chosen));

const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('merge' as const), instances: fc.array(instanceArbitrary, { maxLength: 6 }), cached: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), back: fc.nat(4) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('load' as const), instances: fc.uniqueArray(instanceArbitrary, { selector: (item) => item.instanceId, maxLength: 8 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('query' as const), query: fc.constantFrom('', '', '', 'web', 'web-1', 'i-1', 'prod', 'env=prod 10.0', 'b') }) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.record({ kind: fc.constant('filter' as const), name: fc.constant('statuses' as const), values: fc.subarray(['RUNNING', 'STOPPED']) }),
      fc.record({ kind: fc.constant('filter' as const), name: fc.constant('zones' as const), values: fc.subarray(['z-1', 'z-10']) }),
      fc.record({ kind: fc.constant('filter' as const), name: fc.constant('keyPairs' as const), values: fc.subarray(['deploy', 'kp-deploy']) }),
      fc.record({ kind: fc.constant('filter' as const), name: fc.constant('tags' as const), values: fc.subarray(tagChoices.map(tagFilterValue)) }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('sort' as const),
      sort: fc.constantFrom<SortState | null>(
        null,
        { column: 'name', direction: 'asc' },
        { column: 'name', direction: 'desc' },
        { column: 'zone', direction: 'asc' },
        { column: 'privateIp', direction: 'desc' },
        { column: 'keyPair', direction: 'asc' },
        { column: 'tags', direction: 'desc' },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('keyPair' as const), keyPair: fc.constantFrom(null, deployKey, otherKey) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('listing' as const), listing: listingArbitrary }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('ready' as const), keyPair: fc.constantFrom(deployKey, otherKey), boundIds: mostIds }) },
  // null: select all that match.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('select' as const), id: fc.oneof(fc.constant(null), fc.constantFrom(...ids)) }) },
);

interface OracleRow {
  instance: Instance;
  stamp: number;
  cached: boolean;
}

/** The merge rules, applied the plain way. */
function oracleMerge(data: OracleRow[], instances: readonly Instance[], stamp: number, cached: boolean): OracleRow[] {
  const next = [...data];
  for (const item of instances) {
    const at = next.findIndex((row) => row.instance.instanceId === item.instanceId);
    if (at === -1) next.push({ instance: item, stamp, cached });
    else if (!cached || next[at]!.cached) next[at] = { instance: item, stamp, cached };
  }
  return next;
}

/** What the table must show, as plain data: identity, content and verdict of each row. */
const shown = (rows: readonly InstanceRow[]) => rows.map(({ position, id, instance: item, searchText, blocker, selectable }) => ({ position, id, item, searchText, blocker, selectable }));

function builtInOneGo(model: InstanceTableModel, data: readonly OracleRow[]): InstanceTableModel {
  let fresh = setKeyListing(emptyInstanceTableModel(), model.keyListing);
  fresh = setInstanceData(
    fresh,
    data.map((row) => row.instance),
    model.keyPair,
  );
  fresh = setQuery(fresh, model.query);
  for (const [name, values] of Object.entries(model.filters) as [FilterName, readonly string[]][]) fresh = setFilter(fresh, name, values);
  return setSort(fresh, model.sort);
}

function expectConsistent(model: InstanceTableModel, data: readonly OracleRow[]): void {
  expect(model.rows.map((row) => ({ instance: row.instance, stamp: row.stamp, cached: row.cached }))).toEqual(data);
  const reference = builtInOneGo(model, data);
  expect(shown(model.visibleRows)).toEqual(shown(reference.visibleRows));
  expect(shown(model.sortedRows)).toEqual(shown(reference.sortedRows));
  // The ordered lists hold the current row objects (a re-stamped row included), not earlier versions.
  for (const row of [...model.sortedRows, ...model.visibleRows]) expect(row).toBe(model.rows[row.position]);
  expect(model.visibleSelectableCount).toBe(reference.visibleSelectableCount);
  expect(model.selectionWait).toBe(reference.selectionWait);
  expect(model.selectedVisibleCount).toBe(model.visibleRows.filter((row) => model.selected.has(row.id)).length);
  for (const id of model.selected) expect(model.rows.find((row) => row.id === id)?.selectable).toBe(true);
  const instances = data.map((row) => row.instance);
  expect(model.index.facets()).toEqual(facetsOf(instances));
  const bound = new Map<string, number>();
  for (const item of instances) if (item.keyPairId !== null) bound.set(item.keyPairId, (bound.get(item.keyPairId) ?? 0) + 1);
  expect(new Map(model.index.boundCounts())).toEqual(bound);
}

describe('instance table merges', () => {
  it('show, after any sequence of merges, drops and table changes, exactly what loading the final data at once shows', () => {
    fc.assert(
      fc.property(fc.array(actionArbitrary, { maxLength: 40, size: 'max' }), fc.boolean(), (actions, readFacetsEarly) => {
        let model = emptyInstanceTableModel();
        let data: OracleRow[] = [];
        let nextStamp = 1;
        // Facets and bound counts are built on first use: read them early in half the runs, so both the
        // incrementally kept counts and the lazily built ones are checked.
        if (readFacetsEarly) model.index.facets();
        for (const action of actions) {
          const version = model.dataVersion;
          const before = model;
          switch (action.kind) {
            case 'merge': {
              const stamp = action.cached ? 0 : nextStamp++;
              model = mergeInstances(model, action.instances, { stamp, cached: action.cached });
              data = oracleMerge(data, action.instances, stamp, action.cached);
              break;
            }
            case 'drop': {
              const stamp = Math.max(0, nextStamp - action.back);
              model = dropRowsOlderThan(model, stamp);
              data = data.filter((row) => row.stamp >= stamp);
              break;
            }
            case 'load':
              model = setInstanceData(model, action.instances, model.keyPair);
              data = action.instances.map((item) => ({ instance: item, stamp: 0, cached: false }));
              if (readFacetsEarly) model.index.facets();
              break;
            case 'query':
              model = setQuery(model, action.query);
              break;
            case 'filter':
              model = setFilter(model, action.name, action.values);
              break;
            case 'sort':
              model = setSort(model, action.sort);
              break;
            case 'keyPair':
              model = setKeyPair(model, action.keyPair);
              break;
            case 'listing':
              model = setKeyListing(model, action.listing);
              break;
            case 'ready':
              model = setKeyListing(setKeyPair(model, action.keyPair), { keyPairId: action.keyPair.keyPairId, state: 'complete', boundIds: action.boundIds });
              break;
            case 'select':
              model = action.id === null ? selectAllMatching(model) : toggleRow(model, action.id);
              break;
          }
          const dataAction = action.kind === 'merge' || action.kind === 'drop' || action.kind === 'load';
          if (!dataAction || model === before) expect(model.dataVersion).toBe(version);
          else expect(model.dataVersion).not.toBe(version);
          expectConsistent(model, data);
        }
      }),
      { numRuns: 300 },
    );
  });
});
