export interface DelayScheduler {
  /** Resolves after `ms`; at once for 0, so a latency-free simulator never touches the timer queue. */
  readonly wait: (ms: number) => Promise<void>;
  /** Resolves every pending wait now, so closing the simulator never waits out a slow reply. */
  readonly releaseAll: () => void;
}

export function createDelayScheduler(): DelayScheduler {
  const pending = new Map<NodeJS.Timeout, () => void>();
  return {
    wait(ms) {
      if (!(ms > 0)) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(timer);
          resolve();
        }, ms);
        pending.set(timer, resolve);
      });
    },
    releaseAll() {
      for (const [timer, resolve] of pending) {
        clearTimeout(timer);
        resolve();
      }
      pending.clear();
    },
  };
}
