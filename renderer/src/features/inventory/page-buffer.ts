import type { Instance } from '../../../../shared/domain/ecs';

export interface PageBatch {
  instances: Instance[];
  /** From the copy kept on disk: fills gaps, never overwrites what was read fresh. */
  cached: boolean;
}

export interface PageBuffer {
  /** Queues a page; the first after a flush of an empty buffer goes at once when `immediately` is set. */
  push(instances: readonly Instance[], cached: boolean, immediately?: boolean): void;
  /** Hands over everything queued now (before a listing's end is shown, say). */
  flush(): void;
  /** Drops what is queued (another region was chosen). */
  clear(): void;
}

/**
 * Pages arrive every few milliseconds while a big region streams in (four zones at once); applying each on its own
 * would re-render the table hundreds of times. The buffer hands them over in batches at most every `intervalMs`,
 * in arrival order, cached and fresh ones kept apart, while a first page can go at once so rows show after one
 * round trip. `afterFlush` runs after each hand-over (the counts shown with the rows go in the same update).
 */
export function createPageBuffer(apply: (batch: PageBatch) => void, intervalMs: number, afterFlush: () => void = () => undefined): PageBuffer {
  let queued: PageBatch[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const batches = queued;
    queued = [];
    for (const batch of batches) apply(batch);
    afterFlush();
  };

  return {
    push(instances, cached, immediately = false) {
      const last = queued[queued.length - 1];
      if (last !== undefined && last.cached === cached) last.instances.push(...instances);
      else queued.push({ instances: [...instances], cached });
      if (immediately) flush();
      else timer ??= setTimeout(flush, intervalMs);
    },
    flush,
    clear() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      queued = [];
    },
  };
}
