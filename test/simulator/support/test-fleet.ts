import { makeInstance, makeKeyPair } from '../../../simulator/fleet-builders';
import type { FleetDefinition } from '../../../simulator/simulator-types';

export const testCredentials = { accessKeyId: 'AKLTsimulatortest', secretAccessKey: 'simulator-secret==' } as const;
export const stsCredentials = {
  accessKeyId: 'STSsimulatortest',
  secretAccessKey: 'sts-secret==',
  sessionToken: 'sts-session-token-1',
} as const;

export const opsKey = makeKeyPair({ keyPairId: 'kp-opsopsopsopsopsopsop', keyPairName: 'ops-key' });
export const devKey = makeKeyPair({ keyPairId: 'kp-devdevdevdevdevdevde', keyPairName: 'dev-key' });

/** One instance per state a DetachKeyPair rule is about, in cn-beijing, plus a bound one in cn-shanghai. */
export const ids = {
  boundRunning: 'i-boundrunning00000001',
  boundStopped: 'i-boundstopped00000002',
  boundToDev: 'i-boundtodev0000000003',
  unbound: 'i-unbound0000000000004',
  windows: 'i-windows0000000000005',
  noAgent: 'i-noagent0000000000006',
  stopping: 'i-stopping000000000007',
  inShanghai: 'i-inshanghai0000000008',
  missing: 'i-doesnotexist00000009',
} as const;

export function createTestFleet(): FleetDefinition {
  const bound = { keyPairId: opsKey.keyPairId, keyPairName: opsKey.keyPairName };
  return {
    regions: [
      {
        regionId: 'cn-beijing',
        zoneIds: ['cn-beijing-a', 'cn-beijing-b'],
        keyPairs: [opsKey, devKey],
        instances: [
          makeInstance({ instanceId: ids.boundRunning, ...bound }),
          makeInstance({ instanceId: ids.boundStopped, status: 'STOPPED', ...bound }),
          makeInstance({ instanceId: ids.boundToDev, keyPairId: devKey.keyPairId, keyPairName: devKey.keyPairName }),
          makeInstance({ instanceId: ids.unbound }),
          makeInstance({ instanceId: ids.windows, osType: 'Windows', osName: 'Windows Server 2022' }),
          makeInstance({ instanceId: ids.noAgent, hasResetAgent: false, ...bound }),
          makeInstance({ instanceId: ids.stopping, status: 'STOPPING', ...bound }),
        ],
      },
      {
        regionId: 'cn-shanghai',
        zoneIds: ['cn-shanghai-a'],
        keyPairs: [opsKey],
        instances: [makeInstance({ instanceId: ids.inShanghai, zoneId: 'cn-shanghai-a', ...bound })],
      },
    ],
  };
}
