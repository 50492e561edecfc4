import { makeInstance, makeKeyPair } from '../../../../simulator/fleet-builders';
import type { FleetDefinition } from '../../../../simulator/simulator-types';

/** The key every instance of the matrix is bound to, so a detach plan takes them all. */
export const matrixKey = { keyPairId: 'kp-matrix000000000001', keyPairName: 'matrix-key' };
/** A key no instance has, so an attach plan takes them all (each a rotation over `matrixKey`). */
export const matrixAttachKey = { keyPairId: 'kp-matrix000000000002', keyPairName: 'matrix-attach-key' };

export interface MatrixRegion {
  regionId: string;
  instances: number;
}

/** Instance IDs of a matrix region, unique across regions and sorted as made. */
export function matrixInstanceIds(regionIndex: number, count: number): string[] {
  return Array.from({ length: count }, (_, index) => `i-mx${regionIndex}${String(index).padStart(10, '0')}`);
}

/**
 * An account where every instance can take every action of the matrix: RUNNING Linux with the reset agent, bound to
 * `matrixKey`. Whatever fails in a cell fails because of the fault, not because an instance was ineligible.
 */
export function buildMatrixFleet(regions: readonly MatrixRegion[]): FleetDefinition {
  return {
    regions: regions.map(({ regionId, instances }, regionIndex) => ({
      regionId,
      zoneIds: [`${regionId}-a`],
      instances: matrixInstanceIds(regionIndex, instances).map((instanceId, index) =>
        makeInstance({
          instanceId,
          ...matrixKey,
          zoneId: `${regionId}-a`,
          primaryIpAddress: `10.${regionIndex}.${Math.floor(index / 250)}.${(index % 250) + 2}`,
        }),
      ),
      keyPairs: [makeKeyPair(matrixKey), makeKeyPair(matrixAttachKey)],
    })),
  };
}
