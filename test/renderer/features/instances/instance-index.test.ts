import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../../shared/domain/ecs';
import { facetsOf } from '../../../../renderer/src/features/instances/instance-facet-counts';
import { buildInstanceIndex } from '../../../../renderer/src/features/instances/instance-index';
import { mergeInstances, dropRowsOlderThan } from '../../../../renderer/src/features/instances/instance-table-merge';
import { emptyInstanceTableModel, type InstanceTableModel } from '../../../../renderer/src/features/instances/instance-table-model';
import { instance } from './instance-fixtures';

const boundCountsOf = (instances: readonly Instance[]) => {
  const counts = new Map<string, number>();
  for (const item of instances) if (item.keyPairId !== null) counts.set(item.keyPairId, (counts.get(item.keyPairId) ?? 0) + 1);
  return counts;
};

function expectCountsOfFinalData(model: InstanceTableModel): void {
  const instances = model.rows.map((row) => row.instance);
  expect(model.index.facets()).toEqual(facetsOf(instances));
  expect(new Map(model.index.boundCounts())).toEqual(boundCountsOf(instances));
}

describe('instance index', () => {
  it('keeps facets and bound counts equal to a recount through adds, replacements and drops', () => {
    let model = emptyInstanceTableModel();
    // Counted from the start, so every later change goes through the incremental path.
    model.index.facets();
    model.index.boundCounts();
    model = mergeInstances(
      model,
      [
        instance({ instanceId: 'i-1', tags: [{ key: 'env', value: 'prod' }] }),
        instance({ instanceId: 'i-2', keyPairId: 'kp-other', keyPairName: 'other', zoneId: 'z-2' }),
        instance({ instanceId: 'i-3', keyPairId: null, keyPairName: null, tags: [{ key: 'env', value: 'prod' }, { key: 'env', value: 'prod' }] }),
      ],
      { stamp: 1, cached: false },
    );
    expectCountsOfFinalData(model);
    expect(model.index.boundCounts().get('kp-deploy')).toBe(1);

    // A key pair change, a new zone, a tag gone.
    model = mergeInstances(model, [instance({ instanceId: 'i-1', keyPairId: 'kp-other', keyPairName: 'other', zoneId: 'z-3' })], { stamp: 2, cached: false });
    expectCountsOfFinalData(model);
    expect(model.index.boundCounts().get('kp-deploy')).toBeUndefined();
    expect(model.index.boundCounts().get('kp-other')).toBe(2);

    model = dropRowsOlderThan(model, 2);
    expectCountsOfFinalData(model);
    expect(model.index.facets().keyPairs).toEqual([{ value: 'other', count: 1 }]);
    expect(model.index.facets().tags).toEqual([]);
  });

  it('counts lazily on first use, from the data as it is then', () => {
    let model = mergeInstances(emptyInstanceTableModel(), [instance({ instanceId: 'i-1' })], { stamp: 1, cached: false });
    model = mergeInstances(model, [instance({ instanceId: 'i-1', status: 'STOPPED' }), instance({ instanceId: 'i-2' })], { stamp: 2, cached: false });
    expectCountsOfFinalData(model);
  });

  it('keeps the lists of untouched fields, and the bound counts, the same objects until they change', () => {
    let model = mergeInstances(emptyInstanceTableModel(), [instance({ instanceId: 'i-1' })], { stamp: 1, cached: false });
    const facets = model.index.facets();
    const bound = model.index.boundCounts();
    expect(model.index.facets()).toBe(facets);
    expect(model.index.boundCounts()).toBe(bound);
    model = mergeInstances(model, [instance({ instanceId: 'i-2', status: 'STOPPED' })], { stamp: 2, cached: false });
    const next = model.index.facets();
    expect(next).not.toBe(facets);
    expect(next.statuses).toEqual([
      { value: 'RUNNING', count: 1 },
      { value: 'STOPPED', count: 1 },
    ]);
    expect(next.statuses).not.toBe(facets.statuses);
    expect(next.osTypes).toEqual([{ value: 'Linux', count: 2 }]);
    // Neither instance has a tag: the tag select keeps its options.
    expect(next.tags).toBe(facets.tags);
    expect(model.index.boundCounts()).not.toBe(bound);
    // A re-read with the same content touches no count.
    const again = model.index.facets();
    mergeInstances(model, [instance({ instanceId: 'i-2', status: 'STOPPED' })], { stamp: 3, cached: false });
    expect(model.index.facets()).toBe(again);
  });

  it('keeps the sort keys of a column sorted once up to date through appends, replacements and drops', () => {
    let model = mergeInstances(emptyInstanceTableModel(), [instance({ instanceId: 'i-1', instanceName: 'b' })], { stamp: 1, cached: false });
    model.index.sortKeysOf('name');
    model = mergeInstances(model, [instance({ instanceId: 'i-2', instanceName: 'A-10' }), instance({ instanceId: 'i-1', instanceName: '' })], { stamp: 2, cached: false });
    model = mergeInstances(model, [instance({ instanceId: 'i-3', instanceName: 'c' })], { stamp: 1, cached: false });
    model = dropRowsOlderThan(model, 2);
    expect(model.index.sortKeysOf('name')).toEqual(buildInstanceIndex(model.index.instances).sortKeysOf('name'));
    expect(model.index.sortKeysOf('name')).toEqual([null, 'a-0000000000000010']);
  });

  it('does not change the array it was built from', () => {
    const instances = [instance({ instanceId: 'i-1' })];
    const model = mergeInstances(emptyInstanceTableModel(), instances, { stamp: 1, cached: false });
    mergeInstances(model, [instance({ instanceId: 'i-2' })], { stamp: 2, cached: false });
    const index = buildInstanceIndex(instances);
    index.append(instance({ instanceId: 'i-3' }));
    expect(instances).toHaveLength(1);
    expect(index.source).toBeNull();
  });
});
