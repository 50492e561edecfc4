import { describe, expect, it } from 'vitest';
import { noKeyPairValue, tagFilterValue } from '../../../../renderer/src/features/instances/instance-facets';
import { compileFilters, emptyFilters, matchingRows, type InstanceFilters } from '../../../../renderer/src/features/instances/instance-filters';
import { buildInstanceIndex } from '../../../../renderer/src/features/instances/instance-index';
import { buildRows } from '../../../../renderer/src/features/instances/instance-rows';
import { queryTerms } from '../../../../renderer/src/features/instances/instance-search';
import { deployKey, instance, judgeFor } from './instance-fixtures';

const instances = [
  instance({ instanceId: 'i-a', status: 'RUNNING', osType: 'Linux', zoneId: 'z-1', tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'web' }] }),
  instance({ instanceId: 'i-b', status: 'STOPPED', osType: 'Linux', zoneId: 'z-2', keyPairName: 'other', keyPairId: 'kp-other', tags: [{ key: 'env', value: 'test' }, { key: 'team', value: 'web' }] }),
  instance({ instanceId: 'i-c', status: 'STARTING', osType: 'Windows', zoneId: 'z-1', keyPairName: null, keyPairId: null, tags: [{ key: 'env', value: 'prod' }, { key: 'team', value: 'db' }] }),
  instance({ instanceId: 'i-d', status: 'RUNNING', osType: 'Linux', zoneId: 'z-3', keyPairName: null, keyPairId: 'kp-nameless', tags: [] }),
];
const rows = buildRows(buildInstanceIndex(instances), judgeFor(deployKey, instances));

const idsMatching = (filters: Partial<InstanceFilters>, query = '') =>
  matchingRows(rows, queryTerms(query), compileFilters({ ...emptyFilters, ...filters })).map((row) => row.id);

describe('instance filters', () => {
  it('keeps every row when no filter is active', () => {
    expect(compileFilters(emptyFilters)).toBeNull();
    expect(idsMatching({})).toEqual(['i-a', 'i-b', 'i-c', 'i-d']);
  });

  it('filters by status, any of the chosen ones', () => {
    expect(idsMatching({ statuses: ['RUNNING'] })).toEqual(['i-a', 'i-d']);
    expect(idsMatching({ statuses: ['STOPPED', 'STARTING'] })).toEqual(['i-b', 'i-c']);
  });

  it('filters by OS type', () => {
    expect(idsMatching({ osTypes: ['Windows'] })).toEqual(['i-c']);
  });

  it('filters by zone', () => {
    expect(idsMatching({ zones: ['z-1'] })).toEqual(['i-a', 'i-c']);
  });

  it('filters by key pair name, by ID when the name is missing, and by "no key pair"', () => {
    expect(idsMatching({ keyPairs: ['deploy'] })).toEqual(['i-a']);
    expect(idsMatching({ keyPairs: ['kp-nameless'] })).toEqual(['i-d']);
    expect(idsMatching({ keyPairs: [noKeyPairValue] })).toEqual(['i-c']);
    expect(idsMatching({ keyPairs: [noKeyPairValue, 'other'] })).toEqual(['i-b', 'i-c']);
  });

  it('filters by tag key=value', () => {
    expect(idsMatching({ tags: [tagFilterValue({ key: 'env', value: 'prod' })] })).toEqual(['i-a', 'i-c']);
  });

  it('treats tags with the same key as alternatives and tags with different keys as all required', () => {
    const envProd = tagFilterValue({ key: 'env', value: 'prod' });
    const envTest = tagFilterValue({ key: 'env', value: 'test' });
    const teamWeb = tagFilterValue({ key: 'team', value: 'web' });
    expect(idsMatching({ tags: [envProd, envTest] })).toEqual(['i-a', 'i-b', 'i-c']);
    expect(idsMatching({ tags: [envProd, envTest, teamWeb] })).toEqual(['i-a', 'i-b']);
  });

  it('does not confuse a tag key holding "=" with another key and value', () => {
    const trickyInstances = [instance({ instanceId: 'i-x', tags: [{ key: 'a=b', value: 'c' }] })];
    const tricky = buildRows(buildInstanceIndex(trickyInstances), judgeFor(deployKey, trickyInstances));
    const predicate = compileFilters({ ...emptyFilters, tags: [tagFilterValue({ key: 'a', value: 'b=c' })] });
    expect(matchingRows(tricky, [], predicate)).toEqual([]);
  });

  it('combines the search and every active filter', () => {
    expect(idsMatching({ statuses: ['RUNNING'], zones: ['z-1', 'z-3'] }, 'i-d')).toEqual(['i-d']);
    expect(idsMatching({ statuses: ['RUNNING'], osTypes: ['Windows'] })).toEqual([]);
  });

  it('keeps the order of the rows it is given', () => {
    const reversed = [...rows].reverse();
    expect(matchingRows(reversed, queryTerms('i-'), null).map((row) => row.id)).toEqual(['i-d', 'i-c', 'i-b', 'i-a']);
  });
});
