/** Volcengine's limit for `InstanceIds.N` in one DetachKeyPair, AttachKeyPair or RebootInstances request. */
export const maxInstancesPerRequest = 100;

/** The IDs in first-seen order, each once: an instance named twice must still get exactly one outcome. */
export function uniqueInOrder(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Consecutive slices of at most `size` items: exactly ceil(N / size) of them. */
export function splitIntoBatches<T>(items: readonly T[], size: number = maxInstancesPerRequest): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('batch size must be a positive integer');
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/**
 * Runs `work` for every index in 0..count-1 with at most `concurrency` running at once, starting them in index
 * order. Resolves when all have finished; `work` must not reject (each task reports its own failure as data).
 */
export async function runWithConcurrency(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be a positive integer');
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
