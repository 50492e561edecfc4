import { describe, expect, it } from 'vitest';
import { facetsOf } from '../../../../renderer/src/features/instances/instance-facet-counts';
import { noKeyPairValue, parseTagFilterValue, tagFilterValue } from '../../../../renderer/src/features/instances/instance-facets';
import { instance } from './instance-fixtures';

describe('instance facets', () => {
  const facets = facetsOf([
    instance({ instanceId: 'i-1', status: 'RUNNING', zoneId: 'zone-10', tags: [{ key: 'env', value: 'prod' }, { key: 'env', value: 'prod' }] }),
    instance({ instanceId: 'i-2', status: 'STOPPED', zoneId: 'zone-2', keyPairName: null, keyPairId: null, tags: [{ key: 'env', value: 'prod' }] }),
    instance({ instanceId: 'i-3', status: 'RUNNING', zoneId: 'zone-2', osType: 'Windows' }),
  ]);

  it('lists each distinct value once with how many instances have it', () => {
    expect(facets.statuses).toEqual([
      { value: 'RUNNING', count: 2 },
      { value: 'STOPPED', count: 1 },
    ]);
    expect(facets.osTypes).toEqual([
      { value: 'Linux', count: 2 },
      { value: 'Windows', count: 1 },
    ]);
  });

  it('orders values with numbers by their value', () => {
    expect(facets.zones.map((facet) => facet.value)).toEqual(['zone-2', 'zone-10']);
  });

  it('offers "no key pair" when some instance has none', () => {
    expect(facets.keyPairs).toEqual([
      { value: noKeyPairValue, count: 1 },
      { value: 'deploy', count: 2 },
    ]);
  });

  it('counts a tag repeated on one instance once', () => {
    expect(facets.tags).toEqual([{ value: tagFilterValue({ key: 'env', value: 'prod' }), count: 2 }]);
  });

  it('reads back a tag filter value exactly, and rejects values it did not make', () => {
    expect(parseTagFilterValue(tagFilterValue({ key: 'a=b', value: '"c"' }))).toEqual({ key: 'a=b', value: '"c"' });
    expect(parseTagFilterValue('env=prod')).toBeNull();
    expect(parseTagFilterValue('[1,2]')).toBeNull();
  });
});
