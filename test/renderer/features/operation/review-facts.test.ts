import { describe, expect, it } from 'vitest';
import {
  combineEstimates,
  durationText,
  exclusionsNotLeftBehind,
  groupLeftBehind,
  instanceLine,
  mergeBreakdowns,
  runningCount,
  type LeftBehindEntry,
} from '../../../../renderer/src/features/operation/review-facts';

const left = (instanceId: string, reason: LeftBehindEntry['reason'], privateIp: string | null = '10.0.0.1'): LeftBehindEntry => ({
  instanceId,
  instanceName: `name-${instanceId}`,
  privateIp,
  zoneId: 'cn-beijing-a',
  status: 'RUNNING',
  reason,
});

describe('review facts', () => {
  it('groups what a plan leaves behind by reason, largest group first', () => {
    const groups = groupLeftBehind([left('i-1', 'windows'), left('i-2', 'not-selected'), left('i-3', 'not-selected')]);
    expect(groups.map((group) => [group.reason, group.instances.map((entry) => entry.instanceId)])).toEqual([
      ['not-selected', ['i-2', 'i-3']],
      ['windows', ['i-1']],
    ]);
  });

  it('shows an exclusion once: those already in the left-behind list are not repeated', () => {
    const excluded = [
      { instanceId: 'i-1', reason: 'windows' as const },
      { instanceId: 'i-9', reason: 'other-key' as const },
    ];
    expect(exclusionsNotLeftBehind(excluded, [left('i-1', 'windows')])).toEqual([{ instanceId: 'i-9', reason: 'other-key' }]);
    expect(exclusionsNotLeftBehind(excluded, [])).toBe(excluded);
  });

  it('writes an instance as ID, name and private IP, skipping what is missing', () => {
    expect(instanceLine(left('i-1', 'windows'))).toBe('i-1  name-i-1  10.0.0.1');
    expect(instanceLine({ instanceId: 'i-2', instanceName: '', privateIp: null })).toBe('i-2');
  });

  it('adds the regions\' breakdowns together and counts the running instances', () => {
    const merged = mergeBreakdowns([
      { byStatus: [{ value: 'RUNNING', count: 3 }, { value: 'STOPPED', count: 1 }], byZone: [{ value: 'cn-beijing-a', count: 4 }] },
      { byStatus: [{ value: 'STOPPED', count: 5 }, { value: 'RUNNING', count: 1 }], byZone: [{ value: 'cn-shanghai-b', count: 6 }] },
    ]);
    expect(merged).toEqual({
      byStatus: [{ value: 'STOPPED', count: 6 }, { value: 'RUNNING', count: 4 }],
      byZone: [{ value: 'cn-shanghai-b', count: 6 }, { value: 'cn-beijing-a', count: 4 }],
    });
    expect(runningCount(merged)).toBe(4);
    expect(runningCount({ byStatus: [], byZone: [] })).toBe(0);
  });

  it('estimates a sweep as its busiest account: accounts side by side, one account’s regions at its one pace', () => {
    const a = { requests: 10, requestsPerSecond: 20, concurrency: 4, seconds: 1 };
    const b = { requests: 60, requestsPerSecond: 20, concurrency: 4, seconds: 3 };
    // Two regions of one account: 70 requests at 20 a second.
    expect(combineEstimates([{ profileId: 'p1', estimate: a }, { profileId: 'p1', estimate: b }])).toEqual({ requests: 70, requestsPerSecond: 20, concurrency: 4, seconds: 4 });
    // Two accounts: the busier one's 60.
    expect(combineEstimates([{ profileId: 'p1', estimate: a }, { profileId: 'p2', estimate: b }])).toEqual({ requests: 70, requestsPerSecond: 20, concurrency: 4, seconds: 3 });
    expect(combineEstimates([{ profileId: 'p1', estimate: a }, { profileId: 'p2', estimate: null }])).toBeNull();
    expect(combineEstimates([])).toBeNull();
  });

  it('says a duration in the largest sensible units', () => {
    expect(durationText(0.4)).toEqual({ key: 'operation.duration.underSecond', values: {} });
    expect(durationText(6)).toEqual({ key: 'operation.duration.seconds', values: { seconds: 6 } });
    expect(durationText(125)).toEqual({ key: 'operation.duration.minutes', values: { minutes: 2, seconds: 5 } });
    expect(durationText(3 * 3600 + 61)).toEqual({ key: 'operation.duration.hours', values: { hours: 3, minutes: 1 } });
  });
});
