import type { KeyPairRef } from '../../../../shared/domain/detachability';
import type { Instance } from '../../../../shared/domain/ecs';
import { rowJudgeOf, type KeyListing, type RowJudge } from '../../../../renderer/src/features/instances/instance-key-listing';

export const deployKey: KeyPairRef = { keyPairId: 'kp-deploy', keyPairName: 'deploy' };
export const otherKey: KeyPairRef = { keyPairId: 'kp-other', keyPairName: 'other' };

/** A detachable Linux instance bound to `deployKey`, changed by `overrides`. */
export function instance(overrides: Partial<Instance> & { instanceId: string }): Instance {
  return {
    instanceName: overrides.instanceId,
    description: '',
    status: 'RUNNING',
    osType: 'Linux',
    osName: 'Ubuntu 22.04',
    keyPairName: deployKey.keyPairName,
    keyPairId: deployKey.keyPairId,
    zoneId: 'cn-beijing-a',
    vpcId: 'vpc-1',
    privateIp: '10.0.0.1',
    publicIp: null,
    tags: [],
    instanceTypeId: 'ecs.g1.large',
    cpus: 2,
    memorySizeMiB: 4096,
    imageId: 'image-1',
    hostName: 'host',
    projectName: 'default',
    createdAt: null,
    expiredAt: null,
    ...overrides,
  };
}

const statuses = ['RUNNING', 'STOPPED', 'STARTING', 'ERROR'];
const zones = ['cn-beijing-a', 'cn-beijing-b', 'cn-beijing-c'];

/** `count` varied instances, deterministic: the same index always gives the same instance. */
export function generatedInstances(count: number): Instance[] {
  return Array.from({ length: count }, (_unused, index) =>
    instance({
      instanceId: `i-${index.toString(36).padStart(6, '0')}`,
      instanceName: `web-${index}`,
      status: statuses[index % statuses.length]!,
      osType: index % 10 === 0 ? 'Windows' : 'Linux',
      zoneId: zones[index % zones.length]!,
      keyPairName: index % 7 === 0 ? null : index % 2 === 0 ? 'deploy' : 'other',
      keyPairId: index % 7 === 0 ? null : index % 2 === 0 ? 'kp-deploy' : 'kp-other',
      privateIp: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
      publicIp: index % 3 === 0 ? `203.0.113.${index % 256}` : null,
      tags: [
        { key: 'env', value: index % 2 === 0 ? 'prod' : 'test' },
        { key: 'team', value: `team-${index % 5}` },
      ],
    }),
  );
}

/** Whether an instance's own data says it is bound to `keyPair` (by ID, else by name). */
export function boundByData(item: Instance, keyPair: KeyPairRef): boolean {
  return item.keyPairId !== null ? item.keyPairId === keyPair.keyPairId : item.keyPairName === keyPair.keyPairName;
}

/** The complete key-pair-scoped listing Volcengine would return for `keyPair` over `instances`. */
export function completeListing(keyPair: KeyPairRef, instances: readonly Instance[]): KeyListing {
  return { keyPairId: keyPair.keyPairId, state: 'complete', boundIds: new Set(instances.filter((item) => boundByData(item, keyPair)).map((item) => item.instanceId)) };
}

/** Judges rows for `keyPair` with its complete listing over `instances` (null: no key pair chosen). */
export function judgeFor(keyPair: KeyPairRef | null, instances: readonly Instance[]): RowJudge {
  return rowJudgeOf(keyPair, keyPair === null ? null : completeListing(keyPair, instances));
}
