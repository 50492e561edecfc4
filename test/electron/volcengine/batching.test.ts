import { describe, expect, it } from 'vitest';
import { runWithConcurrency, splitIntoBatches, uniqueInOrder } from '../../../electron/volcengine/batching';

const ids = (count: number) => Array.from({ length: count }, (_, index) => `i-${index}`);

describe('batching', () => {
  it.each([1, 99, 100, 101, 200, 250, 1001])('splits %i instances into exactly ceil(N/100) batches of at most 100', (count) => {
    const batches = splitIntoBatches(ids(count));
    expect(batches).toHaveLength(Math.ceil(count / 100));
    expect(batches.every((batch) => batch.length >= 1 && batch.length <= 100)).toBe(true);
    expect(batches.flat()).toEqual(ids(count));
  });

  it('makes no batch for no instances', () => {
    expect(splitIntoBatches([])).toEqual([]);
  });

  it('keeps the first occurrence of each ID, in order', () => {
    expect(uniqueInOrder(['i-b', 'i-a', 'i-b', 'i-c', 'i-a'])).toEqual(['i-b', 'i-a', 'i-c']);
  });

  it('never runs more than the concurrency limit at once, and runs every task', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runWithConcurrency(10, 3, async (index) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      running -= 1;
      done.push(index);
    });
    expect(peak).toBe(3);
    expect([...done].sort((a, b) => a - b)).toEqual(ids(10).map((_, index) => index));
  });

  it('rejects a concurrency or batch size that is not a positive integer', async () => {
    await expect(runWithConcurrency(1, 0, async () => {})).rejects.toThrow(RangeError);
    expect(() => splitIntoBatches(['a'], 0)).toThrow(RangeError);
  });
});
