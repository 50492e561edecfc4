import fc from 'fast-check';
import { generateFleet } from '../../../simulator/fleet-generator';
import type { FleetDefinition, RegionDefinition } from '../../../simulator/simulator-types';

/** A one-region generated fleet whose zones are as uneven as a real account's can be. */
export interface UnevenFleetSpec {
  readonly seed: number;
  readonly regionId: string;
  /** Around DescribeInstances' page boundaries (MaxResults 100 at most). */
  readonly size: number;
  /** Zeros for empty zones, tiny weights for zones of one instance or none. */
  readonly zoneWeights: readonly number[];
  /**
   * Instances (by index modulo the size) moved each into a zone of its own, added among the region's zones at the
   * paired position: weights alone cannot promise a zone of exactly one instance.
   */
  readonly soloZones: ReadonlyArray<readonly [instanceIndex: number, position: number]>;
}

export const pageBoundarySizes = [0, 1, 99, 100, 101, 250, 1000] as const;

const zoneWeight = fc.oneof(fc.constant(0), fc.constant(0.001), fc.integer({ min: 1, max: 50 }));

export const unevenFleetSpec: fc.Arbitrary<UnevenFleetSpec> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  // A catalogue region, one whose catalogue zones are named differently, and one the catalogue does not know.
  regionId: fc.constantFrom('cn-beijing', 'ap-southeast-1', 'cn-test'),
  size: fc.constantFrom(...pageBoundarySizes),
  zoneWeights: fc.array(zoneWeight, { minLength: 1, maxLength: 7 }).filter((weights) => weights.some((weight) => weight > 0)),
  soloZones: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
});

function withSoloZones(region: RegionDefinition, soloZones: UnevenFleetSpec['soloZones']): RegionDefinition {
  if (region.instances.length === 0) return region;
  const instances = [...region.instances];
  const zoneIds = [...region.zoneIds];
  const moved = new Set<number>();
  for (const [instanceIndex, position] of soloZones) {
    const index = instanceIndex % instances.length;
    const instance = instances[index];
    if (moved.has(index) || !instance) continue;
    moved.add(index);
    const zoneId = `${region.regionId}-solo${moved.size}`;
    instances[index] = { ...instance, zoneId };
    zoneIds.splice(position % (zoneIds.length + 1), 0, zoneId);
  }
  return { ...region, zoneIds, instances };
}

export function buildUnevenFleet(spec: UnevenFleetSpec): FleetDefinition {
  const generated = generateFleet({ seed: spec.seed, instances: spec.size, regions: [spec.regionId], zoneWeights: spec.zoneWeights });
  return { regions: generated.regions.map((region) => withSoloZones(region, spec.soloZones)) };
}
