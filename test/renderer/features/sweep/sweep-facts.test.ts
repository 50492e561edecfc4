import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../../shared/domain/ecs';
import type { OperationProgress, OperationResult } from '../../../../shared/domain/operation';
import type { Sweep, SweepAccountProgress, SweepRegion } from '../../../../shared/domain/sweep';
import { maxSweptProfiles } from '../../../../shared/domain/sweep-limits';
import {
  combinedProgress,
  groupByAccount,
  plannableRegions,
  plannedParts,
  regionCounts,
  retryParts,
  searchProgressTotals,
  sweepEndpoints,
  sweepTotals,
  sweptProfiles,
  type SweepRun,
} from '../../../../renderer/src/features/sweep/sweep-facts';

const keyPair = { keyPairId: 'kp-1', keyPairName: 'leaked', description: '', fingerprint: '', projectName: 'default', tags: [], createdAt: '', updatedAt: '' };

function instance(instanceId: string, patch: Partial<Instance> = {}): Instance {
  return {
    instanceId,
    instanceName: instanceId,
    description: '',
    status: 'RUNNING',
    osType: 'Linux',
    osName: 'Ubuntu',
    keyPairName: 'leaked',
    keyPairId: 'kp-1',
    zoneId: 'z',
    vpcId: 'v',
    privateIp: null,
    publicIp: null,
    tags: [],
    instanceTypeId: 't',
    cpus: null,
    memorySizeMiB: null,
    imageId: 'img',
    hostName: '',
    projectName: 'default',
    createdAt: '',
    expiredAt: '',
    ...patch,
  };
}

const who = (profileId: string) => ({ profileId, profileName: `name-${profileId}`, accountId: null });

function progress(operationId: string, patch: Partial<OperationProgress>): OperationProgress {
  return { operationId, state: 'finished', total: 0, succeeded: 0, failed: 0, unknown: 0, notSent: 0, requestsTotal: 0, requestsSent: 0, requestsAnswered: 0, ...patch };
}

describe('sweep facts', () => {
  const found: SweepRegion = { state: 'found', regionId: 'cn-beijing', keyPair, instances: [instance('i-1'), instance('i-2', { status: 'STARTING' })] };

  it('counts what carries the key and what a detach can take it off', () => {
    expect(regionCounts(found)).toEqual({ bound: 2, detachable: 1 });
    expect(regionCounts({ state: 'absent', regionId: 'cn-shanghai' })).toEqual({ bound: 0, detachable: 0 });
  });

  it('plans only regions where the key is bound to something', () => {
    const empty: SweepRegion = { state: 'found', regionId: 'cn-shanghai', keyPair, instances: [] };
    const failed: SweepRegion = { state: 'failed', regionId: 'cn-guangzhou', error: { code: 'INTERNAL', message: 'x' } };
    expect(plannableRegions([found, empty, failed]).map((region) => region.regionId)).toEqual(['cn-beijing']);
  });

  it('sums the regions’ progress and runs while any region runs', () => {
    const runs: SweepRun[] = [
      { ...who('p1'), regionId: 'a', operationId: 'op-a', result: null, progress: progress('op-a', { state: 'finished', total: 10, succeeded: 10, requestsTotal: 1, requestsAnswered: 1 }) },
      { ...who('p2'), regionId: 'b', operationId: 'op-b', result: null, progress: progress('op-b', { state: 'running', total: 5, failed: 1, requestsTotal: 1 }) },
    ];
    expect(combinedProgress(runs)).toMatchObject({ state: 'running', total: 15, succeeded: 10, failed: 1, requestsTotal: 2, requestsAnswered: 1 });
    runs[1]!.progress = progress('op-b', { state: 'cancelled' });
    expect(combinedProgress(runs).state).toBe('cancelled');
  });

  it('retries only the retryable and unknown outcomes, account by account and region by region', () => {
    const result = {
      outcomes: [
        { instanceId: 'i-1', status: 'succeeded' },
        { instanceId: 'i-2', status: 'failed', error: { code: 'FlowLimitExceeded', message: '' } },
        { instanceId: 'i-3', status: 'failed', error: { code: 'InvalidKeyPairForWindows.Unsupported', message: '' } },
        { instanceId: 'i-4', status: 'unknown', reason: { code: 'ECS_TIMEOUT', message: '' } },
      ],
    } as unknown as OperationResult;
    const runs: SweepRun[] = [
      { ...who('p1'), regionId: 'a', operationId: 'op-a', progress: progress('op-a', {}), result },
      { ...who('p1'), regionId: 'b', operationId: 'op-b', progress: progress('op-b', {}), result: { ...result, outcomes: [result.outcomes[0]!] } },
      { ...who('p2'), regionId: 'a', operationId: 'op-c', progress: progress('op-c', {}), result },
    ];
    expect(retryParts(runs)).toEqual([
      { profileId: 'p1', regionId: 'a', instanceIds: ['i-2', 'i-4'] },
      { profileId: 'p2', regionId: 'a', instanceIds: ['i-2', 'i-4'] },
    ]);
  });
});

describe('a sweep over several accounts', () => {
  const bound = (regionId: string, ...ids: string[]): SweepRegion => ({ state: 'found', regionId, keyPair, instances: ids.map((id) => instance(id)) });
  const sweep: Sweep = {
    sweepId: 's-1',
    keyPairName: 'leaked',
    searchedAt: '',
    accounts: [
      { state: 'searched', profileId: 'p1', profileName: 'prod', accountId: '2100000001', regions: [bound('cn-beijing', 'i-1', 'i-2'), bound('cn-shanghai', 'i-3'), { state: 'absent', regionId: 'cn-guangzhou' }] },
      { state: 'failed', profileId: 'p2', profileName: 'broken', accountId: null, error: { code: 'INTERNAL', message: 'x' } },
      { state: 'searched', profileId: 'p3', profileName: 'staging', accountId: null, regions: [bound('cn-beijing', 'i-9')] },
    ],
  };

  it('sums the findings over the accounts it could read and counts those it could not', () => {
    expect(sweepTotals(sweep)).toEqual({ bound: 4, detachable: 4, regionsBound: 3, regionsSearched: 4, regionsFailed: 0, accountsFailed: 1 });
  });

  it('plans each account’s bound regions, less a left-out account or one account’s region', () => {
    const all = plannedParts(sweep, new Set(), new Set());
    expect(all.map((part) => `${part.profileId}/${part.regionId}`)).toEqual(['p1/cn-beijing', 'p1/cn-shanghai', 'p3/cn-beijing']);
    // The same region left out of one account stays in the other.
    expect(plannedParts(sweep, new Set(), new Set(['p1/cn-beijing'])).map((part) => `${part.profileId}/${part.regionId}`)).toEqual(['p1/cn-shanghai', 'p3/cn-beijing']);
    expect(plannedParts(sweep, new Set(['p1']), new Set())).toEqual([{ profileId: 'p3', regionId: 'cn-beijing', instanceIds: ['i-9'] }]);
  });

  it('groups parts by account in the order the accounts first come', () => {
    const groups = groupByAccount([{ profileId: 'b', n: 1 }, { profileId: 'a', n: 2 }, { profileId: 'b', n: 3 }]);
    expect(groups).toEqual([
      { profileId: 'b', items: [{ profileId: 'b', n: 1 }, { profileId: 'b', n: 3 }] },
      { profileId: 'a', items: [{ profileId: 'a', n: 2 }] },
    ]);
  });
});

describe('sweepEndpoints', () => {
  it('names one endpoint once when every region shares it (a profile endpoint, or only ordinary regions)', () => {
    const plans = [
      { profileId: 'p1', regionId: 'cn-beijing', endpoint: 'https://open.volcengineapi.com' },
      { profileId: 'p1', regionId: 'cn-shanghai', endpoint: 'https://open.volcengineapi.com' },
    ];
    expect(sweepEndpoints(plans)).toEqual({ shared: 'https://open.volcengineapi.com', byPart: new Map() });
    expect(sweepEndpoints([{ profileId: 'p1', regionId: 'cn-beijing', endpoint: null }])).toEqual({ shared: null, byPart: new Map() });
  });

  it('names each region’s own when a bootstrap region goes to a host of its own', () => {
    const plans = [
      { profileId: 'p1', regionId: 'ap-southeast-2', endpoint: 'https://ecs.ap-southeast-2.volcengineapi.com' },
      { profileId: 'p1', regionId: 'cn-beijing', endpoint: 'https://open.volcengineapi.com' },
    ];
    expect(sweepEndpoints(plans)).toEqual({
      shared: null,
      byPart: new Map([
        ['p1/ap-southeast-2', 'https://ecs.ap-southeast-2.volcengineapi.com'],
        ['p1/cn-beijing', 'https://open.volcengineapi.com'],
      ]),
    });
  });
});

describe('sweptProfiles', () => {
  const profiles = Array.from({ length: maxSweptProfiles + 1 }, (_, index) => ({ id: `p-${index}` }));

  it('searches every profile when none is picked, and says when that is more than a sweep takes', () => {
    expect(sweptProfiles([], profiles.slice(0, 3))).toEqual({ picked: [], profileIds: ['p-0', 'p-1', 'p-2'], tooMany: false });
    const all = sweptProfiles([], profiles);
    expect(all.profileIds).toHaveLength(maxSweptProfiles + 1);
    expect(all.tooMany).toBe(true);
    expect(sweptProfiles([], profiles.slice(0, maxSweptProfiles)).tooMany).toBe(false);
  });

  it('searches only the picked profiles that still exist, or all when every picked one is gone', () => {
    expect(sweptProfiles(['p-2', 'gone', 'p-0'], profiles)).toEqual({ picked: ['p-2', 'p-0'], profileIds: ['p-2', 'p-0'], tooMany: false });
    expect(sweptProfiles(['gone'], profiles.slice(0, 2))).toEqual({ picked: [], profileIds: ['p-0', 'p-1'], tooMany: false });
  });
});

describe('searchProgressTotals', () => {
  const account = (state: SweepAccountProgress['state'], regionsDone: number, regionsTotal: number, instancesFound = 0): SweepAccountProgress => ({
    profileId: `p-${state}-${regionsDone}-${regionsTotal}`,
    state,
    regionsDone,
    regionsTotal,
    instancesFound,
  });

  it('keeps the bar short of full while an account is still listing its regions, and says how many are', () => {
    const totals = searchProgressTotals([account('done', 2, 2, 24), account('searching', 0, 0), account('failed', 0, 0)]);
    expect(totals).toEqual({ done: 2, total: 2, instances: 24, percent: 66, listing: 1 });
  });

  it('weighs each account the same, and is full only when every account is done or failed', () => {
    expect(searchProgressTotals([account('searching', 1, 4), account('searching', 9, 12)]).percent).toBe(50);
    expect(searchProgressTotals([account('done', 3, 3), account('failed', 1, 5)])).toMatchObject({ percent: 100, listing: 0 });
    expect(searchProgressTotals([])).toEqual({ done: 0, total: 0, instances: 0, percent: 0, listing: 0 });
  });
});
