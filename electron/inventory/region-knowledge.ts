import type { KeyPairRef } from '../../shared/domain/detachability';
import type { Instance, InstanceOutcome } from '../../shared/domain/ecs';

/**
 * What main itself has read from Volcengine about each region's instances: the only thing plans are checked
 * against (never what the renderer says an instance is, never the copy on disk). Every write carries a stamp, a
 * counter that only grows, so "everything read since this listing began" is one comparison. What main changed
 * itself counts too: a detach that succeeded leaves its instance without a key pair here at once (an attach, with
 * the attached key), so the next plan never offers an instance whose key is already gone.
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
  /**
   * A complete listing of one key pair's instances (by its ID), begun at `startStamp`: exactly these are bound to it
   * now. Ignored when a change began or ended in the region while it ran (what it read may predate the change).
   */
  completeKeyListing(profileId: string, regionId: string, keyPairId: string, instanceIds: ReadonlySet<string>, startStamp: number): void;
  /**
   * A detach (or an attach of `attaching`) begins on these instances: which key they carry is in doubt, and no
   * binding of their key (nor of the key being attached) is known whole, until it ends.
   */
  changing(profileId: string, regionId: string, instanceIds: readonly string[], attaching?: KeyPairRef): void;
  /**
   * The detach ended (or a re-check settled some of it): a success leaves its instance without a key pair (with
   * `attached` for an attach); a failure or an unsent request leaves it as it was; an unknown outcome stays in doubt
   * until the instance is read again.
   */
  changed(profileId: string, regionId: string, outcomes: readonly InstanceOutcome[], attached?: KeyPairRef): void;
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
  /** The stamp of the last complete region listing still valid for bindings; null when none is. */
  completeAt: number | null;
  keyListings: Map<string, { instanceIds: ReadonlySet<string>; at: number }>;
  /** Instances whose key pair is in doubt: being changed, or changed with an unknown outcome. */
  inDoubt: Map<string, 'changing' | 'unknown'>;
  /** Of those, the ones an attach may have put a key on, with that key's ID. */
  attaching: Map<string, string>;
  /** The stamp of the last time a change began or ended here: a listing begun before it may have read too early. */
  changedAt: number;
}

export function createRegionKnowledge(): RegionKnowledge {
  const regions = new Map<string, Region>();
  let stamp = 1;
  const keyOf = (profileId: string, regionId: string) => `${profileId}/${regionId}`;
  const regionOf = (profileId: string, regionId: string): Region => {
    const key = keyOf(profileId, regionId);
    let region = regions.get(key);
    if (region === undefined) {
      region = { instances: new Map(), stamps: new Map(), completeAt: null, keyListings: new Map(), inDoubt: new Map(), attaching: new Map(), changedAt: 0 };
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
        // Read after its key's listing, with that key: bound to it now (an attach, by the app or anyone else).
        const listing = instance.keyPairId === null ? undefined : region.keyListings.get(instance.keyPairId);
        if (listing !== undefined && !listing.instanceIds.has(instance.instanceId)) listing.instanceIds = new Set([...listing.instanceIds, instance.instanceId]);
        // Read after its change ended: what it carries is known again.
        if (region.inDoubt.get(instance.instanceId) === 'unknown') {
          region.inDoubt.delete(instance.instanceId);
          region.attaching.delete(instance.instanceId);
        }
      }
    },

    completeRegion(profileId, regionId, startStamp) {
      const region = regionOf(profileId, regionId);
      for (const [instanceId, at] of region.stamps) {
        if (at >= startStamp) continue;
        region.stamps.delete(instanceId);
        region.instances.delete(instanceId);
      }
      if (startStamp > region.changedAt) region.completeAt = stamp++;
    },

    completeKeyListing(profileId, regionId, keyPairId, instanceIds, startStamp) {
      const region = regionOf(profileId, regionId);
      if (startStamp <= region.changedAt) return;
      region.keyListings.set(keyPairId, { instanceIds, at: stamp++ });
      // An instance whose detach from this key pair ended unknown, and that the listing no longer has: it happened.
      for (const [instanceId, doubt] of region.inDoubt) {
        const instance = region.instances.get(instanceId);
        // An attach in doubt may have put another key on instead: only a read of the instance tells.
        if (doubt !== 'unknown' || region.attaching.has(instanceId) || instance?.keyPairId !== keyPairId || instanceIds.has(instanceId)) continue;
        region.instances.set(instanceId, { ...instance, keyPairId: null, keyPairName: null });
        region.inDoubt.delete(instanceId);
      }
    },

    changing(profileId, regionId, instanceIds, attaching) {
      const region = regionOf(profileId, regionId);
      for (const instanceId of instanceIds) {
        region.inDoubt.set(instanceId, 'changing');
        if (attaching !== undefined) region.attaching.set(instanceId, attaching.keyPairId);
      }
      region.changedAt = stamp++;
    },

    changed(profileId, regionId, outcomes, attached) {
      const region = regionOf(profileId, regionId);
      const at = stamp++;
      for (const outcome of outcomes) {
        if (outcome.status === 'unknown') {
          region.inDoubt.set(outcome.instanceId, 'unknown');
          if (attached !== undefined) region.attaching.set(outcome.instanceId, attached.keyPairId);
          continue;
        }
        region.inDoubt.delete(outcome.instanceId);
        region.attaching.delete(outcome.instanceId);
        const instance = region.instances.get(outcome.instanceId);
        if (outcome.status !== 'succeeded' || instance === undefined) continue;
        const key = attached === undefined ? { keyPairId: null, keyPairName: null } : { keyPairId: attached.keyPairId, keyPairName: attached.keyPairName };
        region.instances.set(outcome.instanceId, { ...instance, ...key });
        // The attached key's own listing, if any, now has this instance too (it was read before the attach).
        const listing = attached === undefined ? undefined : region.keyListings.get(attached.keyPairId);
        if (listing !== undefined) listing.instanceIds = new Set([...listing.instanceIds, outcome.instanceId]);
        region.stamps.set(outcome.instanceId, at);
      }
      region.changedAt = at;
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
      // An instance in doubt may or may not still carry this key: its bindings are not known whole until it is read again.
      for (const instanceId of region.inDoubt.keys()) {
        if (region.instances.get(instanceId)?.keyPairId === keyPairId || region.attaching.get(instanceId) === keyPairId) return undefined;
      }
      const listing = region.keyListings.get(keyPairId);
      if (listing !== undefined && (region.completeAt === null || listing.at > region.completeAt)) {
        const bound = new Map<string, Instance>();
        for (const instanceId of listing.instanceIds) {
          const instance = region.instances.get(instanceId);
          // Every record is at least as new as the listing; one changed since (a detach that succeeded) says so.
          if (instance?.keyPairId === keyPairId) bound.set(instanceId, instance);
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
