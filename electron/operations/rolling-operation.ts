import type { BatchPlan, InstanceOutcome } from '../../shared/domain/ecs';
import type { OperationResult } from '../../shared/domain/operation';
import type { ReplayedWave } from '../journal/wave-replay';
import type { Logger } from '../logging/logger';
import type { ChangeOptions } from '../volcengine/ecs-actions';
import type { EcsClient } from '../volcengine/ecs-client';
import { runRollingReboot, type RebootTiming, type RollingStop } from './rolling-reboot-run';
import { rollingReport } from './rolling-report';
import type { OperationJournal } from './operation-run';

export interface RollingOperationRun {
  result: OperationResult;
  client: EcsClient;
  batches: readonly BatchPlan[];
  waves: ReplayedWave[];
  /** Outcomes known before (a resume). */
  known: ReadonlyMap<string, InstanceOutcome>;
  callbacks: ChangeOptions;
  journal: OperationJournal;
  emit: () => void;
  timing: RebootTiming;
  now: () => Date;
  logger: Logger;
}

/**
 * A rolling reboot inside an operation: journals its wave steps under the operation, and keeps the operation's
 * live wave line (progress) and report (result) up to date as it goes.
 */
export async function runRollingOperation(options: RollingOperationRun): Promise<{ outcomes: InstanceOutcome[]; stopped?: RollingStop | undefined }> {
  const { result } = options;
  const rolling = result.plan.rolling;
  if (rolling === undefined) throw new Error('not a rolling reboot');
  const outcomes = new Map(options.known);
  const refresh = (current: { index: number; phase: 'sending' | 'waiting' } | null) => {
    result.rolling = rollingReport(options.waves, (id) => outcomes.get(id), { current, operationEnded: false });
  };
  refresh(null);
  return runRollingReboot({
    client: options.client,
    rules: rolling,
    forceStop: result.plan.forceStop,
    batches: options.batches,
    waves: options.waves,
    outcomes,
    callbacks: options.callbacks,
    record: async (step) => {
      const at = options.now().toISOString();
      await options.journal.append({ ...step, operationId: result.operationId, at });
      return at;
    },
    onWave: (progress, current) => {
      if (progress === null) delete result.progress.wave;
      else result.progress.wave = progress;
      refresh(current);
      options.emit();
    },
    timing: options.timing,
    now: options.now,
    logger: options.logger,
  });
}
