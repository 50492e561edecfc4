import type { Instance } from '../../shared/domain/ecs';

/**
 * What main itself has read from Volcengine about each region's instances: the only thing plans are checked
 * against (never what the renderer says an instance is, never the copy on disk). Every write carries a stamp, a
 * counter that only grows, so "everything read since this listing began" is one comparison.
 */
export interface RegionKnowledge {
  /** The stamp the next write will carry: taken when a listing begins. */
  nextStamp(): number;
  /** Instances just read from Volcengine; each keeps whichever record is newest. */
  record(profileId: string, regionId: string, instances: readonly Instance[]): void;
  /**
   * A full listing that began at `startStamp` has read every instance: those not read since it began are gone,
   * and the region is known whole (so every key pair's instances are known) until a change is made in it.
   */
  completeRegion(profileId: string, regionId: string, startStamp: number): void;
  /** A complete listing of one key pair's instances (by its ID): exactly these are bound to it now. */
  completeKeyListing(profileId: string, regionId: string, keyPairId: string, instanceIds: ReadonlySet<string>): void;
  /**
   * Instances were changed in the region (an operation ran): which instances carry a key pair is no longer known
   * whole until a key pair or the region is listed again. What was read of each instance stays.
   */
  invalidateBindings(profileId: string, regionId: string): void;
  /** Instances asked for by ID and not returned: deleted since. */
  forget(profileId: string, regionId: string, instanceIds: Iterable<string>): void;
  /** What was read of the region's instances; undefined when nothing was. */
  instances(profileId: string, regionId: string): ReadonlyMap<string, Instance> | undefined;
  /**
   * Every instance bound to the key pair now, from the newest complete listing that knows (the key pair's own, or
   * the region's); undefined when neither is complete since the last change.
   */
  boundTo(profileId: string, regionId: string, keyPairId: string): ReadonlyMap<string, Instance> | undefined;
  forgetProfile(profileId: string): void;
}

interface Region {
  instances: Map<string, Instance>;
  stamps: Map<string, number>;
  /** The stamp of the last complete region listing still valid for bindings; null after a change. */
  completeAt: number | null;
  keyListings: Map<string, { instanceIds: ReadonlySet<string>; at: number }>;
}

export function createRegionKnowledge(): RegionKnowledge {
  const regions = new Map<string, Region>();
  let stamp = 1;
  const keyOf = (profileId: string, regionId: string) => `${profileId}/${regionId}`;
  const regionOf = (profileId: string, regionId: string): Region => {
    const key = keyOf(profileId, regionId);
    let region = regions.get(key);
    if (region === undefined) {
      region = { instances: new Map(), stamps: new Map(), completeAt: null, keyListings: new Map() };
      regions.set(key, region);
    }
    return region;
  };

  return {
    nextStamp: () => stamp,

    record(profileId, regionId, instances) {
      const region = regionOf(profileId, regionId);
      const at = stamp++;
      for (const instance of instances) {
        region.instances.set(instance.instanceId, instance);
        region.stamps.set(instance.instanceId, at);
      }
    },

    completeRegion(profileId, regionId, startStamp) {
      const region = regionOf(profileId, regionId);
      for (const [instanceId, at] of region.stamps) {
        if (at >= startStamp) continue;
        region.stamps.delete(instanceId);
        region.instances.delete(instanceId);
      }
      region.completeAt = stamp++;
    },

    completeKeyListing(profileId, regionId, keyPairId, instanceIds) {
      regionOf(profileId, regionId).keyListings.set(keyPairId, { instanceIds, at: stamp++ });
    },

    invalidateBindings(profileId, regionId) {
      const region = regions.get(keyOf(profileId, regionId));
      if (region === undefined) return;
      region.completeAt = null;
      region.keyListings.clear();
    },

    forget(profileId, regionId, instanceIds) {
      const region = regions.get(keyOf(profileId, regionId));
      if (region === undefined) return;
      for (const instanceId of instanceIds) {
        region.instances.delete(instanceId);
        region.stamps.delete(instanceId);
      }
    },

    instances(profileId, regionId) {
      return regions.get(keyOf(profileId, regionId))?.instances;
    },

    boundTo(profileId, regionId, keyPairId) {
      const region = regions.get(keyOf(profileId, regionId));
      if (region === undefined) return undefined;
      const listing = region.keyListings.get(keyPairId);
      if (listing !== undefined && (region.completeAt === null || listing.at > region.completeAt)) {
        const bound = new Map<string, Instance>();
        for (const instanceId of listing.instanceIds) {
          const instance = region.instances.get(instanceId);
          if (instance !== undefined) bound.set(instanceId, instance);
        }
        return bound;
      }
      if (region.completeAt === null) return undefined;
      const bound = new Map<string, Instance>();
      for (const [instanceId, instance] of region.instances) if (instance.keyPairId === keyPairId) bound.set(instanceId, instance);
      return bound;
    },

    forgetProfile(profileId) {
      for (const key of regions.keys()) if (key.startsWith(`${profileId}/`)) regions.delete(key);
    },
  };
}
