import type { ResourceTag, SimulatedInstance, SimulatedKeyPair } from '../simulator-types';

function tagsJson(tags: readonly ResourceTag[]) {
  return tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
}

/**
 * An instance as DescribeInstances returns it. A few fields the app does not use (SpotStrategy, StoppedMode,
 * DeploymentSetId ...) are included because the real API sends them and clients must ignore what they do not know.
 */
export function instanceJson(instance: Readonly<SimulatedInstance>) {
  const suffix = instance.instanceId.slice(2);
  return {
    InstanceId: instance.instanceId,
    InstanceName: instance.instanceName,
    Description: instance.description,
    HostName: instance.hostName,
    Status: instance.status,
    OsType: instance.osType,
    OsName: instance.osName,
    ImageId: instance.imageId,
    InstanceTypeId: instance.instanceTypeId,
    Cpus: instance.cpus,
    MemorySize: instance.memorySize,
    ZoneId: instance.zoneId,
    VpcId: instance.vpcId,
    KeyPairName: instance.keyPairName,
    KeyPairId: instance.keyPairId,
    ProjectName: instance.projectName,
    InstanceChargeType: instance.instanceChargeType,
    CreatedAt: instance.createdAt,
    UpdatedAt: instance.updatedAt,
    ExpiredAt: instance.expiredAt,
    NetworkInterfaces: [
      {
        NetworkInterfaceId: `eni-${suffix}`,
        PrimaryIpAddress: instance.primaryIpAddress,
        SubnetId: instance.subnetId,
        VpcId: instance.vpcId,
        Type: 'primary',
      },
    ],
    EipAddress: {
      AllocationId: instance.publicIpAddress ? `eip-${suffix}` : '',
      IpAddress: instance.publicIpAddress,
    },
    Tags: tagsJson(instance.tags),
    SpotStrategy: 'NoSpot',
    StoppedMode: '',
    DeploymentSetId: '',
  };
}

export function keyPairJson(keyPair: Readonly<SimulatedKeyPair>) {
  return {
    KeyPairId: keyPair.keyPairId,
    KeyPairName: keyPair.keyPairName,
    Description: keyPair.description,
    FingerPrint: keyPair.fingerPrint,
    CreatedAt: keyPair.createdAt,
    UpdatedAt: keyPair.updatedAt,
    ProjectName: keyPair.projectName,
    Tags: tagsJson(keyPair.tags),
  };
}
