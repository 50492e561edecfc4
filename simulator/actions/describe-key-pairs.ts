import { apiError } from '../api-error';
import { collectPage, decodeNextToken } from '../paging';
import { integerParam, isApiError } from '../query-params';
import type { SimulatedKeyPair } from '../simulator-types';
import { errorOutcome, resultOutcome } from './action-types';
import type { ReadAction } from './action-types';
import { keyPairJson } from './resource-json';
import { matchesTagFilters, parseTagFilters } from './tag-filters';

const maxNamesOrIds = 100;

export function createDescribeKeyPairs(): ReadAction {
  return {
    kind: 'read',
    run({ fleet, regionId, params }) {
      const maxResults = integerParam(params, 'MaxResults', { min: 1, max: 500, fallback: 10 });
      if (isApiError(maxResults)) return errorOutcome(maxResults);
      const cursor = decodeNextToken('key-pairs', params.get('NextToken'));
      if (isApiError(cursor)) return errorOutcome(cursor);
      const names = new Set(params.list('KeyPairNames'));
      const ids = new Set(params.list('KeyPairIds'));
      if (names.size > maxNamesOrIds || ids.size > maxNamesOrIds) {
        return errorOutcome(apiError('InvalidArgument', `KeyPairNames and KeyPairIds take at most ${maxNamesOrIds} values.`));
      }
      const fuzzyName = params.get('KeyPairName')?.toLowerCase();
      const fingerPrint = params.get('FingerPrint');
      const projectName = params.get('ProjectName');
      const tagFilters = parseTagFilters(params);
      const matches = (keyPair: Readonly<SimulatedKeyPair>) =>
        (names.size === 0 || names.has(keyPair.keyPairName)) &&
        (ids.size === 0 || ids.has(keyPair.keyPairId)) &&
        (fuzzyName === undefined || keyPair.keyPairName.toLowerCase().includes(fuzzyName)) &&
        (fingerPrint === undefined || keyPair.fingerPrint === fingerPrint) &&
        (projectName === undefined || keyPair.projectName === projectName) &&
        matchesTagFilters(keyPair.tags, tagFilters);
      const page = collectPage('key-pairs', fleet.region(regionId)?.keyPairs ?? [], matches, cursor, maxResults);
      // No TotalCount: the real DescribeKeyPairs does not return one, and clients must not expect it.
      return resultOutcome({ KeyPairs: page.items.map(keyPairJson), NextToken: page.nextToken });
    },
  };
}
