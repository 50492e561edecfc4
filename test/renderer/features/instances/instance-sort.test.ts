import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../../shared/domain/ecs';
import { buildInstanceIndex } from '../../../../renderer/src/features/instances/instance-index';
import { nextSort, sortedPositions } from '../../../../renderer/src/features/instances/instance-sort';
import { sortColumns, type SortColumn, type SortState } from '../../../../renderer/src/features/instances/instance-sort-columns';
import { naturalKey } from '../../../../renderer/src/features/instances/natural-key';
import { instance } from './instance-fixtures';

const idsSorted = (instances: Instance[], sort: SortState | null) => {
  const index = buildInstanceIndex(instances);
  return sortedPositions(index, sort).map((position) => instances[position]!.instanceId);
};

/** Three instances whose `column` reads low, high and missing, in a shuffled data order. */
function forColumn(column: SortColumn): Instance[] {
  const values: Record<SortColumn, [Partial<Instance>, Partial<Instance>, Partial<Instance>]> = {
    name: [{ instanceName: 'web-2' }, { instanceName: 'web-10' }, { instanceName: '' }],
    instanceId: [{}, {}, {}],
    status: [{ status: 'RUNNING' }, { status: 'STOPPED' }, { status: '' }],
    os: [{ osType: 'Linux', osName: 'CentOS 7' }, { osType: 'Windows', osName: 'Server 2019' }, { osType: '', osName: '' }],
    keyPair: [{ keyPairName: 'alpha' }, { keyPairName: 'beta' }, { keyPairName: null, keyPairId: null }],
    zone: [{ zoneId: 'cn-beijing-a' }, { zoneId: 'cn-beijing-b' }, { zoneId: '' }],
    privateIp: [{ privateIp: '10.0.0.9' }, { privateIp: '10.0.0.10' }, { privateIp: null }],
    publicIp: [{ publicIp: '8.8.8.8' }, { publicIp: '203.0.113.1' }, { publicIp: null }],
    tags: [{ tags: [{ key: 'env', value: 'prod' }] }, { tags: [{ key: 'team', value: 'a' }] }, { tags: [] }],
    project: [{ projectName: 'alpha' }, { projectName: 'beta' }, { projectName: '' }],
  };
  const [low, high, missing] = values[column];
  // Data order: high, missing, low. IDs are chosen so the ID column orders low < high as well.
  return [instance({ instanceId: 'i-2high', ...high }), instance({ instanceId: 'i-3missing', ...missing }), instance({ instanceId: 'i-1low', ...low })];
}

describe('instance sort', () => {
  it('keeps data order without a sort', () => {
    expect(idsSorted(forColumn('name'), null)).toEqual(['i-2high', 'i-3missing', 'i-1low']);
  });

  for (const column of sortColumns.filter((candidate) => candidate !== 'instanceId')) {
    it(`sorts by ${column} both ways, with a missing value last either way`, () => {
      expect(idsSorted(forColumn(column), { column, direction: 'asc' })).toEqual(['i-1low', 'i-2high', 'i-3missing']);
      expect(idsSorted(forColumn(column), { column, direction: 'desc' })).toEqual(['i-2high', 'i-1low', 'i-3missing']);
    });
  }

  it('sorts by instance ID both ways', () => {
    const instances = forColumn('instanceId');
    expect(idsSorted(instances, { column: 'instanceId', direction: 'asc' })).toEqual(['i-1low', 'i-2high', 'i-3missing']);
    expect(idsSorted(instances, { column: 'instanceId', direction: 'desc' })).toEqual(['i-3missing', 'i-2high', 'i-1low']);
  });

  it('keeps equal values in data order in both directions (stable)', () => {
    const instances = ['i-c', 'i-a', 'i-b', 'i-d'].map((instanceId, position) => instance({ instanceId, zoneId: position === 3 ? 'z-0' : 'z-1' }));
    expect(idsSorted(instances, { column: 'zone', direction: 'asc' })).toEqual(['i-d', 'i-c', 'i-a', 'i-b']);
    expect(idsSorted(instances, { column: 'zone', direction: 'desc' })).toEqual(['i-c', 'i-a', 'i-b', 'i-d']);
  });

  it('ignores case and orders numbers by value', () => {
    expect(naturalKey('Web-2') < naturalKey('web-10')).toBe(true);
    expect(naturalKey('10.0.0.9') < naturalKey('10.0.0.10')).toBe(true);
    expect(naturalKey('ABC')).toBe(naturalKey('abc'));
  });

  it('cycles a header through ascending, descending and unsorted, and starts another column ascending', () => {
    expect(nextSort(null, 'zone')).toEqual({ column: 'zone', direction: 'asc' });
    expect(nextSort({ column: 'zone', direction: 'asc' }, 'zone')).toEqual({ column: 'zone', direction: 'desc' });
    expect(nextSort({ column: 'zone', direction: 'desc' }, 'zone')).toBeNull();
    expect(nextSort({ column: 'zone', direction: 'desc' }, 'name')).toEqual({ column: 'name', direction: 'asc' });
  });
});
