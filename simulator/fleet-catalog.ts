import type { InstanceStatus } from './simulator-types';

/**
 * The realistic vocabulary the fleet generator draws from. Kept apart from the generator so the generator reads
 * as a recipe and this file as data.
 */

/** Regions seen in Volcengine's public docs, with their zones and how much of a fleet usually lives there. */
export const knownRegions: ReadonlyArray<{ regionId: string; zoneIds: readonly string[]; weight: number }> = [
  { regionId: 'cn-beijing', zoneIds: ['cn-beijing-a', 'cn-beijing-b', 'cn-beijing-c'], weight: 35 },
  { regionId: 'cn-shanghai', zoneIds: ['cn-shanghai-a', 'cn-shanghai-b', 'cn-shanghai-c'], weight: 25 },
  { regionId: 'cn-guangzhou', zoneIds: ['cn-guangzhou-a', 'cn-guangzhou-b', 'cn-guangzhou-c'], weight: 20 },
  { regionId: 'cn-hongkong', zoneIds: ['cn-hongkong-a', 'cn-hongkong-b'], weight: 10 },
  { regionId: 'ap-southeast-1', zoneIds: ['ap-southeast-1a', 'ap-southeast-1b'], weight: 10 },
];

export const defaultRegionIds: readonly string[] = knownRegions.map((region) => region.regionId);

/** Mostly RUNNING or STOPPED, as in a real account, with a few in every transitional state. */
export const statusWeights: ReadonlyArray<readonly [InstanceStatus, number]> = [
  ['RUNNING', 72],
  ['STOPPED', 20],
  ['STOPPING', 1.5],
  ['STARTING', 1.5],
  ['REBOOTING', 1],
  ['CREATING', 1],
  ['ERROR', 1],
  ['RESIZING', 0.5],
  ['REBUILDING', 0.5],
  ['DELETING', 1],
];

export const instanceTypes: ReadonlyArray<readonly [{ id: string; cpus: number; memoryMib: number }, number]> = [
  [{ id: 'ecs.g3i.large', cpus: 2, memoryMib: 8192 }, 30],
  [{ id: 'ecs.g3i.xlarge', cpus: 4, memoryMib: 16384 }, 20],
  [{ id: 'ecs.c3i.large', cpus: 2, memoryMib: 4096 }, 15],
  [{ id: 'ecs.c3i.2xlarge', cpus: 8, memoryMib: 16384 }, 10],
  [{ id: 'ecs.r3i.xlarge', cpus: 4, memoryMib: 32768 }, 10],
  [{ id: 'ecs.g1ie.4xlarge', cpus: 16, memoryMib: 65536 }, 5],
  [{ id: 'ecs.e-c1m2.large', cpus: 2, memoryMib: 4096 }, 10],
];

/**
 * Disk types DescribeZones offers in every zone. The simulator has no disks; these only make the answer look like
 * the real one, whose zones list a handful of ESSD and SSD types.
 */
export const volumeTypes: readonly string[] = ['ESSD_PL0', 'ESSD_FlexPL', 'PTSSD'];

export const linuxOsNames: readonly string[] = [
  'Ubuntu 22.04 64 bit',
  'Ubuntu 20.04 64 bit',
  'CentOS 7.9 64 bit',
  'Debian 11.7 64 bit',
  'veLinux 1.0 64 bit',
  'Rocky Linux 9.2 64 bit',
];

export const windowsOsNames: readonly string[] = [
  'Windows Server 2019 Datacenter 64 bit Chinese',
  'Windows Server 2022 Datacenter 64 bit English',
];

export const roles: readonly string[] = ['web', 'api', 'db', 'cache', 'worker', 'batch', 'gateway', 'jump', 'ml', 'etl'];
export const environments: readonly string[] = ['prod', 'staging', 'dev', 'test'];
export const teams: readonly string[] = ['ops', 'payments', 'search', 'growth', 'infra', 'data'];
export const owners: readonly string[] = ['zhang.wei', 'li.na', 'wang.fang', 'chen.jie', 'liu.yang'];

export const projectWeights: ReadonlyArray<readonly [string, number]> = [
  ['default', 60],
  ['web', 15],
  ['data-platform', 15],
  ['ml-training', 10],
];

/** Lowercase letters and digits, the alphabet of Volcengine resource IDs. */
export const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
