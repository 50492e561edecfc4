import type { InstanceOutcome } from '../../shared/domain/ecs';
import {
  allowedBadInstances,
  type InstanceReturn,
  type ReturnState,
  type RollingReport,
  type WaveReport,
  type WaveState,
} from '../../shared/domain/rolling-reboot';
import type { ReplayedWave } from '../journal/wave-replay';

/** Why an instance of a wave after the one that crossed the threshold was not rebooted. */
export function thresholdNotSentMessage(stoppedWaveIndex: number): string {
  return `Not sent: the rolling reboot stopped after wave ${stoppedWaveIndex + 1}, where too many instances failed or did not come back; this instance was not rebooted.`;
}

/** Never sent (cancelled, or stopped before its request): it was not rebooted, and is not counted as bad. */
function wasNotSent(outcome: InstanceOutcome | undefined): boolean {
  return outcome?.status === 'not-sent';
}

/** Whether the reboot of this instance was sent and may have happened, so whether it comes back is worth waiting for. */
export function isAwaited(outcome: InstanceOutcome | undefined): boolean {
  return outcome?.status === 'succeeded' || outcome?.status === 'unknown';
}

/** What is known about a wave's run: whether this process is in it right now, and whether the operation ended. */
export interface WaveContext {
  /** The wave this process is sending or waiting for now, and which of the two. */
  current: { index: number; phase: 'sending' | 'waiting' } | null;
  /** The operation has a finished record (or ended in this process): waves never started were not sent. */
  operationEnded: boolean;
}

function waveState(wave: ReplayedWave, context: WaveContext): WaveState {
  if (wave.ended !== null) return wave.ended.verdict;
  if (context.current?.index === wave.index) return context.current.phase;
  if (wave.startedAt !== null) return context.operationEnded ? 'cancelled' : 'interrupted';
  return context.operationEnded ? 'not-sent' : 'pending';
}

function returnState(wave: ReplayedWave, state: WaveState, outcome: InstanceOutcome | undefined, status: string | null | undefined): ReturnState {
  if (wave.startedAt === null || wasNotSent(outcome)) return state === 'pending' ? 'pending' : 'not-sent';
  if (outcome?.status === 'failed') return 'failed';
  if (status === 'RUNNING') return 'back';
  if (state === 'passed' || state === 'stopped') return 'not-back';
  if (state === 'sending' || state === 'waiting') return 'waiting';
  return 'unconfirmed';
}

/** Bad instances of a wave: its reboot failed, or it was not RUNNING by the end of the wait (see rolling-reboot.ts). */
export function badCount(wave: ReplayedWave, outcomeOf: (instanceId: string) => InstanceOutcome | undefined): number {
  let bad = 0;
  for (const instanceId of wave.instanceIds) {
    const outcome = outcomeOf(instanceId);
    if (wasNotSent(outcome)) continue;
    if (outcome?.status === 'failed' || wave.statuses.get(instanceId) !== 'RUNNING') bad += 1;
  }
  return bad;
}

/** Whether a wave that has ended its wait crossed the threshold. */
export function crossesThreshold(wave: ReplayedWave, failurePercent: number, outcomeOf: (instanceId: string) => InstanceOutcome | undefined): boolean {
  return badCount(wave, outcomeOf) > allowedBadInstances(wave.instanceIds.length, failurePercent);
}

/**
 * A rolling reboot's report from its waves, the same for a live run and for one read back from the journal, so
 * History shows what the progress screen showed.
 */
export function rollingReport(waves: readonly ReplayedWave[], outcomeOf: (instanceId: string) => InstanceOutcome | undefined, context: WaveContext): RollingReport {
  const reports: WaveReport[] = [];
  const returns: InstanceReturn[] = [];
  let stoppedAtWave: number | null = null;
  for (const wave of waves) {
    const state = waveState(wave, context);
    if (state === 'stopped') stoppedAtWave ??= wave.index;
    let back = 0;
    let bad = 0;
    for (const instanceId of wave.instanceIds) {
      const lastStatus = wave.statuses.get(instanceId) ?? null;
      const returned = returnState(wave, state, outcomeOf(instanceId), lastStatus);
      if (returned === 'back') back += 1;
      if (returned === 'failed' || returned === 'not-back') bad += 1;
      returns.push({ instanceId, waveIndex: wave.index, state: returned, lastStatus });
    }
    reports.push({ index: wave.index, state, total: wave.instanceIds.length, back, bad });
  }
  return { waves: reports, returns, stoppedAtWave };
}
