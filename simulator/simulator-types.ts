/**
 * The simulator's model of an ECS account: regions, their zones, instances and key pairs. Fields are camelCase
 * here and are turned into the API's PascalCase JSON only when answering, so the state stays typed and the wire
 * format lives in one place (the serializers under actions/).
 */

import { knownInstanceStatuses } from '../shared/domain/ecs';

/** The statuses of the spec: the simulator's instances are only ever in one of these. */
export const instanceStatuses = knownInstanceStatuses;

export type InstanceStatus = (typeof instanceStatuses)[number];

export type OsType = 'Linux' | 'Windows';

export type InstanceChargeType = 'PostPaid' | 'PrePaid';

export interface ResourceTag {
  readonly key: string;
  readonly value: string;
}

export interface SimulatedInstance {
  readonly instanceId: string;
  instanceName: string;
  description: string;
  status: InstanceStatus;
  osType: OsType;
  osName: string;
  /** The password-reset agent; not visible through the API, but DetachKeyPair/AttachKeyPair need it on Linux. */
  hasResetAgent: boolean;
  /** Empty when no key pair is bound, as the API reports it. */
  keyPairName: string;
  keyPairId: string;
  zoneId: string;
  vpcId: string;
  subnetId: string;
  primaryIpAddress: string;
  /** Empty when the instance has no EIP. */
  publicIpAddress: string;
  tags: readonly ResourceTag[];
  instanceTypeId: string;
  cpus: number;
  /** In MiB, as the API reports it. */
  memorySize: number;
  imageId: string;
  hostName: string;
  projectName: string;
  instanceChargeType: InstanceChargeType;
  createdAt: string;
  updatedAt: string;
  /** Empty for pay-as-you-go instances. */
  expiredAt: string;
}

export interface SimulatedKeyPair {
  readonly keyPairId: string;
  keyPairName: string;
  description: string;
  fingerPrint: string;
  createdAt: string;
  updatedAt: string;
  projectName: string;
  tags: readonly ResourceTag[];
}

export interface RegionDefinition {
  readonly regionId: string;
  readonly zoneIds: readonly string[];
  readonly instances: readonly SimulatedInstance[];
  readonly keyPairs: readonly SimulatedKeyPair[];
}

/** A whole account; instance IDs are unique across regions, as in the real service. */
export interface FleetDefinition {
  readonly regions: readonly RegionDefinition[];
}

/** An accepted access key; with `sessionToken` it is a temporary (STS) credential and requests must carry it. */
export interface SimulatorCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}
