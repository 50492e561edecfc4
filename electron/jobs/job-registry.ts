/**
 * The cancellable jobs main runs for the renderer (a region or key pair listing, a sweep's search of every
 * region), by the job ID the renderer chose. One registry for all of them, so "cancel" means the same everywhere and
 * a job ID names one job whatever started it.
 */
export interface JobRegistry {
  /**
   * Runs `work` as the job `jobId`; a job still running under that ID is cancelled first (asking again replaces the
   * old answer). The job leaves the registry when `work` settles, whatever the outcome.
   */
  run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts the job's signal; false when no job runs under that ID. */
  cancel(jobId: string): boolean;
  /** How many jobs are running (a diagnostic for tests of bounded memory). */
  size(): number;
}

export function createJobRegistry(): JobRegistry {
  const running = new Map<string, AbortController>();
  return {
    async run(jobId, work) {
      running.get(jobId)?.abort();
      const controller = new AbortController();
      running.set(jobId, controller);
      try {
        return await work(controller.signal);
      } finally {
        // A job that replaced this one under the same ID keeps its place.
        if (running.get(jobId) === controller) running.delete(jobId);
      }
    },

    cancel(jobId) {
      const controller = running.get(jobId);
      controller?.abort();
      return controller !== undefined;
    },

    size: () => running.size,
  };
}
