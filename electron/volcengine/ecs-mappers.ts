import type { Instance, KeyPair, Tag } from '../../shared/domain/ecs';
import type { WireInstance, WireKeyPair } from './ecs-wire-schemas';
import { parseLenientTimestamp } from './lenient-timestamp';

/*
 * Wire shapes to the app's domain shapes. Texts are clipped to the bounds of the domain schemas, so an
 * oversized description cannot make a whole list fail validation when it crosses IPC.
 */

function clip(value: string | undefined, max: number): string {
  return (value ?? '').slice(0, max);
}

/** Volcengine sends "" for "none"; the app says null. */
function orNull(value: string | undefined, max: number): string | null {
  return value === undefined || value === '' ? null : value.slice(0, max);
}

function mapTags(tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | null | undefined): Tag[] {
  return (tags ?? [])
    .filter((tag) => tag.Key !== undefined && tag.Key !== '')
    .slice(0, 200)
    .map((tag) => ({ key: clip(tag.Key, 256), value: clip(tag.Value, 256) }));
}

function countOrNull(value: number | undefined, integer: boolean): number | null {
  if (value === undefined || !Number.isFinite(value) || value < 0) return null;
  return integer ? Math.round(value) : value;
}

/** The primary interface carries the instance's private IP; the first is the best guess when none says so. */
function privateIpOf(instance: WireInstance): string | null {
  const interfaces = instance.NetworkInterfaces ?? [];
  const primary = interfaces.find((networkInterface) => networkInterface.Type === 'primary') ?? interfaces[0];
  return orNull(primary?.PrimaryIpAddress, 64);
}

export function toInstance(wire: WireInstance): Instance {
  return {
    instanceId: clip(wire.InstanceId, 128),
    instanceName: clip(wire.InstanceName, 256),
    description: clip(wire.Description, 2000),
    status: clip(wire.Status, 64),
    osType: clip(wire.OsType, 64),
    osName: clip(wire.OsName, 256),
    keyPairName: orNull(wire.KeyPairName, 256),
    keyPairId: orNull(wire.KeyPairId, 256),
    zoneId: clip(wire.ZoneId, 64),
    vpcId: clip(wire.VpcId, 128),
    privateIp: privateIpOf(wire),
    publicIp: orNull(wire.EipAddress?.IpAddress, 64),
    tags: mapTags(wire.Tags),
    instanceTypeId: clip(wire.InstanceTypeId, 128),
    cpus: countOrNull(wire.Cpus, true),
    memorySizeMiB: countOrNull(wire.MemorySize, false),
    imageId: clip(wire.ImageId, 128),
    hostName: clip(wire.HostName === undefined || wire.HostName === '' ? wire.Hostname : wire.HostName, 256),
    projectName: clip(wire.ProjectName, 256),
    createdAt: parseLenientTimestamp(wire.CreatedAt),
    expiredAt: parseLenientTimestamp(wire.ExpiredAt),
  };
}

export function toKeyPair(wire: WireKeyPair): KeyPair {
  return {
    keyPairId: clip(wire.KeyPairId, 256),
    keyPairName: clip(wire.KeyPairName, 256),
    description: clip(wire.Description, 2000),
    fingerprint: clip(wire.FingerPrint, 256),
    projectName: clip(wire.ProjectName, 256),
    tags: mapTags(wire.Tags),
    createdAt: parseLenientTimestamp(wire.CreatedAt),
    updatedAt: parseLenientTimestamp(wire.UpdatedAt),
  };
}
