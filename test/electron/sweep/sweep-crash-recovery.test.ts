import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../electron/app-core';
import { createKeytarSecretStore } from '../../../electron/keychain/keytar-secret-store';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { startEcsSimulator, type EcsSimulator } from '../../../simulator/ecs-simulator';
import { bindSharedKeyPair } from '../../../simulator/shared-key-pair';
import type { SweepPartRef, SweepStarted } from '../../../shared/domain/sweep';

/**
 * The journal's promise for a sweep across accounts, tested the hard way: a child process sweeping a key off two
 * accounts (two simulators, each its own fleet and keys) is killed with SIGKILL while both accounts' parts have
 * requests in flight; a new process shows the sweep interrupted in History, resumes it as one, and every instance of
 * both accounts ends with the key taken off exactly once. The keychain is the real one, shared by both processes.
 */

const keyPairName = 'crash-sweep-key';
const keychainService = 'com.keypairdesk.sweep-crash-test';
const accounts = [
  { name: 'production', accessKeyId: 'AKLTsweepCrashProd0001', secretAccessKey: 'sweep-crash-prod-secret', seed: 71, idTag: 'prod' },
  { name: 'staging', accessKeyId: 'AKLTsweepCrashStg00001', secretAccessKey: 'sweep-crash-stg-secret', seed: 72, idTag: 'stg' },
];
let simulators: EcsSimulator[] = [];
let base: string;
let child: ChildProcess | undefined;
let core: AppCore | undefined;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kpd-sweep-crash-'));
  simulators = await Promise.all(
    accounts.map((account) => startEcsSimulator({ credentials: [account], generate: { seed: account.seed, instances: 900, regions: ['cn-beijing'] } })),
  );
  accounts.forEach((account, index) => {
    const fleet = simulators[index]!.fleet;
    const bound = bindSharedKeyPair(fleet, { keyPairName, instancesPerRegion: 500, idTag: account.idTag }).get('cn-beijing')!;
    // Every instance bound can take the detach (the reset agent), so each part has several batches.
    for (const instanceId of bound) fleet.updateInstance(instanceId, { hasResetAgent: true });
  });
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await core?.close();
  await Promise.all(simulators.map((simulator) => simulator.close()));
  await rm(base, { recursive: true, force: true });
});

const journalFile = () => path.join(base, 'journal', 'operations.jsonl');
const answeredBatches = async () => (await readFile(journalFile(), 'utf8').catch(() => '')).split('\n').filter((line) => line.includes('"type":"batch-answered"')).length;

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it('is one interrupted sweep after a restart, resumes as one, and takes the key off every account’s instances exactly once', async () => {
  for (const simulator of simulators) simulator.setLatency(150);
  child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'sweep-child.ts')], {
    env: {
      ...process.env,
      KPD_USER_DATA: base,
      KPD_KEYCHAIN_SERVICE: keychainService,
      KPD_KEY_PAIR_NAME: keyPairName,
      KPD_ACCOUNTS: JSON.stringify(accounts.map((account, index) => ({ ...account, url: simulators[index]!.url }))),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child!.stdout! }).once('line', resolve);
    child!.once('exit', (code) => reject(new Error(`the child exited early (${code})`)));
  });
  const started = JSON.parse(firstLine) as Pick<SweepStarted, 'sweepOperationId' | 'operations'> & { planned: Record<string, string[]> };
  expect(started.operations).toHaveLength(2);
  await until(async () => (await answeredBatches()) >= 3, 'three answered batches');
  // Mid-flight in both accounts: each has changed some instances and has a request on its way.
  await until(() => simulators.every((simulator) => simulator.changeCounts().size > 0 && simulator.inFlightCount() > 0), 'requests in flight in both accounts', 10_000);
  child.kill('SIGKILL');
  await new Promise((resolve) => child!.once('exit', resolve));
  const partOf = (index: number): SweepPartRef => started.operations[index]!;
  for (const [index, simulator] of simulators.entries()) {
    expect(simulator.changeCounts().size).toBeLessThan(started.planned[partOf(index).operationId]!.length);
  }

  for (const simulator of simulators) simulator.setLatency(0);
  core = createAppCore({
    info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
    userDataDir: base,
    homeDir: base,
    env: {},
    secretStore: createKeytarSecretStore(keychainService),
    chooseSavePath: async () => undefined,
    eventSink: () => undefined,
    logger: createMemoryLogger(),
  });
  const before = await core.history.list();
  expect(before.sweeps).toHaveLength(1);
  expect(before.sweeps[0]).toMatchObject({ sweepOperationId: started.sweepOperationId, keyPairName, state: 'interrupted' });
  expect(before.sweeps[0]!.parts.map((part) => [part.profileName, part.started])).toEqual([
    ['production', true],
    ['staging', true],
  ]);

  const resumed = await core.dispatcher.invoke('sweep.resume', { sweepOperationId: started.sweepOperationId });
  if (!resumed.ok) throw new Error(`resume failed: ${resumed.error.code}`);
  expect((resumed.value as SweepStarted).operations).toEqual(started.operations);
  for (const [index, simulator] of simulators.entries()) {
    const { operationId } = partOf(index);
    const result = await core.operations.settled(operationId);
    const planned = started.planned[operationId]!;
    expect(result.progress.state).toBe('finished');
    expect(result.outcomes.every((outcome) => outcome.status === 'succeeded')).toBe(true);
    expect(planned.map((instanceId) => simulator.fleet.findInstance('cn-beijing', instanceId)!.keyPairId)).toEqual(planned.map(() => ''));
    // Every planned instance changed, none twice: the batches the kill cut off were replayed, not applied again.
    expect(simulator.changeCounts().size).toBe(planned.length);
    expect([...simulator.changeCounts().values()].every((count) => count === 1)).toBe(true);
  }
  const after = await core.history.list();
  expect(after.sweeps[0]!.state).toBe('finished');
}, 120_000);
