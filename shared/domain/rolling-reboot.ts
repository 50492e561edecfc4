import { z } from 'zod';
import { instanceIdSchema, maxListedItems } from './ecs';

/*
 * A rolling reboot restarts instances wave by wave: a wave's RebootInstances requests are sent, then the app waits
 * (DescribeInstances) until every instance of the wave is RUNNING again or the wait runs out, and only then sends
 * the next wave. It stops early when a wave goes badly, so a fault that breaks booting (a bad image, a full disk, a
 * broken agent) is met on a few instances rather than on the whole fleet.
 *
 * The threshold, exactly: an instance of a wave is "bad" when its reboot request failed, or when it was not RUNNING
 * again by the end of the wait (an instance whose request's outcome is unknown counts by whether it came back; one
 * never sent, because the admin stopped the operation, does not count). The rolling reboot stops after a wave whose bad
 * instances are more than `failurePercent` % of that wave (`allowedBadInstances`): 10 % of a 50-instance wave
 * allows 5, and the 6th stops it; 0 % stops at the first bad instance; 100 % never stops. Per wave, not cumulative,
 * so a large early wave cannot hide a bad later one and the admin can reason about one number.
 */

const rebootWaveModeSchema = z.enum(['batch', 'zone']);
export type RebootWaveMode = z.infer<typeof rebootWaveModeSchema>;

/** One wave as planned: its requests are the operation's batches `firstBatch` to `firstBatch + batchCount - 1`. */
export const rebootWaveSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  /** The zone all its instances are in (by-zone waves); null for waves by batch. */
  zoneId: z.string().max(64).nullable(),
  firstBatch: z.number().int().nonnegative(),
  batchCount: z.number().int().positive(),
  instanceIds: z.array(instanceIdSchema).min(1).max(maxListedItems),
});
export type RebootWave = z.infer<typeof rebootWaveSchema>;

/** The rules a rolling reboot runs by, as planned (from the settings at the time). */
export const rollingRulesSchema = z.strictObject({
  mode: rebootWaveModeSchema,
  /** Instances per wave by batch (ignored by zone, where a wave is a whole zone). */
  waveSize: z.number().int().min(1).max(1000),
  waitMinutes: z.number().int().min(1).max(120),
  failurePercent: z.number().int().min(0).max(100),
});
export type RollingRules = z.infer<typeof rollingRulesSchema>;

export const rollingPlanSchema = z.strictObject({
  ...rollingRulesSchema.shape,
  waves: z.array(rebootWaveSchema).min(1).max(maxListedItems),
});
export type RollingPlan = z.infer<typeof rollingPlanSchema>;


export { allowedBadInstances } from './reboot-threshold';

/**
 * Where a wave stands. `passed`: ended within the threshold; `stopped`: ended over it (later waves are not sent);
 * `cancelled`: the admin stopped the operation during this wave; `not-sent`: never started; `interrupted`: the app
 * stopped during it (a crash) and it has not been resumed.
 */
export const waveStateSchema = z.enum(['pending', 'sending', 'waiting', 'passed', 'stopped', 'cancelled', 'not-sent', 'interrupted']);
export type WaveState = z.infer<typeof waveStateSchema>;

/** How a wave ended, as the journal records it. */
export const waveVerdictSchema = waveStateSchema.extract(['passed', 'stopped', 'cancelled']);
export type WaveVerdict = z.infer<typeof waveVerdictSchema>;

/**
 * Whether an instance came back. `back`: RUNNING again after its reboot was sent; `not-back`: not RUNNING by the
 * end of the wait (its last status says where it stuck); `unconfirmed`: the wait was cut short (the admin stopped
 * the operation, or the app stopped) before it was seen RUNNING; `failed`: the reboot request failed for it (see
 * its outcome); `not-sent`: its request was never sent; `pending`: its wave has not started yet; `waiting`: its
 * wave is waiting for it now.
 */
export const returnStateSchema = z.enum(['back', 'not-back', 'unconfirmed', 'failed', 'not-sent', 'pending', 'waiting']);
export type ReturnState = z.infer<typeof returnStateSchema>;

export const instanceReturnSchema = z.strictObject({
  instanceId: instanceIdSchema,
  waveIndex: z.number().int().nonnegative(),
  state: returnStateSchema,
  /** The last status DescribeInstances reported; null before the first check, or when it no longer lists it. */
  lastStatus: z.string().max(64).nullable(),
});
export type InstanceReturn = z.infer<typeof instanceReturnSchema>;

export const waveReportSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  state: waveStateSchema,
  total: z.number().int().nonnegative(),
  back: z.number().int().nonnegative(),
  /** Failed to reboot, or outcome unknown, or not back in time: what the threshold counts. */
  bad: z.number().int().nonnegative(),
});
export type WaveReport = z.infer<typeof waveReportSchema>;

/** A rolling reboot's account: each wave, each instance's return, and why it stopped early if it did. */
export const rollingReportSchema = z.strictObject({
  waves: z.array(waveReportSchema).max(maxListedItems),
  returns: z.array(instanceReturnSchema).max(maxListedItems),
  /** The wave that crossed the threshold, or null. */
  stoppedAtWave: z.number().int().nonnegative().nullable(),
});
export type RollingReport = z.infer<typeof rollingReportSchema>;

/** The live line of a rolling reboot: "wave 2 of 7: waiting for 50 instances to come back, 38 back". */
export const waveProgressSchema = z.strictObject({
  index: z.number().int().nonnegative(),
  count: z.number().int().positive(),
  phase: z.enum(['sending', 'waiting', 'done']),
  /** Instances of the wave being waited for (their reboot was accepted or may have been). */
  waitingFor: z.number().int().nonnegative(),
  back: z.number().int().nonnegative(),
  /** When the wait runs out (ISO 8601), while waiting. */
  deadline: z.string().max(40).nullable(),
});
export type WaveProgress = z.infer<typeof waveProgressSchema>;
