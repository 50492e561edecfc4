import { describe, expect, it } from 'vitest';
import { formWaves } from '../../../electron/operations/reboot-waves';

const rules = { waveSize: 50, waitMinutes: 10, failurePercent: 10 } as const;
const idsOf = (count: number, prefix = 'i') => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
let token = 0;
const newClientToken = () => `t-${(token += 1)}`;

describe('forming the waves of a rolling reboot', () => {
  it('by batch: waves of the set size in the order given, the last one shorter, one request each', () => {
    const formed = formWaves({ instanceIds: idsOf(307), zoneOf: () => 'z', rules: { ...rules, mode: 'batch' }, newClientToken });
    expect(formed.waves.map((wave) => wave.instanceIds.length)).toEqual([50, 50, 50, 50, 50, 50, 7]);
    expect(formed.waves.every((wave) => wave.zoneId === null && wave.batchCount === 1)).toBe(true);
    expect(formed.instanceIds).toEqual(idsOf(307));
    expect(formed.batches.map((batch) => batch.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Set(formed.batches.map((batch) => batch.clientToken)).size).toBe(7);
  });

  it('by batch: a wave larger than 100 is split into requests of at most 100, never shared with the next wave', () => {
    const formed = formWaves({ instanceIds: idsOf(450), zoneOf: () => 'z', rules: { ...rules, mode: 'batch', waveSize: 250 }, newClientToken });
    expect(formed.waves.map((wave) => [wave.firstBatch, wave.batchCount, wave.instanceIds.length])).toEqual([
      [0, 3, 250],
      [3, 2, 200],
    ]);
    expect(formed.batches.map((batch) => batch.instanceIds.length)).toEqual([100, 100, 50, 100, 100]);
  });

  it('by zone: one wave per zone in zone order, instances grouped by zone, a zone of more than 100 in several requests', () => {
    const zoneOf = (id: string) => (id.startsWith('b') ? 'cn-beijing-b' : 'cn-beijing-a');
    const instanceIds = [...idsOf(3, 'b'), ...idsOf(130, 'a'), ...idsOf(2, 'b').map((id) => `${id}x`)];
    const formed = formWaves({ instanceIds, zoneOf, rules: { ...rules, mode: 'zone' }, newClientToken });
    expect(formed.waves.map((wave) => [wave.zoneId, wave.instanceIds.length, wave.batchCount])).toEqual([
      ['cn-beijing-a', 130, 2],
      ['cn-beijing-b', 5, 1],
    ]);
    // The plan's order is the waves' order, so the journal's batches hold the planned instances in order.
    expect(formed.instanceIds).toEqual(formed.batches.flatMap((batch) => batch.instanceIds));
    expect(formed.waves[1]!.instanceIds).toEqual(['b-0', 'b-1', 'b-2', 'b-0x', 'b-1x']);
  });
});
