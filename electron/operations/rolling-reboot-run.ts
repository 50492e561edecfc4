import type { BatchPlan, InstanceOutcome } from '../../shared/domain/ecs';
import type { RollingRules, WaveProgress } from '../../shared/domain/rolling-reboot';
import type { WaveRecord } from '../journal/journal-records';
import type { ReplayedWave } from '../journal/wave-replay';
import type { Logger } from '../logging/logger';
import type { ChangeOptions } from '../volcengine/ecs-actions';
import type { EcsClient } from '../volcengine/ecs-client';
import type { OperationStop } from '../volcengine/instance-operation';
import { notSentOutcomes } from '../volcengine/operation-outcomes';
import { crossesThreshold, isAwaited, thresholdNotSentMessage } from './rolling-report';

/** How often a wave is checked, and how long a "minute" of the wait lasts (tests and the demo shorten both). */
export interface RebootTiming {
  pollIntervalMs: number;
  minuteMs: number;
}

export const defaultRebootTiming: RebootTiming = { pollIntervalMs: 10_000, minuteMs: 60_000 };

/** A wave record without the fields the journal writer adds. */
export type WaveStep = { type: 'wave-started'; waveIndex: number } | { type: 'wave-checked'; waveIndex: number; statuses: Array<{ instanceId: string; status: string | null }> } | { type: 'wave-ended'; waveIndex: number; verdict: 'passed' | 'stopped' | 'cancelled' };

export interface RollingRun {
  client: EcsClient;
  rules: RollingRules;
  forceStop: boolean;
  /** The batches still to send: all of them, or those without an answer (a resume); never an answered one. */
  batches: readonly BatchPlan[];
  /** The waves' state, as planned or as replayed; updated as the run goes. */
  waves: ReplayedWave[];
  /** Outcomes known so far (a resume); updated as the run goes. */
  outcomes: Map<string, InstanceOutcome>;
  /** The signal, and the send and answer hooks of the operation (journal and progress), as for any change. */
  callbacks: ChangeOptions;
  /** Journals a wave step before it is taken (the caller adds operationId and time); may throw. */
  record: (step: WaveStep) => Promise<WaveRecord['at']>;
  onWave: (progress: WaveProgress | null, current: { index: number; phase: 'sending' | 'waiting' } | null) => void;
  timing: RebootTiming;
  now: () => Date;
  logger: Logger;
}

export type RollingStop = OperationStop | { reason: 'threshold'; waveIndex: number };

/** Resolves after `ms`, or at once when the signal aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

function notSent(batch: BatchPlan, stop: RollingStop): InstanceOutcome[] {
  if (stop.reason === 'cancelled') return notSentOutcomes(batch, 'ECS_CANCELLED', 'RebootInstances');
  const outcomes = notSentOutcomes(batch, 'ECS_NOT_SENT', 'RebootInstances');
  if (stop.reason !== 'threshold') return outcomes;
  const message = thresholdNotSentMessage(stop.waveIndex);
  return outcomes.map((outcome) => (outcome.status === 'not-sent' ? { ...outcome, reason: { ...outcome.reason, message } } : outcome));
}

/**
 * Waits until every awaited instance of the wave is RUNNING or the wait runs out, checking with DescribeInstances
 * (the profile's read pace; at most 100 IDs a request), and journals each check's changes before acting on them.
 * The first check comes one interval after the sends, so an instance still RUNNING before it goes REBOOTING is not
 * taken as back. Returns false when the admin cancelled during the wait.
 */
async function waitForWave(run: RollingRun, wave: ReplayedWave): Promise<boolean> {
  const { signal } = run.callbacks;
  const awaited = wave.instanceIds.filter((instanceId) => isAwaited(run.outcomes.get(instanceId)));
  const deadline = run.now().getTime() + run.rules.waitMinutes * run.timing.minuteMs;
  const pending = () => awaited.filter((instanceId) => wave.statuses.get(instanceId) !== 'RUNNING');
  const report = () =>
    run.onWave(
      {
        index: wave.index,
        count: run.waves.length,
        phase: 'waiting',
        waitingFor: awaited.length,
        back: awaited.length - pending().length,
        deadline: new Date(deadline).toISOString(),
      },
      { index: wave.index, phase: 'waiting' },
    );
  report();
  while (pending().length > 0) {
    const left = deadline - run.now().getTime();
    if (left <= 0) break;
    await pause(Math.min(run.timing.pollIntervalMs, left), signal);
    if (signal?.aborted) return false;
    const asked = pending();
    let listed;
    try {
      listed = await run.client.describeInstances({ instanceIds: asked }, { signal });
    } catch (error) {
      if (signal?.aborted) return false;
      // A failed check is not a failed reboot: the next check asks again, until the wait runs out.
      run.logger.warn('a rolling reboot check failed; checking again', { errorName: error instanceof Error ? error.name : typeof error });
      continue;
    }
    const statusOf = new Map(listed.map((instance) => [instance.instanceId, instance.status]));
    const changes = asked
      .map((instanceId) => ({ instanceId, status: statusOf.get(instanceId) ?? null }))
      .filter((entry) => !wave.statuses.has(entry.instanceId) || wave.statuses.get(entry.instanceId) !== entry.status);
    if (changes.length > 0) {
      await run.record({ type: 'wave-checked', waveIndex: wave.index, statuses: changes });
      for (const change of changes) wave.statuses.set(change.instanceId, change.status);
    }
    report();
  }
  return true;
}

/**
 * Runs a rolling reboot wave by wave (see shared/domain/rolling-reboot.ts): each wave's unanswered requests are
 * sent (with their planned ClientTokens, paced and retried like any change), then its instances are waited for;
 * a wave over the threshold stops the run, and the waves after it are not sent. Waves that already ended (a
 * resume) are skipped; a wave interrupted mid-way sends what it had not and waits again. Every wave step is
 * journaled before it is taken. Returns an outcome for every instance of every batch not answered before.
 */
export async function runRollingReboot(run: RollingRun): Promise<{ outcomes: InstanceOutcome[]; stopped?: RollingStop | undefined }> {
  const { signal } = run.callbacks;
  const produced: InstanceOutcome[] = [];
  let stop: RollingStop | undefined;
  const settle = (outcomes: readonly InstanceOutcome[]) => {
    for (const outcome of outcomes) run.outcomes.set(outcome.instanceId, outcome);
    produced.push(...outcomes);
  };

  for (const wave of run.waves) {
    const unanswered = run.batches.filter((batch) => batch.index >= wave.firstBatch && batch.index < wave.firstBatch + wave.batchCount);
    if (stop === undefined && wave.ended !== null) {
      if (wave.ended.verdict === 'stopped') stop = { reason: 'threshold', waveIndex: wave.index };
      if (wave.ended.verdict === 'cancelled') stop = { reason: 'cancelled' };
    }
    if (stop === undefined && signal?.aborted) stop = { reason: 'cancelled' };
    if (stop !== undefined || wave.ended !== null) {
      for (const batch of unanswered) {
        const outcomes = notSent(batch, stop ?? { reason: 'cancelled' });
        settle(outcomes);
        await run.callbacks.onBatchFinished?.(batch, outcomes, false);
      }
      continue;
    }
    try {
      if (wave.startedAt === null) wave.startedAt = await run.record({ type: 'wave-started', waveIndex: wave.index });
      run.onWave({ index: wave.index, count: run.waves.length, phase: 'sending', waitingFor: 0, back: 0, deadline: null }, { index: wave.index, phase: 'sending' });
      if (unanswered.length > 0) {
        const instanceIds = unanswered.flatMap((batch) => batch.instanceIds);
        const answer = await run.client.rebootInstances({ instanceIds, forceStop: run.forceStop }, { ...run.callbacks, onPlanned: undefined, batches: unanswered });
        settle(answer.outcomes);
        if (answer.stopped !== undefined) stop = answer.stopped;
      }
      if (stop?.reason === 'callback-failed') continue;
      const waitedOut = stop === undefined && (await waitForWave(run, wave));
      const verdict = !waitedOut ? 'cancelled' : crossesThreshold(wave, run.rules.failurePercent, (id) => run.outcomes.get(id)) ? 'stopped' : 'passed';
      const at = await run.record({ type: 'wave-ended', waveIndex: wave.index, verdict });
      wave.ended = { verdict, at };
      if (verdict === 'stopped') stop = { reason: 'threshold', waveIndex: wave.index };
      if (verdict === 'cancelled') stop ??= { reason: 'cancelled' };
    } catch (error) {
      // The journal could not record a step: nothing more is sent (its record would be incomplete).
      stop = { reason: 'callback-failed', error };
      const settled = new Set(produced.map((outcome) => outcome.instanceId));
      for (const batch of unanswered) if (!batch.instanceIds.some((id) => settled.has(id))) settle(notSent(batch, stop));
    }
  }
  run.onWave(null, null);
  return { outcomes: produced, stopped: stop };
}
