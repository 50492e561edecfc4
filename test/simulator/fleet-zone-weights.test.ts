import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateFleet } from '../../simulator/fleet-generator';
import type { GenerateFleetOptions } from '../../simulator/fleet-generator';

const fleetHash = (options: GenerateFleetOptions) =>
  createHash('sha256').update(JSON.stringify(generateFleet(options))).digest('hex');

const zoneCounts = (options: GenerateFleetOptions) =>
  generateFleet(options).regions.map((region) => ({
    regionId: region.regionId,
    zoneIds: region.zoneIds,
    counts: region.zoneIds.map((zoneId) => region.instances.filter((instance) => instance.zoneId === zoneId).length),
  }));

describe('generateFleet without zoneWeights', () => {
  // Hashes taken before zoneWeights existed: tests and benchmarks elsewhere rely on these fleets staying the same.
  it.each([
    [{ seed: 1, instances: 1000 }, '55f8a27fb7eb066c97772a3cc19317d71669d7b306f1dfa35c807c9ee9d9b81e'],
    [{ seed: 1, instances: 100 }, '096b687ac32386af47417f4ea2051b1054725b9de58e5ff7e737b5909cee2aab'],
    [{ seed: 7, instances: 2000 }, 'aac9d0ebea98edce9181d4b4d0a9878efc3bcbeedd30e6583e41c3f4b477ba40'],
    [
      { seed: 5, instances: 300, regions: ['cn-beijing', 'cn-test', 'ap-southeast-1'] },
      '87330672e88e18d39555858cf134cc003670fd628cb5d7c3eb401a54f1fea299',
    ],
  ])('gives byte for byte the fleet it always gave for %j', (options, hash) => {
    expect(fleetHash(options)).toBe(hash);
    expect(fleetHash({ ...options, zoneWeights: undefined })).toBe(hash);
  });
});

describe('generateFleet with zoneWeights', () => {
  it('gives every region exactly one zone per weight, catalogue zones first, then <region>-<letter> names', () => {
    const fleet = generateFleet({
      seed: 2,
      instances: 200,
      regions: ['cn-beijing', 'ap-southeast-1', 'cn-test'],
      zoneWeights: [1, 1, 1, 1, 1],
    });
    expect(fleet.regions.map((region) => region.zoneIds)).toEqual([
      ['cn-beijing-a', 'cn-beijing-b', 'cn-beijing-c', 'cn-beijing-d', 'cn-beijing-e'],
      ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1-a', 'ap-southeast-1-b', 'ap-southeast-1-c'],
      ['cn-test-a', 'cn-test-b', 'cn-test-c', 'cn-test-d', 'cn-test-e'],
    ]);
    const fewer = generateFleet({ seed: 2, instances: 50, regions: ['cn-beijing'], zoneWeights: [3, 1] });
    expect(fewer.regions[0]?.zoneIds).toEqual(['cn-beijing-a', 'cn-beijing-b']);
  });

  it('names zones past z with two letters, all distinct', () => {
    const fleet = generateFleet({ seed: 2, instances: 10, regions: ['cn-test'], zoneWeights: Array.from({ length: 30 }, () => 1) });
    const zoneIds = fleet.regions[0]?.zoneIds ?? [];
    expect(zoneIds).toHaveLength(30);
    expect(new Set(zoneIds).size).toBe(30);
    expect(zoneIds.slice(24, 28)).toEqual(['cn-test-y', 'cn-test-z', 'cn-test-aa', 'cn-test-ab']);
  });

  it('draws each instance zone by weight, and a weight of 0 leaves its zone empty', () => {
    const [region] = zoneCounts({ seed: 3, instances: 6000, regions: ['cn-beijing'], zoneWeights: [8, 4, 0, 2, 1] });
    expect(region?.counts.reduce((sum, count) => sum + count, 0)).toBe(6000);
    const [a = 0, b = 0, empty, d = 0, e = 0] = region?.counts ?? [];
    expect(empty).toBe(0);
    // 8:4:2:1 of 6000 is 3200, 1600, 800, 400; the bounds are many standard deviations wide.
    expect(a).toBeGreaterThan(3000);
    expect(a).toBeLessThan(3400);
    expect(b).toBeGreaterThan(1450);
    expect(b).toBeLessThan(1750);
    expect(d).toBeGreaterThan(690);
    expect(d).toBeLessThan(910);
    expect(e).toBeGreaterThan(320);
    expect(e).toBeLessThan(480);
  });

  it('keeps zero-weight zones empty even when they come last or first, in every region', () => {
    for (const zoneWeights of [[0, 1], [1, 0], [0, 0, 5, 0]]) {
      for (const region of zoneCounts({ seed: 4, instances: 3000, zoneWeights })) {
        expect(region.counts).toHaveLength(zoneWeights.length);
        region.counts.forEach((count, index) => {
          if (zoneWeights[index] === 0) expect(count).toBe(0);
          else expect(count).toBeGreaterThan(0);
        });
      }
    }
  });

  it('gives each instance a subnet of its own zone', () => {
    const fleet = generateFleet({ seed: 5, instances: 500, regions: ['cn-beijing'], zoneWeights: [1, 2, 3, 4] });
    const region = fleet.regions[0];
    const subnetZones = new Map<string, Set<string>>();
    for (const instance of region?.instances ?? []) {
      expect(instance.subnetId).toMatch(/^subnet-/);
      const zones = subnetZones.get(instance.subnetId) ?? new Set<string>();
      zones.add(instance.zoneId);
      subnetZones.set(instance.subnetId, zones);
    }
    expect([...subnetZones.values()].every((zones) => zones.size === 1)).toBe(true);
  });

  it('is deterministic and differs from the fleet without weights', () => {
    const options = { seed: 6, instances: 400, zoneWeights: [5, 0, 1] };
    expect(fleetHash(options)).toBe(fleetHash({ ...options, zoneWeights: [5, 0, 1] }));
    expect(fleetHash(options)).not.toBe(fleetHash({ seed: 6, instances: 400 }));
  });

  it('refuses negative, NaN, infinite, all-zero and empty weights with a RangeError', () => {
    for (const zoneWeights of [[1, -1], [Number.NaN, 1], [Number.POSITIVE_INFINITY], [0, 0], []]) {
      expect(() => generateFleet({ seed: 1, instances: 10, zoneWeights })).toThrow(RangeError);
    }
  });
});
