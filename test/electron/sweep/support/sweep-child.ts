// A child process for the sweep's crash test: runs the app core (real keychain, journal in KPD_USER_DATA) with one
// profile per account of KPD_ACCOUNTS (each a simulator of the parent's), sweeps KPD_KEY_PAIR_NAME off every account
// and region, prints the sweep and its parts, and keeps running until the parent kills it with SIGKILL in the middle.
import { createAppCore } from '../../../../electron/app-core';
import { createKeytarSecretStore } from '../../../../electron/keychain/keytar-secret-store';
import { createMemoryLogger } from '../../../../electron/logging/logger';
import type { Sweep, SweepPlan, SweepStarted } from '../../../../shared/domain/sweep';

interface ChildAccount {
  name: string;
  url: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const accounts = JSON.parse(process.env.KPD_ACCOUNTS!) as ChildAccount[];
const keyPairName = process.env.KPD_KEY_PAIR_NAME!;
const core = createAppCore({
  info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
  userDataDir: process.env.KPD_USER_DATA!,
  homeDir: process.env.KPD_USER_DATA!,
  env: {},
  secretStore: createKeytarSecretStore(process.env.KPD_KEYCHAIN_SERVICE!),
  chooseSavePath: async () => undefined,
  eventSink: () => undefined,
  logger: createMemoryLogger(),
});

async function call<T>(channel: string, payload: unknown): Promise<T> {
  const answer = await core.dispatcher.invoke(channel, payload);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

const profileIds: string[] = [];
for (const account of accounts) {
  const { id } = await call<{ id: string }>('profiles.create', {
    name: account.name,
    accessKeyId: account.accessKeyId,
    secretAccessKey: account.secretAccessKey,
    region: 'cn-beijing',
    endpoint: account.url,
  });
  profileIds.push(id);
}
// One request at a time per part, so the kill lands with some batches answered, one in flight and the rest unsent.
await call('settings.update', { requestConcurrency: 1 });
const sweep = await call<Sweep>('sweep.find', { profileIds, keyPairName, jobId: 'crash-sweep-find' });
const parts = sweep.accounts.flatMap((account) =>
  account.state !== 'searched'
    ? []
    : account.regions.flatMap((region) =>
        region.state === 'found' ? [{ profileId: account.profileId, regionId: region.regionId, instanceIds: region.instances.map((instance) => instance.instanceId) }] : [],
      ),
);
const plan = await call<SweepPlan>('sweep.plan', { sweepId: sweep.sweepId, parts });
const started = await call<SweepStarted>('sweep.start', { sweepPlanId: plan.sweepPlanId, confirmation: plan.confirmationText });
const planned = Object.fromEntries(plan.plans.map((part, index) => [started.operations[index]!.operationId, part.instanceIds]));
process.stdout.write(`${JSON.stringify({ sweepOperationId: started.sweepOperationId, operations: started.operations, planned })}\n`);
// Keeps the event loop busy until killed (the operations themselves do too).
setInterval(() => undefined, 1000);
