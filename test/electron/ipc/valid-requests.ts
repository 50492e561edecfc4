import type { InvokeChannel, } from '../../../shared/ipc/channel-names';
import type { RequestOf } from '../../../shared/ipc/contract';

/**
 * One well-formed request per channel, the seed the fuzzer mutates: a payload one step away from valid is where a
 * schema's holes would be. Typed against the contract, so a new channel cannot be left out.
 */
export const validRequests: { [C in InvokeChannel]: RequestOf<C> } = {
  'app.getInfo': undefined,
  'settings.get': undefined,
  'settings.update': { language: 'zh-CN', theme: 'dark', proxy: { mode: 'custom', url: 'http://proxy.example:3128' }, requestConcurrency: 4 },
  'keychain.getStatus': undefined,
  'profiles.list': undefined,
  'profiles.create': { name: 'prod', accessKeyId: 'AKLTfuzzKey0001', secretAccessKey: 'fuzz-secret-0001', region: 'cn-beijing', endpoint: 'https://open.volcengineapi.com' },
  'profiles.update': { id: 'profile-0001', name: 'staging', sessionToken: null },
  'profiles.remove': { id: 'profile-0001' },
  'profiles.testConnection': { id: 'profile-0001' },
  'profiles.lockSecrets': undefined,
  'profiles.scanImports': undefined,
  'profiles.importSelected': { items: [{ source: 'cli-config', sourceName: 'default', region: 'cn-beijing' }] },
  'regions.list': { profileId: 'profile-0001', refresh: true },
  'inventory.list': { profileId: 'profile-0001', regionId: 'cn-beijing', jobId: 'job-00000001', scope: { kind: 'region' } },
  'inventory.listKeyPairs': { profileId: 'profile-0001', regionId: 'cn-beijing' },
  'inventory.forgetCache': undefined,
  'inventory.cancel': { jobId: 'job-00000001' },
  'operations.plan': {
    profileId: 'profile-0001',
    regionId: 'cn-beijing',
    action: 'detach-key-pair',
    keyPair: { keyPairId: 'kp-0001', keyPairName: 'ops' },
    forceStop: false,
    instanceIds: ['i-0001', 'i-0002'],
  },
  'operations.start': { planId: 'plan-0001', confirmation: 'ops' },
  'operations.cancel': { operationId: 'operation-0001' },
  'operations.get': { operationId: 'operation-0001' },
  'operations.recheck': { operationId: 'operation-0001' },
  'operations.resume': { operationId: 'operation-0001' },
  'operations.abandon': { operationId: 'operation-0001' },
  'operations.exposure': { operationId: 'operation-0001' },
  'operations.planUndo': { operationId: 'operation-0001' },
  'history.list': undefined,
  'history.get': { operationId: 'operation-0001' },
  'sweep.find': { profileIds: ['profile-0001', 'profile-0002'], keyPairName: 'departed-admin', jobId: 'job-00000002' },
  'sweep.cancel': { jobId: 'job-00000002' },
  'sweep.plan': { sweepId: 'sweep-0001', parts: [{ profileId: 'profile-0001', regionId: 'cn-beijing', instanceIds: ['i-0001'] }] },
  'sweep.start': { sweepPlanId: 'sweep-plan-0001', confirmation: null },
  'sweep.resume': { sweepOperationId: 'sweep-operation-0001' },
  'exports.save': { fileName: 'result.csv', content: 'instanceId\r\n', mimeType: 'text/csv' },
};
