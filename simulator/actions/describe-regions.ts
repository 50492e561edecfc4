import { apiError } from '../api-error';
import { collectPage, decodeNextToken } from '../paging';
import { integerParam, isApiError } from '../query-params';
import { errorOutcome, resultOutcome } from './action-types';
import type { ReadAction } from './action-types';

const maxRegionIds = 20;

/** Lists every region of the fleet, whichever region the request was signed for. */
export function createDescribeRegions(): ReadAction {
  return {
    kind: 'read',
    run({ fleet, params }) {
      const regionIds = params.list('RegionIds');
      if (regionIds.length > maxRegionIds) {
        return errorOutcome(
          apiError('LimitExceeded.MaximumRegionIds', `At most ${maxRegionIds} RegionIds are allowed.`),
        );
      }
      const maxResults = integerParam(params, 'MaxResults', { min: 1, max: 20, fallback: 10 });
      if (isApiError(maxResults)) return errorOutcome(maxResults);
      const cursor = decodeNextToken('regions', params.get('NextToken'));
      if (isApiError(cursor)) return errorOutcome(cursor);
      const wanted = new Set(regionIds);
      const page = collectPage(
        'regions',
        fleet.regionIds(),
        (regionId) => wanted.size === 0 || wanted.has(regionId),
        cursor,
        maxResults,
      );
      return resultOutcome({ Regions: page.items.map((regionId) => ({ RegionId: regionId })), NextToken: page.nextToken });
    },
  };
}
