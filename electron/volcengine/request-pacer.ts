import { EcsError } from './ecs-error';

/**
 * Spaces requests evenly at a set rate, so bulk work stays under Volcengine's flow limit instead of tripping it: a
 * refused request costs a Retry-After of at least a second, and one that runs out of retries fails its whole
 * batch or listing. Callers queue; one slot is released every 1/rate seconds, to the waiting caller of the highest
 * priority, in the order they asked. Slots never bunch up after an idle spell (no burst): the gateway's own bucket
 * may be partly drained by other clients of the same account.
 *
 * Priorities let what the admin is waiting for overtake background work sharing the same rate: the listing of a
 * chosen key pair goes before the rest of a region still streaming in.
 */
export type PacerPriority = 'high' | 'normal';

export interface AcquireOptions {
  priority?: PacerPriority | undefined;
  /** Leaves the queue: the wait rejects with `ECS_CANCELLED` and takes no slot. */
  signal?: AbortSignal | undefined;
}

export interface RequestPacer {
  /** Resolves when this request may be sent. */
  acquire(options?: AcquireOptions): Promise<void>;
  /**
   * Runs a listing the admin is waiting for (a key pair's instances): while it runs, slots go only to high-priority
   * requests, so each of its pages leaves at the next slot instead of queueing behind background reads that took
   * the slots between its pages. Background reads resume when it ends.
   */
  prioritize<T>(work: () => Promise<T>): Promise<T>;
}

export interface RequestPacerOptions {
  /** Requests per second, read before each slot (a setting may change); Infinity means no pacing. */
  ratePerSecond: number | (() => number);
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

interface Waiter {
  priority: PacerPriority;
  release: () => void;
}

function cancelledWait(): EcsError {
  return new EcsError({ kind: 'cancelled', code: 'ECS_CANCELLED', message: 'Cancelled while waiting for its turn to be sent.', mayHaveTakenEffect: false });
}

export function createRequestPacer(options: RequestPacerOptions): RequestPacer {
  const rateOf = typeof options.ratePerSecond === 'function' ? options.ratePerSecond : () => options.ratePerSecond as number;
  const check = (rate: number) => {
    if (!(rate > 0)) throw new RangeError('a request pacer needs ratePerSecond > 0');
    return rate;
  };
  check(rateOf());
  const queue: Waiter[] = [];
  let nextSlotMs = Number.NEGATIVE_INFINITY;
  let pumping = false;
  let prioritized = 0;

  const next = (): Waiter | undefined => {
    const index = queue.findIndex((waiter) => waiter.priority === 'high');
    if (index === -1 && prioritized > 0) return undefined;
    return queue.splice(index === -1 ? 0 : index, 1)[0];
  };

  // One loop hands out the slots; it waits for the next slot, then releases whoever is most urgent by then.
  const pump = async () => {
    pumping = true;
    try {
      while (queue.length > 0) {
        const rate = check(rateOf());
        if (rate !== Number.POSITIVE_INFINITY) {
          const wait = nextSlotMs - options.now();
          if (wait > 0) await options.sleep(wait);
        }
        const waiter = next();
        // Everyone who was waiting gave up during the sleep, or only background reads wait while a prioritized
        // listing runs: the slot stays unused (the listing's next page, or its end, starts the pump again).
        if (waiter === undefined) break;
        if (rate !== Number.POSITIVE_INFINITY) nextSlotMs = Math.max(options.now(), nextSlotMs) + 1000 / rate;
        waiter.release();
      }
    } finally {
      pumping = false;
    }
  };

  return {
    async prioritize(work) {
      prioritized += 1;
      try {
        return await work();
      } finally {
        prioritized -= 1;
        if (prioritized === 0 && queue.length > 0 && !pumping) void pump();
      }
    },

    acquire(acquireOptions = {}) {
      const { signal } = acquireOptions;
      if (signal?.aborted) return Promise.reject(cancelledWait());
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index === -1) return;
          queue.splice(index, 1);
          reject(cancelledWait());
        };
        const waiter: Waiter = {
          priority: acquireOptions.priority ?? 'normal',
          release: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
        if (!pumping) void pump();
      });
    },
  };
}
