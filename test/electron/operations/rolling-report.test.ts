import { describe, expect, it } from 'vitest';
import type { ReplayedWave } from '../../../electron/journal/wave-replay';
import { badCount, crossesThreshold, rollingReport } from '../../../electron/operations/rolling-report';
import type { InstanceOutcome } from '../../../shared/domain/ecs';
import { allowedBadInstances } from '../../../shared/domain/rolling-reboot';

function wave(index: number, instanceIds: string[], statuses: Record<string, string | null>, ended: ReplayedWave['ended'] = null): ReplayedWave {
  return { index, zoneId: null, firstBatch: index, batchCount: 1, instanceIds, startedAt: '2026-01-01T00:00:00.000Z', statuses: new Map(Object.entries(statuses)), ended };
}

const outcomes = new Map<string, InstanceOutcome>([
  ['ok-1', { instanceId: 'ok-1', status: 'succeeded' }],
  ['ok-2', { instanceId: 'ok-2', status: 'succeeded' }],
  ['maybe', { instanceId: 'maybe', status: 'unknown', reason: { code: 'ECS_NETWORK_TIMEOUT', message: 'timed out' } }],
  ['refused', { instanceId: 'refused', status: 'failed', error: { code: 'InvalidInstanceStatus', message: 'not running' } }],
  ['cancelled', { instanceId: 'cancelled', status: 'not-sent', reason: { code: 'ECS_CANCELLED', message: 'not sent' } }],
]);
const outcomeOf = (id: string) => outcomes.get(id);

describe('the threshold of a rolling reboot', () => {
  it('allows floor(size × percent / 100) bad instances a wave: 5 of 50 at 10 %, none of 3, none at 0 %, all at 100 %', () => {
    expect(allowedBadInstances(50, 10)).toBe(5);
    expect(allowedBadInstances(3, 10)).toBe(0);
    expect(allowedBadInstances(50, 0)).toBe(0);
    expect(allowedBadInstances(50, 100)).toBe(50);
  });

  it('counts a failed reboot and one not RUNNING by the end, not one never sent, and an unknown one by whether it came back', () => {
    const checked = wave(0, ['ok-1', 'ok-2', 'maybe', 'refused', 'cancelled'], { 'ok-1': 'RUNNING', 'ok-2': 'REBOOTING', maybe: 'RUNNING' });
    expect(badCount(checked, outcomeOf)).toBe(2);
    expect(crossesThreshold(checked, 20, outcomeOf)).toBe(true);
    expect(crossesThreshold(checked, 40, outcomeOf)).toBe(false);
  });

  it('reports each instance: back, not back with its last status, failed, not sent; and the wave that stopped it', () => {
    const waves = [
      wave(0, ['ok-1', 'ok-2', 'refused'], { 'ok-1': 'RUNNING', 'ok-2': 'ERROR' }, { verdict: 'stopped', at: '2026-01-01T00:10:00.000Z' }),
      { ...wave(1, ['cancelled'], {}), startedAt: null },
    ];
    const report = rollingReport(waves, outcomeOf, { current: null, operationEnded: true });
    expect(report.stoppedAtWave).toBe(0);
    expect(report.waves).toEqual([
      { index: 0, state: 'stopped', total: 3, back: 1, bad: 2 },
      { index: 1, state: 'not-sent', total: 1, back: 0, bad: 0 },
    ]);
    expect(report.returns.map((entry) => [entry.instanceId, entry.state, entry.lastStatus])).toEqual([
      ['ok-1', 'back', 'RUNNING'],
      ['ok-2', 'not-back', 'ERROR'],
      ['refused', 'failed', null],
      ['cancelled', 'not-sent', null],
    ]);
  });

  it('tells a wave being waited for from one interrupted by a crash, and a later wave pending from one not sent', () => {
    const waves = [wave(0, ['ok-1', 'ok-2'], { 'ok-1': 'RUNNING' }), { ...wave(1, ['maybe'], {}), startedAt: null }];
    const live = rollingReport(waves, outcomeOf, { current: { index: 0, phase: 'waiting' }, operationEnded: false });
    expect(live.waves.map((entry) => entry.state)).toEqual(['waiting', 'pending']);
    expect(live.returns.map((entry) => entry.state)).toEqual(['back', 'waiting', 'pending']);
    const crashed = rollingReport(waves, outcomeOf, { current: null, operationEnded: false });
    expect(crashed.waves.map((entry) => entry.state)).toEqual(['interrupted', 'pending']);
    expect(crashed.returns.map((entry) => entry.state)).toEqual(['back', 'unconfirmed', 'pending']);
  });
});
