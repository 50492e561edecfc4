import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../electron/app-core';
import { createKeytarSecretStore } from '../../../electron/keychain/keytar-secret-store';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { startEcsSimulator, type EcsSimulator } from '../../../simulator/ecs-simulator';

/**
 * The promise of the journal, tested the hard way: a child process running a detach (or an attach) is killed with
 * SIGKILL while requests are in flight; a new process reads the journal, shows the operation as interrupted, resumes
 * it with the same ClientTokens, and every instance ends changed exactly once. The keychain is the real one (both
 * processes share the test's private Secret Service), so the new process signs with what the first one stored.
 */

const keys = { accessKeyId: 'AKLTcrashTestKey0001', secretAccessKey: 'crash-test-secret-0001' };
const keyPairId = 'kp-crashtest000000001';
const cases = [
  { action: 'detach', ecsAction: 'DetachKeyPair' },
  { action: 'attach', ecsAction: 'AttachKeyPair' },
] as const;

describe.each(cases)('$action killed in the middle', ({ action, ecsAction }) => {
  let simulator: EcsSimulator;
  let base: string;
  let child: ChildProcess | undefined;
  let core: AppCore | undefined;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'kpd-crash-'));
    simulator = await startEcsSimulator({ credentials: [keys], generate: { seed: 17, instances: 1200, regions: ['cn-beijing'] } });
    // Every Linux instance that can take the change can take it (the reset agent), so the operation has many batches:
    // a detach finds the key on each; an attach puts it on each, over whatever key the instance has (a rotation).
    const region = simulator.fleet.region('cn-beijing')!;
    simulator.fleet.addKeyPair('cn-beijing', { keyPairId, keyPairName: 'crash-key', description: '', fingerPrint: 'ff', createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', projectName: 'default', tags: [] });
    for (const instance of region.instances) {
      if (instance.osType === 'Linux' && ['RUNNING', 'STOPPED'].includes(instance.status)) {
        simulator.fleet.updateInstance(instance.instanceId, action === 'detach' ? { keyPairId, keyPairName: 'crash-key', hasResetAgent: true } : { hasResetAgent: true });
      }
    }
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await core?.close();
    await simulator.close();
    await rm(base, { recursive: true, force: true });
  });

  const journalFile = () => path.join(base, 'journal', 'operations.jsonl');
  const answeredBatches = async () =>
    (await readFile(journalFile(), 'utf8').catch(() => '')).split('\n').filter((line) => line.includes('"type":"batch-answered"')).length;

  async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('is shown as interrupted after a restart, resumes with the same ClientTokens, and changes each instance once', async () => {
    simulator.setLatency(150);
    child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'support', 'detach-child.ts')], {
      env: { ...process.env, KPD_ACTION: action, KPD_USER_DATA: base, KPD_SIMULATOR_URL: simulator.url, KPD_ACCESS_KEY_ID: keys.accessKeyId, KPD_SECRET_ACCESS_KEY: keys.secretAccessKey },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).once('line', resolve);
      child!.once('exit', (code) => reject(new Error(`the child exited early (${code})`)));
    });
    const started = JSON.parse(firstLine) as { operationId: string; profileId: string; planned: string[] };
    expect(started.planned.length).toBeGreaterThan(500);
    await until(async () => (await answeredBatches()) >= 2, 'two answered batches');
    // Mid-flight: the next request is on its way (or applied and unanswered) when the process dies.
    await until(async () => simulator.inFlightCount() > 0, 'a request in flight', 10_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const changedBeforeCrash = simulator.changeCounts().size;
    expect(changedBeforeCrash).toBeGreaterThan(0);
    expect(changedBeforeCrash).toBeLessThan(started.planned.length);

    simulator.setLatency(0);
    core = createAppCore({
      info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
      userDataDir: base,
      homeDir: base,
      env: {},
      secretStore: createKeytarSecretStore('com.keypairdesk.crash-test'),
      chooseSavePath: async () => undefined,
      eventSink: () => undefined,
      logger: createMemoryLogger(),
    });
    const history = await core.history.list();
    const entry = history.entries.find((candidate) => candidate.operationId === started.operationId);
    expect(entry).toMatchObject({ state: 'interrupted', counts: { total: started.planned.length } });
    expect(entry!.counts.notSent).toBeGreaterThan(0);
    const before = await core.history.get(started.operationId);
    expect(before.progress.state).toBe('interrupted');
    expect(before.outcomes).toHaveLength(started.planned.length);

    // Its outcomes are not final: not undone while interrupted (an attach is never undone).
    expect(await core.dispatcher.invoke('operations.planUndo', { operationId: started.operationId })).toMatchObject({ ok: false, error: { code: 'UNDO_NOT_POSSIBLE' } });

    const resumed = await core.dispatcher.invoke('operations.resume', { operationId: started.operationId });
    expect(resumed).toEqual({ ok: true, value: { operationId: started.operationId } });
    const result = await core.operations.settled(started.operationId);

    expect(result.progress.state).toBe('finished');
    expect(result.outcomes.map((outcome) => outcome.instanceId)).toEqual(started.planned);
    expect(result.outcomes.every((outcome) => outcome.status === 'succeeded')).toBe(true);
    // What the operation was for: the key off every planned instance, or on it.
    const boundNow = started.planned.map((instanceId) => simulator.fleet.findInstance('cn-beijing', instanceId)?.keyPairId);
    expect(new Set(boundNow)).toEqual(new Set([action === 'detach' ? '' : keyPairId]));
    // Every planned instance changed, and none twice: the batch cut off by the kill was replayed, not re-applied.
    const counts = simulator.changeCounts();
    expect(counts.size).toBe(started.planned.length);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    // Every send used a recorded ClientToken, and the batch the kill cut off was sent again with its own.
    const plannedTokens = new Set(before.plan.requests.map((request) => request.query.find(([key]) => key === 'ClientToken')![1]));
    const sentTokens = simulator.requests.filter((request) => request.action === ecsAction).map((request) => request.clientToken!);
    expect(sentTokens.every((token) => plannedTokens.has(token))).toBe(true);
    expect(sentTokens.length).toBeGreaterThan(new Set(sentTokens).size);
    const after = await core.history.list();
    expect(after.entries.find((candidate) => candidate.operationId === started.operationId)).toMatchObject({
      state: 'finished',
      counts: { succeeded: started.planned.length, notSent: 0, unknown: 0 },
    });
  }, 120_000);
});
