import { describe, expect, it } from 'vitest';
import { generateFleet } from '../../simulator/fleet-generator';
import type { SimulatedInstance } from '../../simulator/simulator-types';

const allInstances = (seed: number, instances: number) =>
  generateFleet({ seed, instances }).regions.flatMap((region) => region.instances.map((instance) => ({ region, instance })));

describe('generateFleet', () => {
  it('gives the same fleet for the same seed', () => {
    expect(generateFleet({ seed: 42, instances: 500 })).toEqual(generateFleet({ seed: 42, instances: 500 }));
  });

  it('gives a different fleet for a different seed', () => {
    const first = allInstances(1, 50).map(({ instance }) => instance.instanceId);
    const second = allInstances(2, 50).map(({ instance }) => instance.instanceId);
    expect(first).not.toEqual(second);
  });

  it('creates exactly the requested number of instances with unique IDs shaped like i- and 20 lowercase alphanumerics', () => {
    const instances = allInstances(3, 5000);
    expect(instances).toHaveLength(5000);
    expect(new Set(instances.map(({ instance }) => instance.instanceId)).size).toBe(5000);
    expect(instances.every(({ instance }) => /^i-[a-z0-9]{20}$/.test(instance.instanceId))).toBe(true);
  });

  it('spreads instances over several regions and each region over its zones', () => {
    const fleet = generateFleet({ seed: 4, instances: 5000 });
    expect(fleet.regions.map((region) => region.regionId)).toEqual(
      expect.arrayContaining(['cn-beijing', 'cn-shanghai', 'cn-guangzhou', 'ap-southeast-1']),
    );
    for (const region of fleet.regions) {
      expect(region.instances.length).toBeGreaterThan(0);
      const zones = new Set(region.instances.map((instance) => instance.zoneId));
      expect([...zones].every((zone) => region.zoneIds.includes(zone))).toBe(true);
      expect(zones.size).toBe(region.zoneIds.length);
    }
  });

  it('uses the regions it is given', () => {
    const fleet = generateFleet({ seed: 5, instances: 100, regions: ['cn-beijing', 'cn-test'] });
    expect(fleet.regions.map((region) => region.regionId)).toEqual(['cn-beijing', 'cn-test']);
    expect(fleet.regions[1]?.zoneIds).toEqual(['cn-test-a', 'cn-test-b']);
  });

  it('makes most instances RUNNING or STOPPED Linux with a bound key pair, and some of every awkward kind', () => {
    const instances = allInstances(6, 5000).map(({ instance }) => instance);
    const share = (predicate: (instance: SimulatedInstance) => boolean) => instances.filter(predicate).length / instances.length;
    expect(share((instance) => instance.status === 'RUNNING' || instance.status === 'STOPPED')).toBeGreaterThan(0.85);
    expect(share((instance) => instance.status !== 'RUNNING' && instance.status !== 'STOPPED')).toBeGreaterThan(0.02);
    expect(share((instance) => instance.osType === 'Linux')).toBeGreaterThan(0.8);
    expect(share((instance) => instance.osType === 'Windows')).toBeGreaterThan(0.05);
    expect(share((instance) => instance.osType === 'Linux' && !instance.hasResetAgent)).toBeGreaterThan(0.01);
    expect(share((instance) => instance.osType === 'Linux' && instance.keyPairId !== '')).toBeGreaterThan(0.6);
    expect(instances.some((instance) => instance.publicIpAddress === '')).toBe(true);
    expect(instances.some((instance) => instance.tags.length > 0)).toBe(true);
    expect(new Set(instances.map((instance) => instance.projectName)).size).toBeGreaterThan(1);
  });

  it('binds Linux instances only to key pairs of their own region and never binds Windows', () => {
    for (const region of generateFleet({ seed: 8, instances: 3000 }).regions) {
      const keyPairs = new Map(region.keyPairs.map((keyPair) => [keyPair.keyPairId, keyPair.keyPairName]));
      for (const instance of region.instances) {
        if (instance.osType === 'Windows') expect(instance.keyPairId).toBe('');
        if (instance.keyPairId !== '') expect(keyPairs.get(instance.keyPairId)).toBe(instance.keyPairName);
      }
      expect(region.keyPairs.every((keyPair) => /^kp-[a-z0-9]{20}$/.test(keyPair.keyPairId))).toBe(true);
      expect(region.keyPairs.every((keyPair) => /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/.test(keyPair.fingerPrint))).toBe(true);
    }
  });

  it('generates 50,000 instances with unique IDs', () => {
    const instances = allInstances(9, 50_000);
    expect(instances).toHaveLength(50_000);
    expect(new Set(instances.map(({ instance }) => instance.instanceId)).size).toBe(50_000);
  });

  it('refuses a negative or fractional instance count', () => {
    expect(() => generateFleet({ seed: 1, instances: -1 })).toThrow(RangeError);
    expect(() => generateFleet({ seed: 1, instances: 1.5 })).toThrow(RangeError);
  });
});
