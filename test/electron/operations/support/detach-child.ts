// A child process for the crash test: runs the app core (real keychain, journal in KPD_USER_DATA) against the
// parent's simulator, starts a detach of 'crash-key' from every instance (KPD_ACTION=attach: an attach of it to every
// instance of the region), prints the operation id, and keeps running until the parent kills it with SIGKILL in the
// middle.
import { createAppCore } from '../../../../electron/app-core';
import { createKeytarSecretStore } from '../../../../electron/keychain/keytar-secret-store';
import { createMemoryLogger } from '../../../../electron/logging/logger';

const userDataDir = process.env.KPD_USER_DATA!;
const attach = process.env.KPD_ACTION === 'attach';
/** Where main's page events go while a listing runs. */
let onPage: (instances: Array<{ instanceId: string }>) => void = () => undefined;
const endpoint = process.env.KPD_SIMULATOR_URL!;
const core = createAppCore({
  info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
  userDataDir,
  homeDir: userDataDir,
  env: {},
  secretStore: createKeytarSecretStore('com.keypairdesk.crash-test'),
  chooseSavePath: async () => undefined,
  eventSink: (wire, payload) => {
    if (wire.endsWith('inventory.page')) onPage((payload as { instances: Array<{ instanceId: string }> }).instances);
  },
  logger: createMemoryLogger(),
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const answer = await core.dispatcher.invoke(channel, payload);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

const profile = await call<{ id: string }>('profiles.create', {
  name: 'crash',
  accessKeyId: process.env.KPD_ACCESS_KEY_ID,
  secretAccessKey: process.env.KPD_SECRET_ACCESS_KEY,
  region: 'cn-beijing',
  endpoint,
});
// One request at a time, so the kill lands with some batches answered, one in flight and the rest unsent.
await call('settings.update', { requestConcurrency: 1 });
const { keyPairs } = await call<{ keyPairs: Array<{ keyPairId: string; keyPairName: string }> }>('inventory.listKeyPairs', { profileId: profile.id, regionId: 'cn-beijing' });
const keyPair = keyPairs.find((candidate) => candidate.keyPairName === 'crash-key')!;
// Choosing the key pair lists its instances, as the Instances screen does (an attach lists the whole region); they
// arrive as page events.
const listed: string[] = [];
onPage = (instances) => listed.push(...instances.map((instance) => instance.instanceId));
const listing = await call<{ state: string }>('inventory.list', {
  profileId: profile.id,
  regionId: 'cn-beijing',
  jobId: 'crash-list-1',
  scope: attach ? { kind: 'region' } : { kind: 'key-pair', keyPair: { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName } },
});
if (listing.state !== 'complete') throw new Error(`the key pair's listing ended ${listing.state}`);
const plan = await call<{ planId: string; instanceIds: string[] }>('operations.plan', {
  profileId: profile.id,
  regionId: 'cn-beijing',
  action: attach ? 'attach-key-pair' : 'detach-key-pair',
  keyPair: { keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName },
  forceStop: false,
  instanceIds: listed,
});
const { operationId } = await call<{ operationId: string }>('operations.start', { planId: plan.planId, confirmation: keyPair.keyPairName });
process.stdout.write(`${JSON.stringify({ operationId, profileId: profile.id, planned: plan.instanceIds })}\n`);
// Keeps the event loop busy until killed (the operation itself does too).
setInterval(() => undefined, 1000);
