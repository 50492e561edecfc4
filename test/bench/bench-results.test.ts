import { describe, expect, it } from 'vitest';
import { formatTable, judged, meets, percentile } from './bench-results';

describe('bench targets', () => {
  it('judges max and min inclusively and equals exactly', () => {
    expect(meets({ max: 16 }, 16)).toBe(true);
    expect(meets({ max: 16 }, 16.01)).toBe(false);
    expect(meets({ min: 1 }, 1)).toBe(true);
    expect(meets({ min: 1 }, 0.99)).toBe(false);
    expect(meets({ equals: 100 }, 100)).toBe(true);
    expect(meets({ equals: 100 }, 101)).toBe(false);
  });

  it('has no judgement without a target, and a failed measurement never meets one', () => {
    expect(meets(null, 5)).toBeNull();
    expect(meets({ max: 16 }, Number.NaN)).toBe(false);
    expect(meets({ max: 16 }, Number.POSITIVE_INFINITY)).toBe(false);
  });

  it('adds the judgement to a measurement and prints it in the table', () => {
    const result = judged({ name: 'Renderer 50k', metric: 'keystroke p95', value: 40, unit: 'ms', target: { max: 33 }, baseline: null });
    expect(result.met).toBe(false);
    const table = formatTable([result]);
    expect(table.split('\n')).toHaveLength(3);
    expect(table).toMatch(/\| Renderer 50k: keystroke p95 \| 40 ms +\| ≤ 33 ms \| +\| NO +\|/);
  });

  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
