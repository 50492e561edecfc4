import { isApiError, integerParam } from '../query-params';
import type { QueryParams } from '../query-params';
import { collectPage, decodeNextToken } from '../paging';
import type { RegionState } from '../fleet-state';
import type { SimulatedInstance } from '../simulator-types';
import { errorOutcome, resultOutcome } from './action-types';
import type { ReadAction } from './action-types';
import { validateInstanceIdLimit } from './batch-params';
import { instanceJson } from './resource-json';
import { matchesTagFilters, parseTagFilters } from './tag-filters';
import type { TagFilter } from './tag-filters';

/** The spec: "a tag-filtered query returns at most 1,000 instances". */
const tagFilteredLimit = 1000;

interface InstanceFilter {
  readonly instanceIds: readonly string[];
  readonly instanceName: string | undefined;
  readonly status: string | undefined;
  readonly zoneId: string | undefined;
  readonly vpcId: string | undefined;
  readonly primaryIpAddress: string | undefined;
  readonly keyPairName: string | undefined;
  readonly projectName: string | undefined;
  readonly instanceChargeType: string | undefined;
  readonly tagFilters: readonly TagFilter[];
}

function parseFilter(params: QueryParams): InstanceFilter {
  return {
    instanceIds: [...new Set(params.list('InstanceIds'))],
    // Fuzzy means a case-insensitive substring here, the friendlier reading of the spec's "fuzzy".
    instanceName: params.get('InstanceName')?.toLowerCase(),
    status: params.get('Status'),
    zoneId: params.get('ZoneId'),
    vpcId: params.get('VpcId'),
    primaryIpAddress: params.get('PrimaryIpAddress'),
    keyPairName: params.get('KeyPairName'),
    projectName: params.get('ProjectName'),
    instanceChargeType: params.get('InstanceChargeType'),
    tagFilters: parseTagFilters(params),
  };
}

function createMatcher(filter: InstanceFilter) {
  const equalsIfSet = (wanted: string | undefined, actual: string) => wanted === undefined || wanted === actual;
  return (instance: Readonly<SimulatedInstance>): boolean =>
    equalsIfSet(filter.status, instance.status) &&
    equalsIfSet(filter.zoneId, instance.zoneId) &&
    equalsIfSet(filter.vpcId, instance.vpcId) &&
    equalsIfSet(filter.primaryIpAddress, instance.primaryIpAddress) &&
    equalsIfSet(filter.keyPairName, instance.keyPairName) &&
    equalsIfSet(filter.projectName, instance.projectName) &&
    equalsIfSet(filter.instanceChargeType, instance.instanceChargeType) &&
    (filter.instanceName === undefined || instance.instanceName.toLowerCase().includes(filter.instanceName)) &&
    (filter.tagFilters.length === 0 || matchesTagFilters(instance.tags, filter.tagFilters));
}

/**
 * Counting matches costs a full scan, so counts are cached per region and filter until the region changes; paging
 * through a large fleet then costs one scan for TotalCount plus what the pages themselves read.
 */
function createTotalCounter() {
  const cache = new Map<string, { version: number; count: number }>();
  return (region: RegionState, filterKey: string, count: () => number): number => {
    const key = `${region.regionId}\n${filterKey}`;
    const cached = cache.get(key);
    if (cached && cached.version === region.version) return cached.count;
    if (cache.size > 1000) cache.clear();
    const fresh = { version: region.version, count: count() };
    cache.set(key, fresh);
    return fresh.count;
  };
}

export function createDescribeInstances(): ReadAction {
  const totalCount = createTotalCounter();
  return {
    kind: 'read',
    run({ fleet, regionId, params }) {
      const maxResults = integerParam(params, 'MaxResults', { min: 1, max: 100, fallback: 10 });
      if (isApiError(maxResults)) return errorOutcome(maxResults);
      const cursor = decodeNextToken('instances', params.get('NextToken'));
      if (isApiError(cursor)) return errorOutcome(cursor);
      const filter = parseFilter(params);
      const tooManyIds = validateInstanceIdLimit(filter.instanceIds);
      if (tooManyIds) return errorOutcome(tooManyIds);

      const region = fleet.region(regionId);
      if (!region) return resultOutcome({ Instances: [], NextToken: '', TotalCount: 0 });
      // With InstanceIds the candidates are just those instances, found by index rather than by a scan.
      const candidates =
        filter.instanceIds.length > 0
          ? filter.instanceIds.flatMap((instanceId) => fleet.findInstance(regionId, instanceId) ?? [])
          : region.instances;
      const matches = createMatcher(filter);
      const limit = filter.tagFilters.length > 0 ? tagFilteredLimit : Number.POSITIVE_INFINITY;
      const page = collectPage('instances', candidates, matches, cursor, maxResults, limit);
      const total = totalCount(region, JSON.stringify(filter), () => candidates.filter(matches).length);
      return resultOutcome({
        Instances: page.items.map(instanceJson),
        NextToken: page.nextToken,
        TotalCount: Math.min(total, limit),
      });
    },
  };
}
