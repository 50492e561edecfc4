import { describe, expect, it } from 'vitest';
import type { ExposureReport } from '../../../../shared/domain/exposure';
import { bucketOf, describeExposed, detailKey, offTable, partialBuckets } from '../../../../renderer/src/features/exposure/exposure-facts';

const entry = (instanceId: string, detail: string, instanceName: string | null = null) => ({ instanceId, instanceName, privateIp: instanceName === null ? null : '172.16.0.9', status: 'RUNNING', detail });

const report: ExposureReport = {
  operationId: 'op-1',
  checkedAt: '2024-05-01T10:00:00.000Z',
  regionId: 'cn-beijing',
  keyPair: { keyPairId: 'kp-3f9a', keyPairName: 'deploy-2023' },
  buckets: {
    failed: [entry('i-a', 'InvalidInstanceStatus')],
    notSent: [],
    leftOut: [entry('i-win', 'windows', 'win-1'), entry('i-late', 'not-selected')],
    notYetRebooted: [entry('i-b', 'detached'), entry('i-earlier', 'detached')],
  },
  total: 5,
  problems: [],
};

describe('exposure facts', () => {
  it('finds each instance’s bucket', () => {
    expect(bucketOf(report).get('i-win')?.bucket).toBe('leftOut');
    expect(bucketOf(report).get('i-b')?.bucket).toBe('notYetRebooted');
    expect(bucketOf(report).has('i-c')).toBe(false);
  });

  it('lists the members of a bucket the table has no row for', () => {
    const table = new Set(['i-a', 'i-b', 'i-c']);
    expect(offTable(report, 'notYetRebooted', table).map((item) => item.instanceId)).toEqual(['i-earlier']);
    expect(offTable(report, 'failed', table)).toEqual([]);
  });

  it('marks the buckets a failed read feeds as lower bounds', () => {
    const error = { code: 'CLOUD_REQUEST_FAILED' as const, message: 'failed' };
    expect([...partialBuckets(report)]).toEqual([]);
    expect([...partialBuckets({ ...report, problems: [{ read: 'key-pair-listing', error }] })].sort()).toEqual(['failed', 'leftOut', 'notSent']);
    expect([...partialBuckets({ ...report, problems: [{ read: 'detached-instances', error }] })]).toEqual(['notYetRebooted']);
  });

  it('explains a detail in words when it is the app’s own, and keeps an error code as it is', () => {
    expect(detailKey('windows')).toBe('operation.exclusion.windows');
    expect(detailKey('bound-again')).toBe('exposure.detail.bound-again');
    expect(detailKey('InvalidInstanceStatus')).toBeNull();
    expect(describeExposed(report.buckets.leftOut[0]!, 'Windows')).toBe('i-win · win-1 · 172.16.0.9 · Windows');
    expect(describeExposed(report.buckets.leftOut[1]!, 'not selected')).toBe('i-late · not selected');
  });
});
