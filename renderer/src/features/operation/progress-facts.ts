import type { OperationProgress } from '../../../../shared/domain/operation';

export interface ProgressCounts {
  /** Instances with a final outcome (succeeded, failed, not sent or unknown). */
  done: number;
  pending: number;
  /** 0–100, whole numbers; 100 only when every instance is done. */
  instancesPercent: number;
  requestsPercent: number;
}

function percent(part: number, whole: number): number {
  if (whole <= 0) return 100;
  // Floor, so the bar never shows 100 % while something is still outstanding.
  return Math.min(100, Math.floor((part / whole) * 100));
}

export function progressCounts(progress: OperationProgress): ProgressCounts {
  const done = progress.succeeded + progress.failed + progress.notSent + progress.unknown;
  return {
    done,
    pending: Math.max(0, progress.total - done),
    instancesPercent: percent(done, progress.total),
    requestsPercent: percent(progress.requestsAnswered, progress.requestsTotal),
  };
}

/** Whether no more outcomes will come: the full result can be fetched. */
export function isTerminalState(state: OperationProgress['state']): boolean {
  return state === 'finished' || state === 'cancelled' || state === 'interrupted';
}
