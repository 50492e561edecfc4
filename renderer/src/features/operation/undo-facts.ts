import type { OperationResult } from '../../../../shared/domain/operation';

/**
 * How many instances an undo of `result` could give the key back to: the detach's succeeded ones (main reads them
 * fresh and leaves out any changed since). Zero for anything but a detach that has ended (finished or cancelled:
 * the outcomes of one running or interrupted are not final, and main refuses its undo), or that took nothing off.
 */
export function undoableCount(result: Pick<OperationResult, 'plan' | 'outcomes' | 'progress'>): number {
  const ended = result.progress.state === 'finished' || result.progress.state === 'cancelled';
  if (result.plan.action !== 'detach-key-pair' || result.plan.keyPair === null || !ended) return 0;
  return result.outcomes.filter((outcome) => outcome.status === 'succeeded').length;
}
