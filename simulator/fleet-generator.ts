import {
  defaultRegionIds,
  environments,
  idAlphabet,
  instanceTypes,
  knownRegions,
  linuxOsNames,
  owners,
  projectWeights,
  roles,
  statusWeights,
  teams,
  windowsOsNames,
} from './fleet-catalog';
import { beijingTimestamp, utcTimestamp } from './fleet-timestamps';
import { createSeededRandom } from './seeded-random';
import type { SeededRandom } from './seeded-random';
import { checkZoneWeights, createZonePicker, zoneIdsFor } from './zone-layout';
import type {
  FleetDefinition,
  RegionDefinition,
  ResourceTag,
  SimulatedInstance,
  SimulatedKeyPair,
} from './simulator-types';

export interface GenerateFleetOptions {
  readonly seed: number;
  /** How many instances in total, spread over the regions by weight. */
  readonly instances: number;
  /** Region IDs; unknown ones get zones `<region>-a` and `<region>-b`. Defaults to five public regions. */
  readonly regions?: readonly string[] | undefined;
  /**
   * Relative weights (>= 0, at least one positive), one per zone: every region then has exactly this many zones
   * (see zone-layout.ts for their names) and each instance's zone is drawn by weight, so a 0 gives an empty zone.
   * Absent: each region keeps its catalogue zones and instances spread evenly, the fleet existing seeds pin.
   */
  readonly zoneWeights?: readonly number[] | undefined;
}

const windowsShare = 0.12;
const linuxWithoutAgentShare = 0.05;
const linuxWithKeyShare = 0.85;
const eipShare = 0.7;
const prePaidShare = 0.2;
const vpcsPerRegion = 3;
/** Fleet timestamps fall between these, so a seed gives the same dates whatever day it runs. */
const earliestCreation = Date.UTC(2021, 0, 1);
const latestCreation = Date.UTC(2025, 5, 1);
function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function createUniqueIds(random: SeededRandom) {
  const used = new Set<string>();
  return (prefix: string): string => {
    for (;;) {
      const id = `${prefix}${random.string(idAlphabet, 20)}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

function fingerPrint(random: SeededRandom): string {
  const bytes: string[] = [];
  for (let index = 0; index < 16; index += 1) bytes.push(random.int(0, 255).toString(16).padStart(2, '0'));
  return bytes.join(':');
}

function catalogueZonesOf(regionId: string): readonly string[] | undefined {
  return knownRegions.find((region) => region.regionId === regionId)?.zoneIds;
}

function weightOf(regionId: string): number {
  return knownRegions.find((region) => region.regionId === regionId)?.weight ?? 10;
}

function generateKeyPairs(
  random: SeededRandom,
  newId: (prefix: string) => string,
  regionIndex: number,
  count: number,
): SimulatedKeyPair[] {
  const keyPairs: SimulatedKeyPair[] = [];
  for (let index = 0; index < count; index += 1) {
    const team = random.pick(teams);
    const environment = random.pick(environments);
    // One non-ASCII name per region exercises query encoding end to end.
    const keyPairName = index === 4 ? `运维密钥-${regionIndex}` : `${team}-${environment}-${pad(index + 1, 2)}`;
    const created = random.int(earliestCreation, latestCreation);
    keyPairs.push({
      keyPairId: newId('kp-'),
      keyPairName,
      description: random.chance(0.5) ? `${team} ${environment} access` : '',
      fingerPrint: fingerPrint(random),
      createdAt: utcTimestamp(created),
      updatedAt: utcTimestamp(created + random.int(0, 90) * 86_400_000),
      projectName: random.chance(0.8) ? 'default' : random.weighted(projectWeights),
      tags: [{ key: 'team', value: team }],
    });
  }
  return keyPairs;
}

function instanceName(random: SeededRandom, role: string, environment: string, serial: number): string {
  // A few names carry Chinese characters or spaces, as real consoles allow, to exercise encoding and fuzzy search.
  if (random.chance(0.02)) return `测试服务器-${pad(serial, 4)}`;
  if (random.chance(0.01)) return `legacy box ${pad(serial, 4)}`;
  return `${role}-${environment}-${pad(serial, 4)}`;
}

function instanceTags(random: SeededRandom, environment: string, team: string): ResourceTag[] {
  if (random.chance(0.1)) return [];
  const tags: ResourceTag[] = [
    { key: 'env', value: environment },
    { key: 'team', value: team },
  ];
  if (random.chance(0.3)) tags.push({ key: 'owner', value: random.pick(owners) });
  return tags;
}

interface RegionContext {
  readonly regionId: string;
  readonly regionIndex: number;
  readonly zoneIds: readonly string[];
  readonly pickZone: () => string;
  readonly keyPairs: readonly SimulatedKeyPair[];
  readonly vpcIds: readonly string[];
  /** `${vpcIndex}/${zoneId}` -> subnet ID */
  readonly subnets: ReadonlyMap<string, string>;
  readonly linuxImages: readonly string[];
  readonly windowsImages: readonly string[];
}

interface AddressCounters {
  privateByVpc: number[];
  publicCount: number;
}

function generateInstance(
  random: SeededRandom,
  newId: (prefix: string) => string,
  region: RegionContext,
  serial: number,
  counters: AddressCounters,
): SimulatedInstance {
  const instanceId = newId('i-');
  const role = random.pick(roles);
  const environment = random.pick(environments);
  const team = random.pick(teams);
  const isWindows = random.chance(windowsShare);
  const osIndex = random.int(0, (isWindows ? windowsOsNames : linuxOsNames).length - 1);
  const hasResetAgent = isWindows || !random.chance(linuxWithoutAgentShare);
  const keyPair = !isWindows && random.chance(linuxWithKeyShare) ? random.pick(region.keyPairs) : undefined;
  const zoneId = region.pickZone();
  const vpcIndex = random.int(0, region.vpcIds.length - 1);
  const hostsInVpc = (counters.privateByVpc[vpcIndex] ?? 0) + 1;
  counters.privateByVpc[vpcIndex] = hostsInVpc;
  // .0 and .1 of a subnet are the network and the gateway.
  const hostSerial = hostsInVpc + 1;
  const hasEip = random.chance(eipShare);
  if (hasEip) counters.publicCount += 1;
  const publicSerial = counters.publicCount;
  const type = random.weighted(instanceTypes);
  const created = random.int(earliestCreation, latestCreation);
  const isPrePaid = random.chance(prePaidShare);
  return {
    instanceId,
    instanceName: instanceName(random, role, environment, serial),
    description: random.chance(0.5) ? `${role} node for ${team}` : '',
    status: random.weighted(statusWeights),
    osType: isWindows ? 'Windows' : 'Linux',
    osName: (isWindows ? windowsOsNames : linuxOsNames)[osIndex] ?? '',
    hasResetAgent,
    keyPairName: keyPair?.keyPairName ?? '',
    keyPairId: keyPair?.keyPairId ?? '',
    zoneId,
    vpcId: region.vpcIds[vpcIndex] ?? '',
    subnetId: region.subnets.get(`${vpcIndex}/${zoneId}`) ?? '',
    primaryIpAddress: `172.${16 + vpcIndex}.${(hostSerial >> 8) & 255}.${hostSerial & 255}`,
    publicIpAddress: hasEip
      ? `101.${126 + region.regionIndex * 4 + ((publicSerial >> 16) & 3)}.${(publicSerial >> 8) & 255}.${publicSerial & 255}`
      : '',
    tags: instanceTags(random, environment, team),
    instanceTypeId: type.id,
    cpus: type.cpus,
    memorySize: type.memoryMib,
    imageId: (isWindows ? region.windowsImages : region.linuxImages)[osIndex] ?? '',
    hostName: `iv-${instanceId.slice(2, 14)}`,
    projectName: random.weighted(projectWeights),
    instanceChargeType: isPrePaid ? 'PrePaid' : 'PostPaid',
    createdAt: beijingTimestamp(created),
    updatedAt: beijingTimestamp(created + random.int(0, 200) * 86_400_000),
    expiredAt: isPrePaid ? beijingTimestamp(created + random.int(1, 3) * 365 * 86_400_000) : '',
  };
}

function generateRegion(
  random: SeededRandom,
  newId: (prefix: string) => string,
  regionId: string,
  regionIndex: number,
  instanceCount: number,
  zoneWeights: readonly number[] | undefined,
): RegionDefinition {
  const catalogueZoneIds = catalogueZonesOf(regionId);
  const zoneIds = zoneWeights
    ? zoneIdsFor(regionId, catalogueZoneIds ?? [], zoneWeights.length)
    : (catalogueZoneIds ?? [`${regionId}-a`, `${regionId}-b`]);
  // Without weights the draw stays random.pick, exactly as before, so existing seeds give the same fleet.
  const pickZone = zoneWeights ? createZonePicker(random, zoneIds, zoneWeights) : () => random.pick(zoneIds);
  const keyPairs = generateKeyPairs(random, newId, regionIndex, Math.min(40, Math.max(5, Math.ceil(instanceCount / 300))));
  const vpcIds = Array.from({ length: vpcsPerRegion }, () => newId('vpc-'));
  const subnets = new Map<string, string>();
  vpcIds.forEach((_vpcId, vpcIndex) => {
    for (const zoneId of zoneIds) subnets.set(`${vpcIndex}/${zoneId}`, newId('subnet-'));
  });
  const region: RegionContext = {
    regionId,
    regionIndex,
    zoneIds,
    pickZone,
    keyPairs,
    vpcIds,
    subnets,
    linuxImages: linuxOsNames.map(() => newId('image-')),
    windowsImages: windowsOsNames.map(() => newId('image-')),
  };
  const counters: AddressCounters = { privateByVpc: [], publicCount: 0 };
  const instances: SimulatedInstance[] = [];
  for (let serial = 1; serial <= instanceCount; serial += 1) {
    instances.push(generateInstance(random, newId, region, serial, counters));
  }
  return { regionId, zoneIds, instances, keyPairs };
}

/**
 * A realistic, deterministic account: the same seed and options give the same fleet, byte for byte. Instances
 * are spread over the regions by weight; most are Linux with a bound key pair, some are Windows (no key pairs),
 * a few Linux ones lack the reset agent, and statuses are mostly RUNNING/STOPPED.
 */
export function generateFleet(options: GenerateFleetOptions): FleetDefinition {
  if (!Number.isSafeInteger(options.instances) || options.instances < 0) {
    throw new RangeError('instances must be a non-negative integer');
  }
  const regionIds = options.regions ?? defaultRegionIds;
  if (regionIds.length === 0) throw new RangeError('a fleet needs at least one region');
  if (options.zoneWeights) checkZoneWeights(options.zoneWeights);
  const random = createSeededRandom(options.seed);
  const newId = createUniqueIds(random);
  const weights = regionIds.map((regionId, index) => [index, weightOf(regionId)] as const);
  const counts = regionIds.map(() => 0);
  for (let index = 0; index < options.instances; index += 1) {
    const regionIndex = random.weighted(weights);
    counts[regionIndex] = (counts[regionIndex] ?? 0) + 1;
  }
  return {
    regions: regionIds.map((regionId, regionIndex) =>
      generateRegion(random, newId, regionId, regionIndex, counts[regionIndex] ?? 0, options.zoneWeights),
    ),
  };
}
