import type { SimulatedInstance, SimulatedKeyPair } from './simulator-types';

/**
 * Hand-made fleets for tests that need an instance in one exact state (Windows, no agent, STOPPING ...). Defaults
 * describe an ordinary RUNNING Linux instance with the reset agent and no key pair.
 */
export function makeInstance(overrides: Partial<SimulatedInstance> & { instanceId: string }): SimulatedInstance {
  return {
    instanceName: overrides.instanceId,
    description: '',
    status: 'RUNNING',
    osType: 'Linux',
    osName: 'Ubuntu 22.04 64 bit',
    hasResetAgent: true,
    keyPairName: '',
    keyPairId: '',
    zoneId: 'cn-beijing-a',
    vpcId: 'vpc-simulatorvpc000000001',
    subnetId: 'subnet-simulatorsubnet00001',
    primaryIpAddress: '172.16.0.2',
    publicIpAddress: '',
    tags: [],
    instanceTypeId: 'ecs.g3i.large',
    cpus: 2,
    memorySize: 8192,
    imageId: 'image-simulatorimage0000001',
    hostName: `iv-${overrides.instanceId.slice(2, 14)}`,
    projectName: 'default',
    instanceChargeType: 'PostPaid',
    createdAt: '2024-01-02T03:04:05+08:00',
    updatedAt: '2024-01-02T03:04:05+08:00',
    expiredAt: '',
    ...overrides,
  };
}

export function makeKeyPair(
  overrides: Partial<SimulatedKeyPair> & { keyPairId: string; keyPairName: string },
): SimulatedKeyPair {
  return {
    description: '',
    fingerPrint: '00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff',
    createdAt: '2024-01-02T03:04:05Z',
    updatedAt: '2024-01-02T03:04:05Z',
    projectName: 'default',
    tags: [],
    ...overrides,
  };
}
