import { makeKeyPair } from './fleet-builders';
import type { FleetState } from './fleet-state';

export interface SharedKeyPairOptions {
  keyPairName: string;
  /** How many Linux instances of each region get the key (the first ones in the region's order). */
  instancesPerRegion: number;
  /** The regions that hold the key; every region of the fleet when absent. */
  regionIds?: readonly string[] | undefined;
  /**
   * Goes into every key pair ID, so fleets standing for different accounts (a sweep across accounts) get different
   * IDs under the same name, as Volcengine's are unique; `shared` when absent.
   */
  idTag?: string | undefined;
}

/**
 * The sweep's scenario, set up in a generated fleet: one key pair name imported into several regions (each with
 * its own regional ID, as Volcengine does) and bound to Linux instances there, whatever their status, so a sweep
 * meets both instances it can detach and ones it must leave out. Deterministic: no randomness is used.
 * Returns the instance IDs given the key, by region.
 */
export function bindSharedKeyPair(fleet: FleetState, options: SharedKeyPairOptions): Map<string, string[]> {
  const bound = new Map<string, string[]>();
  for (const regionId of options.regionIds ?? fleet.regionIds()) {
    const region = fleet.region(regionId);
    if (region === undefined) throw new RangeError(`the fleet has no region ${regionId}`);
    const keyPairId = `kp-${options.idTag ?? 'shared'}${String(bound.size + 1).padStart(3, '0')}${regionId.replace(/[^a-z0-9]/g, '')}`.slice(0, 24);
    fleet.addKeyPair(regionId, makeKeyPair({ keyPairId, keyPairName: options.keyPairName, description: 'shared across regions' }));
    const chosen = region.instances.filter((instance) => instance.osType === 'Linux').slice(0, options.instancesPerRegion);
    for (const instance of chosen) fleet.updateInstance(instance.instanceId, { keyPairId, keyPairName: options.keyPairName });
    bound.set(regionId, chosen.map((instance) => instance.instanceId));
  }
  return bound;
}
