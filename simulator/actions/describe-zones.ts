import { instanceTypes, volumeTypes } from '../fleet-catalog';
import type { RegionState } from '../fleet-state';
import { resultOutcome } from './action-types';
import type { ReadAction } from './action-types';

const catalogueInstanceTypes: readonly string[] = instanceTypes.map(([type]) => type.id);

/**
 * Each zone the region's definition declares, in that order, with the instance types it offers: the catalogue's,
 * plus any other type an instance of the zone runs, since a zone offers what runs in it. One scan of the region.
 *
 * Only declared zones, even when an instance sits in one the definition left out: a hand-made fleet can thereby
 * play a DescribeZones that misses a zone, which a client listing zone by zone must notice and survive. Generated
 * fleets always declare every zone their instances use.
 */
function zonesOf(region: RegionState): Map<string, Set<string>> {
  const zones = new Map<string, Set<string>>(region.zoneIds.map((zoneId) => [zoneId, new Set(catalogueInstanceTypes)]));
  for (const instance of region.instances) zones.get(instance.zoneId)?.add(instance.instanceTypeId);
  return zones;
}

/**
 * DescribeZones (spec: `ZoneIds.N` optional; `Zones[{ZoneId, InstanceTypes[], VolumeTypes[]}]`; no paging).
 * MaxResults and NextToken are ignored rather than refused, and unknown ZoneIds are simply not in the answer: the
 * simulator must never refuse what the real service accepts. No limit on ZoneIds either, since the spec states none.
 * The region comes from the signature's scope, like DescribeInstances.
 */
export function createDescribeZones(): ReadAction {
  return {
    kind: 'read',
    run({ fleet, regionId, params }) {
      const region = fleet.region(regionId);
      if (!region) return resultOutcome({ Zones: [] });
      const wanted = new Set(params.list('ZoneIds'));
      const zones = [...zonesOf(region)].filter(([zoneId]) => wanted.size === 0 || wanted.has(zoneId));
      return resultOutcome({
        Zones: zones.map(([zoneId, types]) => ({ ZoneId: zoneId, InstanceTypes: [...types], VolumeTypes: [...volumeTypes] })),
      });
    },
  };
}
