import type { WaveVerdict } from '../../shared/domain/rolling-reboot';
import type { PlannedRecord, WaveRecord } from './journal-records';

/** A wave of a rolling reboot as the journal tells it. */
export interface ReplayedWave {
  index: number;
  zoneId: string | null;
  firstBatch: number;
  batchCount: number;
  instanceIds: string[];
  /** When it was recorded as started; null when it never was. */
  startedAt: string | null;
  /** The latest status each instance was checked at (null: the check did not list it). */
  statuses: Map<string, string | null>;
  ended: { verdict: WaveVerdict; at: string } | null;
}

/** The waves of a planned rolling reboot, nothing recorded yet; undefined for any other operation (or older journal). */
export function plannedWaves(planned: PlannedRecord): ReplayedWave[] | undefined {
  if (planned.rolling === undefined) return undefined;
  let firstBatch = 0;
  return planned.rolling.waves.map((wave, index) => {
    const batches = planned.batches.slice(firstBatch, firstBatch + wave.batchCount);
    const replayed: ReplayedWave = {
      index,
      zoneId: wave.zoneId,
      firstBatch,
      batchCount: wave.batchCount,
      instanceIds: batches.flatMap((batch) => batch.instanceIds),
      startedAt: null,
      statuses: new Map(),
      ended: null,
    };
    firstBatch += wave.batchCount;
    return replayed;
  });
}

/**
 * Applies a wave record, or says why it does not fit. Like the rest of replay, repeats are harmless: a start or an
 * end seen again changes nothing, and checks are "latest wins".
 */
export function applyWaveRecord(waves: readonly ReplayedWave[] | undefined, record: WaveRecord): string | null {
  if (waves === undefined) return 'a wave record for an operation without waves';
  const wave = waves[record.waveIndex];
  if (wave === undefined) return `the plan has no wave ${record.waveIndex}`;
  if (record.type === 'wave-started') {
    wave.startedAt ??= record.at;
    return null;
  }
  if (record.type === 'wave-checked') {
    const members = new Set(wave.instanceIds);
    if (!record.statuses.every((entry) => members.has(entry.instanceId))) return `a checked instance is not in wave ${record.waveIndex}`;
    for (const entry of record.statuses) wave.statuses.set(entry.instanceId, entry.status);
    return null;
  }
  if (wave.ended !== null && wave.ended.verdict !== record.verdict) return `wave ${record.waveIndex} had already ended`;
  wave.ended ??= { verdict: record.verdict, at: record.at };
  return null;
}

/** A copy a run can change without changing the replay it came from. */
export function copyWaves(waves: readonly ReplayedWave[]): ReplayedWave[] {
  return waves.map((wave) => ({ ...wave, instanceIds: [...wave.instanceIds], statuses: new Map(wave.statuses), ended: wave.ended === null ? null : { ...wave.ended } }));
}
