import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../electron/keychain/secret-store';
import type { OperationPlan, OperationProgress, OperationResult } from '../../../shared/domain/operation';
import type { SettingsPatch } from '../../../shared/domain/settings';
import { restartOnSnapshot, snapshotUserData, startAppUnderTest, valueOf, type AppUnderTest } from '../support/app-under-test';
import { loadRegion } from '../support/list-inventory';

/*
 * Rolling reboots against the simulator over loopback: waves formed from main's inventory and the settings, each
 * wave waited for with DescribeInstances, the threshold stop, cancel, and the journal (History, a crash, resume).
 * A "minute" of the wait lasts 400 ms here and a wave is checked every 40 ms, so a wait is fast but real.
 */

const timing = { pollIntervalMs: 40, minuteMs: 400 };
const secrets = createMemorySecretStore();
let app: AppUnderTest;
let running: string[];

beforeAll(async () => {
  app = await startAppUnderTest({ generate: { seed: 5, instances: 400, regions: ['cn-beijing'] }, rebootDurationMs: 120 }, { rebootTiming: timing, secretStore: secrets });
  const inventory = await loadRegion(app);
  running = inventory.instances.filter((instance) => instance.status === 'RUNNING').map((instance) => instance.instanceId);
});
afterAll(async () => {
  await app.close();
});
afterEach(() => {
  app.simulator.setRebootTrouble([]);
  app.simulator.clearRequests();
});

async function settings(patch: SettingsPatch) {
  valueOf(await app.api.settings.update(patch));
}

async function planReboot(instanceIds: string[]): Promise<OperationPlan> {
  return valueOf(await app.api.operations.plan({ profileId: app.profileId, regionId: 'cn-beijing', action: 'reboot', keyPair: null, forceStop: false, instanceIds }));
}

async function runPlan(plan: OperationPlan): Promise<OperationResult> {
  const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
  return app.core.operations.settled(operationId);
}

const requestIdsOf = (plan: OperationPlan, index: number) =>
  plan.requests[index]!.query.filter(([key]) => key.startsWith('InstanceIds.')).map(([, value]) => value);

describe('planning waves', () => {
  it('forms waves of the set size by batch, each of its own requests, and asks to type the count from 20 instances up', async () => {
    await settings({ rebootWaveMode: 'batch', rebootWaveSize: 30, rebootWaitMinutes: 7, rebootFailurePercent: 15 });
    const chosen = running.slice(0, 75);
    const plan = await planReboot(chosen);
    expect(plan.rolling).toMatchObject({ mode: 'batch', waveSize: 30, waitMinutes: 7, failurePercent: 15 });
    expect(plan.rolling!.waves.map((wave) => wave.instanceIds.length)).toEqual([30, 30, 15]);
    expect(plan.rolling!.waves.flatMap((wave) => wave.instanceIds)).toEqual(plan.instanceIds);
    expect(plan.requests).toHaveLength(3);
    plan.rolling!.waves.forEach((wave) => expect(requestIdsOf(plan, wave.firstBatch)).toEqual(wave.instanceIds));
    expect(plan.confirmationText).toBe('reboot 75');
    expect((await planReboot(running.slice(0, 19))).confirmationText).toBeNull();
  });

  it('forms one wave per zone by zone, a zone of more than 100 in several requests', async () => {
    await settings({ rebootWaveMode: 'zone' });
    const plan = await planReboot(running);
    const zoneOf = (id: string) => app.simulator.fleet.findInstance('cn-beijing', id)!.zoneId;
    const waves = plan.rolling!.waves;
    expect(new Set(waves.map((wave) => wave.zoneId)).size).toBe(waves.length);
    for (const wave of waves) {
      expect(wave.instanceIds.every((id) => zoneOf(id) === wave.zoneId)).toBe(true);
      expect(wave.batchCount).toBe(Math.ceil(wave.instanceIds.length / 100));
    }
    expect(waves.some((wave) => wave.batchCount > 1)).toBe(true);
    expect(plan.instanceIds.slice().sort()).toEqual(running.slice().sort());
  });
});

describe('running wave by wave', () => {
  it('sends a wave only once the one before is RUNNING again, and reports every instance back', async () => {
    await settings({ rebootWaveMode: 'batch', rebootWaveSize: 10, rebootWaitMinutes: 5, rebootFailurePercent: 10 });
    const plan = await planReboot(running.slice(0, 30));
    app.simulator.resetChangeCounts();
    const result = await runPlan(plan);

    expect(result.progress).toMatchObject({ state: 'finished', succeeded: 30, failed: 0, unknown: 0 });
    expect(result.rolling!.waves.map((wave) => [wave.state, wave.back, wave.bad])).toEqual([['passed', 10, 0], ['passed', 10, 0], ['passed', 10, 0]]);
    expect(result.rolling!.returns.every((entry) => entry.state === 'back' && entry.lastStatus === 'RUNNING')).toBe(true);
    for (const id of plan.instanceIds) expect(app.simulator.changeCount(id)).toBe(1);
    // On the wire: each RebootInstances after the previous wave's instances were seen RUNNING by a DescribeInstances.
    const log = app.simulator.requests.filter((entry) => entry.action === 'RebootInstances' || entry.action === 'DescribeInstances');
    const sends = log.flatMap((entry, index) => (entry.action === 'RebootInstances' ? [index] : []));
    expect(sends).toHaveLength(3);
    for (const [wave, sendIndex] of sends.slice(1).entries()) {
      const checksBefore = log.slice(sends[wave]! + 1, sendIndex).filter((entry) => entry.action === 'DescribeInstances');
      expect(checksBefore.length, `checks between wave ${wave + 1} and ${wave + 2}`).toBeGreaterThan(0);
    }
    const waveEvents = app.events
      .filter((event) => event.channel === 'operations.progress')
      .map((event) => (event.payload as OperationProgress).wave)
      .filter((wave) => wave?.phase === 'waiting');
    expect(waveEvents.some((wave) => wave!.index === 1 && wave!.count === 3 && wave!.waitingFor === 10 && wave!.back < 10)).toBe(true);
  });

  it('stops at the threshold: the wave over it ends stopped, later waves are not sent, each instance says where it stuck', async () => {
    await settings({ rebootWaveMode: 'batch', rebootWaveSize: 10, rebootWaitMinutes: 1, rebootFailurePercent: 10 });
    const plan = await planReboot(running.slice(40, 70));
    const [firstWave, secondWave] = plan.rolling!.waves;
    // 10 % of 10 allows one bad instance: in wave 2, one stays REBOOTING and one ends in ERROR, which is one too many.
    const [stuck, broken] = secondWave!.instanceIds;
    app.simulator.setRebootTrouble([{ instanceIds: [stuck!], ending: 'stays-rebooting' }, { instanceIds: [broken!], ending: 'error' }]);
    app.simulator.resetChangeCounts();
    const result = await runPlan(plan);

    expect(result.progress.state).toBe('finished');
    expect(result.rolling!.stoppedAtWave).toBe(1);
    expect(result.rolling!.waves.map((wave) => wave.state)).toEqual(['passed', 'stopped', 'not-sent']);
    expect(result.rolling!.waves[1]).toMatchObject({ back: 8, bad: 2 });
    const returnOf = (id: string) => result.rolling!.returns.find((entry) => entry.instanceId === id);
    expect(returnOf(stuck!)).toMatchObject({ state: 'not-back', lastStatus: 'REBOOTING', waveIndex: 1 });
    expect(returnOf(broken!)).toMatchObject({ state: 'not-back', lastStatus: 'ERROR' });
    expect(returnOf(firstWave!.instanceIds[0]!)).toMatchObject({ state: 'back' });
    const third = plan.rolling!.waves[2]!.instanceIds;
    for (const id of third) {
      expect(app.simulator.changeCount(id)).toBe(0);
      expect(returnOf(id)).toMatchObject({ state: 'not-sent' });
      const outcome = result.outcomes.find((candidate) => candidate.instanceId === id);
      expect(outcome?.status === 'not-sent' && outcome.reason.code).toBe('ECS_NOT_SENT');
      expect(outcome?.status === 'not-sent' && outcome.reason.message).toContain('stopped after wave 2,');
    }
    // History reads the same account back from the journal.
    const fromHistory = valueOf(await app.api.history.get({ operationId: result.operationId }));
    expect(fromHistory.rolling).toEqual(result.rolling);
    expect(fromHistory.outcomes).toEqual(result.outcomes);
    expect(fromHistory.plan.rolling).toEqual(result.plan.rolling);
    app.simulator.fleet.updateInstance(stuck!, { status: 'RUNNING' });
    app.simulator.fleet.updateInstance(broken!, { status: 'RUNNING' });
  });

  it('stops before the next wave when cancelled during a wait; the rest are not sent and the operation ends cancelled', async () => {
    await settings({ rebootWaveMode: 'batch', rebootWaveSize: 10, rebootWaitMinutes: 5, rebootFailurePercent: 10 });
    const plan = await planReboot(running.slice(80, 110));
    app.simulator.setRebootTrouble([{ instanceIds: plan.rolling!.waves[0]!.instanceIds.slice(0, 3), ending: 'stays-rebooting' }]);
    app.simulator.resetChangeCounts();
    const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
    // Cancelled once the wave's other seven are back: only the three that never come back are left waiting.
    await until(() => app.core.operations.live(operationId)?.progress.wave?.back === 7);
    expect(valueOf(await app.api.operations.cancel({ operationId }))).toEqual({ cancelling: true });
    const result = await app.core.operations.settled(operationId);

    expect(result.progress.state).toBe('cancelled');
    expect(result.rolling!.waves.map((wave) => wave.state)).toEqual(['cancelled', 'not-sent', 'not-sent']);
    const stuck = result.rolling!.returns.filter((entry) => entry.waveIndex === 0 && entry.state !== 'back');
    expect(stuck.map((entry) => entry.state)).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed']);
    const later = plan.rolling!.waves.slice(1).flatMap((wave) => wave.instanceIds);
    for (const id of later) expect(app.simulator.changeCount(id)).toBe(0);
    expect(result.outcomes.filter((outcome) => outcome.status === 'not-sent' && outcome.reason.code === 'ECS_CANCELLED')).toHaveLength(20);
    expect(result.progress.notSent).toBe(20);
    for (const id of plan.rolling!.waves[0]!.instanceIds) app.simulator.fleet.updateInstance(id, { status: 'RUNNING' });
  });
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('after a crash', () => {
  it('shows the rolling reboot as interrupted mid-wave, and resuming waits for that wave and sends the rest, each once', async () => {
    await settings({ rebootWaveMode: 'batch', rebootWaveSize: 10, rebootWaitMinutes: 5, rebootFailurePercent: 10 });
    const plan = await planReboot(running.slice(120, 150));
    // Wave 2 is slow to come back, so the "crash" happens while the app waits for it.
    app.simulator.setRebootTrouble([{ instanceIds: plan.rolling!.waves[1]!.instanceIds.slice(0, 1), ending: 'stays-rebooting' }]);
    app.simulator.resetChangeCounts();
    const { operationId } = valueOf(await app.api.operations.start({ planId: plan.planId, confirmation: plan.confirmationText }));
    const wave = () => app.core.operations.live(operationId)?.progress.wave;
    await until(() => wave()?.index === 1 && wave()?.phase === 'waiting' && wave()!.back > 0);
    expect(await readFile(path.join(app.userDataDir, 'journal', 'operations.jsonl'), 'utf8')).toContain('"type":"wave-checked"');
    // What a crash at this moment leaves on disk: every record written so far (each was fsynced before its step).
    const copy = await snapshotUserData(app, 'kpd-rolling-crash-');
    await app.api.operations.cancel({ operationId });
    await app.core.operations.settled(operationId);

    const restart = restartOnSnapshot(copy, secrets, timing);
    const restarted = restart.core;
    try {
      const interrupted = await restarted.history.get(operationId);
      expect(interrupted.progress.state).toBe('interrupted');
      expect(interrupted.rolling!.waves.map((wave) => wave.state)).toEqual(['passed', 'interrupted', 'pending']);
      expect(interrupted.rolling!.returns.filter((entry) => entry.waveIndex === 1).map((entry) => entry.state)).toContain('unconfirmed');

      app.simulator.setRebootTrouble([]);
      app.simulator.fleet.updateInstance(plan.rolling!.waves[1]!.instanceIds[0]!, { status: 'RUNNING' });
      await restarted.operations.resume(operationId);
      const resumed = await restarted.operations.settled(operationId);
      expect(resumed.progress.state).toBe('finished');
      expect(resumed.rolling!.waves.map((wave) => wave.state)).toEqual(['passed', 'passed', 'passed']);
      expect(resumed.rolling!.returns.every((entry) => entry.state === 'back')).toBe(true);
      // Waves 1 and 2 were sent before the crash and not again; wave 3 once, after the restart.
      for (const id of plan.instanceIds) expect(app.simulator.changeCount(id)).toBe(1);
      expect((await restarted.history.get(operationId)).rolling).toEqual(resumed.rolling);
    } finally {
      await restart.close();
    }
  });
});
