import type { KeyPairRef } from '../../shared/domain/detachability';
import type { SweepStarted } from '../../shared/domain/sweep';
import { AppError } from '../../shared/errors/app-error';
import type { HistoryService } from '../history/history-service';
import type { OperationService } from '../operations/operation-service';
import type { StoredSweep } from './stored-sweep';

export interface SweepResumeOptions {
  sweepOperationId: string;
  history: Pick<HistoryService, 'findSweep'>;
  operations: Pick<OperationService, 'resume' | 'isRunning'>;
  /** Registers the rebuilt search (for a retry) and returns its sweepId. */
  remember: (sweep: StoredSweep) => string;
}

/**
 * After a crash: every interrupted part of the sweep is resumed as any interrupted operation is (its unanswered
 * batches again, with their ClientTokens, so Volcengine applies each at most once). Parts that ended, or that run
 * already, are answered as they are; parts the app never got to start sent nothing and have no plan left: they are
 * not in the answer (History lists them as not started).
 *
 * A retry needs a search to plan against: one is rebuilt from the parts' planned records (each account's region and
 * its key pair), in the sweep's account order. The retry's plan is then made as any plan is, against what main has
 * read of those instances since it started: with nothing read yet, its exclusions say so (`not-in-inventory`), and a
 * new search of the key pair gives it what it needs.
 */
export async function resumeSweep(options: SweepResumeOptions): Promise<SweepStarted> {
  const found = await options.history.findSweep(options.sweepOperationId);
  if (found === undefined) throw new AppError('SWEEP_NOT_FOUND', 'The journal has no such sweep.');
  const interrupted = found.parts.filter((part) => part.finished === null && !options.operations.isRunning(part.operationId));
  if (interrupted.length === 0) throw new AppError('OPERATION_NOT_RESUMABLE', 'No part of the sweep is interrupted.');
  // One at a time: a part that cannot resume (its profile removed, a locked keychain) stops here with its reason,
  // and the parts not yet resumed stay resumable.
  for (const part of interrupted) await options.operations.resume(part.operationId);

  const keyPairs = new Map<string, Map<string, KeyPairRef>>();
  for (const { planned } of found.parts) {
    if (planned.keyPair === null) continue;
    const regions = keyPairs.get(planned.profileId) ?? new Map<string, KeyPairRef>();
    regions.set(planned.regionId, planned.keyPair);
    keyPairs.set(planned.profileId, regions);
  }
  const accountOrder = [...new Set(found.sweep.parts.map((part) => part.profileId))];
  const sweepId = options.remember({ keyPairName: found.sweep.keyPairName, accountOrder, keyPairs });
  const started = new Set(found.parts.map((part) => part.operationId));
  return {
    sweepOperationId: found.sweep.operationId,
    sweepId,
    keyPairName: found.sweep.keyPairName,
    operations: found.sweep.parts
      .filter((part) => started.has(part.operationId))
      .map(({ profileId, regionId, operationId }) => ({ profileId, regionId, operationId })),
  };
}
