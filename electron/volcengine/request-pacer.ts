/**
 * Spaces requests evenly at a set rate, so a bulk change stays under Volcengine's flow limit instead of tripping
 * it: a refused request costs a Retry-After of at least a second, and one that runs out of retries fails its
 * whole batch. Each caller reserves the next free slot at once and waits for it, so concurrent batches share the
 * rate in the order they asked. Slots never bunch up after an idle spell (no burst): the gateway's own bucket may
 * be partly drained by other clients of the same account.
 */
export interface RequestPacer {
  /** Resolves when this request may be sent. */
  acquire(): Promise<void>;
}

export interface RequestPacerOptions {
  /** Requests per second; Infinity means no pacing. */
  ratePerSecond: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export function createRequestPacer(options: RequestPacerOptions): RequestPacer {
  if (!(options.ratePerSecond > 0)) throw new RangeError('a request pacer needs ratePerSecond > 0');
  if (options.ratePerSecond === Number.POSITIVE_INFINITY) return { acquire: async () => undefined };
  const intervalMs = 1000 / options.ratePerSecond;
  let nextSlotMs = Number.NEGATIVE_INFINITY;
  return {
    async acquire() {
      const now = options.now();
      const slot = Math.max(now, nextSlotMs);
      nextSlotMs = slot + intervalMs;
      if (slot > now) await options.sleep(slot - now);
    },
  };
}
