import type { OperationResult } from '../../../../shared/domain/operation';
import { isTerminalState } from './progress-facts';

/**
 * How many instances an undo of `result` could give the key back to: the detach's succeeded ones (main reads them
 * fresh and leaves out any changed since). Zero for anything that is not an ended detach, or that took nothing off.
 */
export function undoableCount(result: Pick<OperationResult, 'plan' | 'outcomes' | 'progress'>): number {
  if (result.plan.action !== 'detach-key-pair' || result.plan.keyPair === null || !isTerminalState(result.progress.state)) return 0;
  return result.outcomes.filter((outcome) => outcome.status === 'succeeded').length;
}
