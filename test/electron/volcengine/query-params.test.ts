import { describe, expect, it } from 'vitest';
import { toQueryParams } from '../../../electron/volcengine/query-params';

describe('query parameters', () => {
  it('numbers lists from 1', () => {
    expect(toQueryParams({ InstanceIds: ['i-a', 'i-b'] })).toEqual({ 'InstanceIds.1': 'i-a', 'InstanceIds.2': 'i-b' });
  });

  it('nests lists of objects and their lists with dots', () => {
    expect(toQueryParams({ TagFilters: [{ Key: 'env', Values: ['prod', 'staging'] }, { Key: 'team', Values: ['ops'] }] })).toEqual({
      'TagFilters.1.Key': 'env',
      'TagFilters.1.Values.1': 'prod',
      'TagFilters.1.Values.2': 'staging',
      'TagFilters.2.Key': 'team',
      'TagFilters.2.Values.1': 'ops',
    });
  });

  it('writes booleans as true/false and numbers as decimals', () => {
    expect(toQueryParams({ ForceStop: false, DryRun: true, MaxResults: 100 })).toEqual({ ForceStop: 'false', DryRun: 'true', MaxResults: '100' });
  });

  it('leaves absent values out instead of sending them empty', () => {
    expect(toQueryParams({ NextToken: undefined, KeyPairId: null, KeyPairName: '', InstanceIds: [], Status: 'RUNNING' })).toEqual({ Status: 'RUNNING' });
  });

  it('keeps values exactly as given: encoding is the signer\'s job', () => {
    expect(toQueryParams({ InstanceName: 'my server*~测试' })).toEqual({ InstanceName: 'my server*~测试' });
  });
});
