import { describe, expect, it } from 'vitest';
import type { OperationProgress, OperationResult } from '../../../../shared/domain/operation';
import type { Sweep, SweepPlan, SweepPlanRequest, SweepStarted } from '../../../../shared/domain/sweep';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { ok } from '../../../../shared/ipc/result';
import { createSweepStore } from '../../../../renderer/src/features/sweep/sweep-store';
import { failed, makePlan, makeResult, succeeded } from '../operation/support/operation-fixtures';

const keyPair = { keyPairId: 'kp-1', keyPairName: 'leaked', description: '', fingerprint: '', projectName: 'default', tags: [], createdAt: '', updatedAt: '' };

/** Two accounts that found the key, one that could not be read. */
function sweepOf(): Sweep {
  const found = (regionId: string, ...ids: string[]) => ({
    state: 'found' as const,
    regionId,
    keyPair,
    // Only what the store reads of an instance: its ID.
    instances: ids.map((instanceId) => ({ instanceId })),
  });
  return {
    sweepId: 'sweep-1',
    keyPairName: 'leaked',
    searchedAt: '',
    accounts: [
      { state: 'searched', profileId: 'profile-p1', profileName: 'prod', accountId: '2100000001', regions: [found('cn-beijing', 'i-1'), found('cn-shanghai', 'i-2')] },
      { state: 'failed', profileId: 'profile-p2', profileName: 'broken', accountId: null, error: { code: 'INTERNAL', message: 'x' } },
      { state: 'searched', profileId: 'profile-p3', profileName: 'staging', accountId: null, regions: [found('cn-beijing', 'i-9')] },
    ],
  } as unknown as Sweep;
}

/** A stand-in for main: records what was planned, answers as told, and emits operation progress on demand. */
function fakeMain(results: Map<string, OperationResult>) {
  let emit: (progress: OperationProgress) => void = () => undefined;
  const planned: SweepPlanRequest[] = [];
  const plan: SweepPlan = { sweepPlanId: 'plan-1', keyPairName: 'leaked', plans: [makePlan()], confirmationText: 'leaked' };
  const resumed: SweepStarted = {
    sweepOperationId: 'sweep-op-1',
    sweepId: 'rebuilt-sweep',
    keyPairName: 'leaked',
    operations: [
      { profileId: 'profile-p1', regionId: 'cn-beijing', operationId: 'op-ended' },
      { profileId: 'profile-p3', regionId: 'cn-beijing', operationId: 'op-running' },
    ],
  };
  const api = {
    sweep: {
      find: () => Promise.resolve(ok(sweepOf())),
      plan: (request: SweepPlanRequest) => {
        planned.push(request);
        return Promise.resolve(ok(plan));
      },
      resume: () => Promise.resolve(ok(resumed)),
    },
    operations: { get: ({ operationId }: { operationId: string }) => Promise.resolve(ok(results.get(operationId)!)) },
    on: {
      operations: { progress: (listener: (progress: OperationProgress) => void) => ((emit = listener), () => undefined) },
      sweep: { progress: () => () => undefined },
    },
  } as unknown as KeyPairDeskApi;
  return { api, planned, emit: (progress: OperationProgress) => emit(progress) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the sweep store across accounts', () => {
  it('plans each account’s regions, less a left-out account and a left-out region of another', async () => {
    const main = fakeMain(new Map());
    const store = createSweepStore(() => main.api);
    await store.getState().find(['profile-p1', 'profile-p2', 'profile-p3'], 'leaked');
    store.getState().setRegionIncluded('profile-p1', 'cn-shanghai', false);
    await store.getState().review();
    expect(main.planned.at(-1)!.parts.map((part) => `${part.profileId}/${part.regionId}`)).toEqual(['profile-p1/cn-beijing', 'profile-p3/cn-beijing']);
    store.getState().setAccountIncluded('profile-p3', false);
    await store.getState().review();
    expect(main.planned.at(-1)!.parts).toEqual([{ profileId: 'profile-p1', regionId: 'cn-beijing', instanceIds: ['i-1'] }]);
  });

  it('adopts a resumed sweep’s parts as its runs, shows results only once every part has ended, and retries against the rebuilt sweep', async () => {
    const ended = { ...makeResult([succeeded('i-1'), failed('i-2', 'FlowLimitExceeded')], { profileId: 'profile-p1', profileName: 'prod', accountId: '2100000001' }), operationId: 'op-ended' };
    const runningResult = makeResult([succeeded('i-9')], { profileId: 'profile-p3', profileName: 'staging' });
    const running = { ...runningResult, operationId: 'op-running', progress: { ...runningResult.progress, operationId: 'op-running', state: 'running' as const, succeeded: 0 } };
    const results = new Map<string, OperationResult>([
      ['op-ended', ended],
      ['op-running', running],
    ]);
    const main = fakeMain(results);
    const store = createSweepStore(() => main.api);
    store.getState().listen();

    expect(await store.getState().resume('sweep-op-1')).toBe(true);
    await settle();
    // The part that ended before the crash has its result; the running one is only named until it ends.
    const runs = store.getState().runs;
    expect(runs.map((run) => [run.profileName, run.regionId, run.result === null])).toEqual([
      ['prod', 'cn-beijing', false],
      ['staging', 'cn-beijing', true],
    ]);
    expect(store.getState().started?.sweepOperationId).toBe('sweep-op-1');

    // The running part ends: its result is read.
    results.set('op-running', { ...runningResult, operationId: 'op-running', progress: { ...runningResult.progress, operationId: 'op-running' } });
    main.emit({ ...running.progress, state: 'finished', succeeded: 1 });
    await settle();
    expect(store.getState().runs.every((run) => run.result !== null)).toBe(true);

    await store.getState().retryFailed();
    expect(main.planned.at(-1)).toEqual({ sweepId: 'rebuilt-sweep', parts: [{ profileId: 'profile-p1', regionId: 'cn-beijing', instanceIds: ['i-2'] }] });
  });
});
