import { describe, expect, it } from 'vitest';
import type { Instance } from '../../../../shared/domain/ecs';
import type { OperationProgress, OperationResult } from '../../../../shared/domain/operation';
import type { SweepRegion } from '../../../../shared/domain/sweep';
import { combinedProgress, plannableRegions, regionCounts, retryRegions, sweepEndpoints, type SweepRun } from '../../../../renderer/src/features/sweep/sweep-facts';

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
      { regionId: 'a', operationId: 'op-a', result: null, progress: progress('op-a', { state: 'finished', total: 10, succeeded: 10, requestsTotal: 1, requestsAnswered: 1 }) },
      { regionId: 'b', operationId: 'op-b', result: null, progress: progress('op-b', { state: 'running', total: 5, failed: 1, requestsTotal: 1 }) },
    ];
    expect(combinedProgress(runs)).toMatchObject({ state: 'running', total: 15, succeeded: 10, failed: 1, requestsTotal: 2, requestsAnswered: 1 });
    runs[1]!.progress = progress('op-b', { state: 'cancelled' });
    expect(combinedProgress(runs).state).toBe('cancelled');
  });

  it('retries only the retryable and unknown outcomes, region by region', () => {
    const result = {
      outcomes: [
        { instanceId: 'i-1', status: 'succeeded' },
        { instanceId: 'i-2', status: 'failed', error: { code: 'FlowLimitExceeded', message: '' } },
        { instanceId: 'i-3', status: 'failed', error: { code: 'InvalidKeyPairForWindows.Unsupported', message: '' } },
        { instanceId: 'i-4', status: 'unknown', reason: { code: 'ECS_TIMEOUT', message: '' } },
      ],
    } as unknown as OperationResult;
    const runs: SweepRun[] = [
      { regionId: 'a', operationId: 'op-a', progress: progress('op-a', {}), result },
      { regionId: 'b', operationId: 'op-b', progress: progress('op-b', {}), result: { ...result, outcomes: [result.outcomes[0]!] } },
    ];
    expect(retryRegions(runs)).toEqual([{ regionId: 'a', instanceIds: ['i-2', 'i-4'] }]);
  });
});

describe('sweepEndpoints', () => {
  it('names one endpoint once when every region shares it (a profile endpoint, or only ordinary regions)', () => {
    const plans = [
      { regionId: 'cn-beijing', endpoint: 'https://open.volcengineapi.com' },
      { regionId: 'cn-shanghai', endpoint: 'https://open.volcengineapi.com' },
    ];
    expect(sweepEndpoints(plans)).toEqual({ shared: 'https://open.volcengineapi.com', byRegion: new Map() });
    expect(sweepEndpoints([{ regionId: 'cn-beijing', endpoint: null }])).toEqual({ shared: null, byRegion: new Map() });
  });

  it('names each region’s own when a bootstrap region goes to a host of its own', () => {
    const plans = [
      { regionId: 'ap-southeast-2', endpoint: 'https://ecs.ap-southeast-2.volcengineapi.com' },
      { regionId: 'cn-beijing', endpoint: 'https://open.volcengineapi.com' },
    ];
    expect(sweepEndpoints(plans)).toEqual({
      shared: null,
      byRegion: new Map([
        ['ap-southeast-2', 'https://ecs.ap-southeast-2.volcengineapi.com'],
        ['cn-beijing', 'https://open.volcengineapi.com'],
      ]),
    });
  });
});
