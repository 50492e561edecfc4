import { makeInstance, makeKeyPair } from '../../../../simulator/fleet-builders';
import type { FleetDefinition, SimulatedInstance } from '../../../../simulator/simulator-types';

export const opsKey = { keyPairId: 'kp-ops0000000000001', keyPairName: 'ops-key' };
export const spareKey = { keyPairId: 'kp-spare00000000002', keyPairName: 'spare-key' };

/** `i-` and a zero-padded number, so IDs sort the way they were made. */
export function instanceId(index: number): string {
  return `i-test${String(index).padStart(12, '0')}`;
}

export function instanceIds(count: number, from = 0): string[] {
  return Array.from({ length: count }, (_, offset) => instanceId(from + offset));
}

export interface FleetShape {
  /** Linux instances with the agent, RUNNING, bound to `opsKey`. */
  boundLinux: number;
  /** Extra key pairs beyond opsKey and spareKey, to make key pair listing span pages. */
  extraKeyPairs?: number;
  /** Extra empty regions beyond cn-beijing and cn-shanghai, to make region listing span pages. */
  extraRegions?: number;
  /** Instances in a particular state, added after the bound Linux ones. */
  special?: SimulatedInstance[];
}

/** An account with a known shape for the client's integration tests. */
export function buildFleet(shape: FleetShape): FleetDefinition {
  const bound = instanceIds(shape.boundLinux).map((id, index) =>
    makeInstance({
      instanceId: id,
      ...opsKey,
      primaryIpAddress: `172.16.${Math.floor(index / 250)}.${(index % 250) + 2}`,
      publicIpAddress: index % 2 === 0 ? `101.0.0.${(index % 250) + 1}` : '',
      tags: [{ key: 'env', value: index % 3 === 0 ? 'prod' : 'dev' }],
    }),
  );
  const keyPairs = [
    makeKeyPair(opsKey),
    makeKeyPair(spareKey),
    ...Array.from({ length: shape.extraKeyPairs ?? 0 }, (_, index) =>
      makeKeyPair({ keyPairId: `kp-extra${String(index).padStart(11, '0')}`, keyPairName: `extra-${index}` }),
    ),
  ];
  const extraRegions = Array.from({ length: shape.extraRegions ?? 0 }, (_, index) => ({
    regionId: `test-region-${index}`,
    zoneIds: [`test-region-${index}-a`],
    instances: [],
    keyPairs: [],
  }));
  return {
    regions: [
      { regionId: 'cn-beijing', zoneIds: ['cn-beijing-a', 'cn-beijing-b'], instances: [...bound, ...(shape.special ?? [])], keyPairs },
      {
        regionId: 'cn-shanghai',
        zoneIds: ['cn-shanghai-a'],
        instances: [makeInstance({ instanceId: 'i-shanghai00000001', zoneId: 'cn-shanghai-a' })],
        keyPairs: [makeKeyPair(opsKey)],
      },
      ...extraRegions,
    ],
  };
}

export { makeInstance };
