import { describe, expect, it, vi } from 'vitest';
import type { OperationPlan, OperationProgress, OperationResult, PlanRequest } from '../../../../shared/domain/operation';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { fail, ok, type IpcResult } from '../../../../shared/ipc/result';
import { createOperationStore } from '../../../../renderer/src/features/operation/operation-store';
import { failed, makePlan, makeResult, succeeded, unknown } from './support/operation-fixtures';

const planRequest: PlanRequest = {
  profileId: 'profile-prod-0001',
  regionId: 'cn-beijing',
  action: 'detach-key-pair',
  keyPair: { keyPairId: 'kp-3f9a', keyPairName: 'deploy-2023' },
  forceStop: false,
  instanceIds: ['i-a', 'i-b'],
};

const progressOf = (operationId: string, overrides: Partial<OperationProgress> = {}): OperationProgress => ({
  operationId,
  state: 'running',
  total: 2,
  succeeded: 0,
  failed: 0,
  unknown: 0,
  notSent: 0,
  requestsTotal: 1,
  requestsSent: 0,
  requestsAnswered: 0,
  ...overrides,
});

/** A stand-in for main: records calls, answers as told, and emits progress events on demand. */
function fakeMain() {
  const listeners: Array<(progress: OperationProgress) => void> = [];
  const calls = { plan: [] as PlanRequest[], start: [] as unknown[], cancel: [] as unknown[], get: [] as unknown[], subscriptions: 0 };
  const answers = {
    plan: (_request: PlanRequest): Promise<IpcResult<OperationPlan>> => Promise.resolve(ok(makePlan())),
    start: (): Promise<IpcResult<{ operationId: string }>> => Promise.resolve(ok({ operationId: 'op-1' })),
    cancel: (): Promise<IpcResult<{ cancelling: boolean }>> => Promise.resolve(ok({ cancelling: true })),
    get: (): Promise<IpcResult<OperationResult>> => Promise.resolve(ok(makeResult([succeeded('i-a', 'req-1'), failed('i-b', 'InternalError')]))),
  };
  const api = {
    operations: {
      plan: (request: PlanRequest) => {
        calls.plan.push(request);
        return answers.plan(request);
      },
      start: (request: unknown) => {
        calls.start.push(request);
        return answers.start();
      },
      cancel: (request: unknown) => {
        calls.cancel.push(request);
        return answers.cancel();
      },
      get: (request: unknown) => {
        calls.get.push(request);
        return answers.get();
      },
    },
    on: {
      operations: {
        progress: (listener: (progress: OperationProgress) => void) => {
          calls.subscriptions += 1;
          listeners.push(listener);
          return () => listeners.splice(listeners.indexOf(listener), 1);
        },
      },
    },
  } as unknown as KeyPairDeskApi;
  const emit = (progress: OperationProgress) => listeners.forEach((listener) => listener(progress));
  return { api, calls, answers, emit };
}

const denied: AppErrorData = { code: 'PLAN_CONFIRMATION_MISMATCH', message: 'mismatch' };

async function storeWithPlan(main = fakeMain()) {
  const store = createOperationStore(() => main.api);
  const stopListening = store.getState().listen();
  await store.getState().plan(planRequest);
  return { store, main, stopListening };
}

describe('operation store: planning', () => {
  it('keeps the plan main made, for review', async () => {
    const { store, main } = await storeWithPlan();
    expect(main.calls.plan).toEqual([planRequest]);
    expect(store.getState().currentPlan?.planId).toBe('plan-1');
    expect(store.getState().planning).toBe(false);
  });

  it('keeps the error, as data, when main refuses to plan', async () => {
    const main = fakeMain();
    const error: AppErrorData = { code: 'CLOUD_REQUEST_FAILED', message: 'no', cloud: { code: 'AccessDenied', message: 'denied' } };
    main.answers.plan = () => Promise.resolve(fail(error));
    const { store } = await storeWithPlan(main);
    expect(store.getState().currentPlan).toBeNull();
    expect(store.getState().lastError).toEqual({ during: 'plan', error });
    expect(store.getState().planRequest).toEqual(planRequest);
  });

  it('drops the answer to a plan request that a newer one replaced', async () => {
    const main = fakeMain();
    let answerFirst: (answer: IpcResult<OperationPlan>) => void = () => undefined;
    main.answers.plan = (request) =>
      request.instanceIds.length === 2
        ? new Promise((resolve) => (answerFirst = resolve))
        : Promise.resolve(ok(makePlan({ planId: 'plan-2', instanceIds: ['i-c'] })));
    const store = createOperationStore(() => main.api);
    const first = store.getState().plan(planRequest);
    await store.getState().plan({ ...planRequest, instanceIds: ['i-c'] });
    answerFirst(ok(makePlan({ planId: 'plan-stale' })));
    expect(await first).toBe(false);
    expect(store.getState().currentPlan?.planId).toBe('plan-2');
  });
});

describe('operation store: starting and progress', () => {
  it('starts the reviewed plan with the typed confirmation and shows progress from zero', async () => {
    const { store, main } = await storeWithPlan();
    expect(await store.getState().start('deploy-2023')).toBe(true);
    expect(main.calls.start).toEqual([{ planId: 'plan-1', confirmation: 'deploy-2023' }]);
    const state = store.getState();
    expect(state.currentPlan).toBeNull();
    expect(state.operationPlan?.planId).toBe('plan-1');
    expect(state.operationId).toBe('op-1');
    expect(state.progress).toMatchObject({ state: 'running', total: 2, succeeded: 0, requestsTotal: 1, requestsSent: 0 });
  });

  it('keeps the plan under review, with the error, when main refuses to start', async () => {
    const main = fakeMain();
    main.answers.start = () => Promise.resolve(fail(denied));
    const { store } = await storeWithPlan(main);
    expect(await store.getState().start('wrong')).toBe(false);
    expect(store.getState().currentPlan?.planId).toBe('plan-1');
    expect(store.getState().operationId).toBeNull();
    expect(store.getState().lastError).toEqual({ during: 'start', error: denied });
  });

  it('keeps the latest progress of its own operation and ignores other operations', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    main.emit(progressOf('op-1', { succeeded: 1, requestsSent: 1 }));
    main.emit(progressOf('op-other', { succeeded: 2 }));
    expect(store.getState().progress).toMatchObject({ operationId: 'op-1', succeeded: 1, requestsSent: 1 });
  });

  it('listens to progress events once, from listen() on, however many operations it starts', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    await store.getState().plan(planRequest);
    main.answers.start = () => Promise.resolve(ok({ operationId: 'op-2' }));
    await store.getState().start(null);
    expect(main.calls.subscriptions).toBe(1);
  });

  it('hears no progress once its listening is stopped', async () => {
    const { store, main, stopListening } = await storeWithPlan();
    await store.getState().start(null);
    stopListening();
    main.emit(progressOf('op-1', { succeeded: 1, requestsSent: 1 }));
    expect(store.getState().progress).toMatchObject({ operationId: 'op-1', succeeded: 0 });
  });

  it('adopts progress that arrived before the answer to start', async () => {
    const main = fakeMain();
    main.answers.start = () => {
      main.emit(progressOf('op-1', { succeeded: 1, requestsSent: 1, requestsAnswered: 1 }));
      return Promise.resolve(ok({ operationId: 'op-1' }));
    };
    const { store } = await storeWithPlan(main);
    await store.getState().start(null);
    expect(store.getState().progress).toMatchObject({ succeeded: 1, requestsAnswered: 1 });
  });

  it('fetches the result when an operation that ended before start answered is adopted', async () => {
    const main = fakeMain();
    main.answers.start = () => {
      main.emit(progressOf('op-1', { state: 'finished', succeeded: 1, failed: 1, requestsSent: 1, requestsAnswered: 1 }));
      return Promise.resolve(ok({ operationId: 'op-1' }));
    };
    const { store } = await storeWithPlan(main);
    await store.getState().start(null);
    await vi.waitFor(() => expect(store.getState().result).not.toBeNull());
    expect(main.calls.get).toEqual([{ operationId: 'op-1' }]);
  });
});

describe('operation store: the end of an operation', () => {
  it('fetches the full result once when the operation finishes', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'finished', succeeded: 1, failed: 1 }));
    main.emit(progressOf('op-1', { state: 'finished', succeeded: 1, failed: 1 }));
    await vi.waitFor(() => expect(store.getState().result?.operationId).toBe('op-1'));
    expect(main.calls.get).toEqual([{ operationId: 'op-1' }]);
    expect(store.getState().loadingResult).toBe(false);
  });

  it('fetches the full result when the operation was cancelled', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'cancelled', succeeded: 1, failed: 1 }));
    await vi.waitFor(() => expect(store.getState().result).not.toBeNull());
  });

  it('does not fetch a result while the operation is only cancelling', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'cancelling' }));
    await Promise.resolve();
    expect(main.calls.get).toEqual([]);
    expect(store.getState().progress?.state).toBe('cancelling');
  });

  it('ignores a late running event once the operation has ended', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'finished', succeeded: 2 }));
    main.emit(progressOf('op-1', { state: 'running', succeeded: 1 }));
    expect(store.getState().progress).toMatchObject({ state: 'finished', succeeded: 2 });
  });

  it('keeps a failed result fetch as an error, and fetches again on request', async () => {
    const main = fakeMain();
    const notFound: AppErrorData = { code: 'OPERATION_NOT_FOUND', message: 'gone' };
    const realGet = main.answers.get;
    main.answers.get = () => Promise.resolve(fail(notFound));
    const { store } = await storeWithPlan(main);
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'finished', succeeded: 2 }));
    await vi.waitFor(() => expect(store.getState().lastError).toEqual({ during: 'result', error: notFound }));
    main.answers.get = realGet;
    await store.getState().refreshResult();
    expect(store.getState().result?.operationId).toBe('op-1');
    expect(store.getState().lastError).toBeNull();
  });
});

describe('operation store: cancelling', () => {
  it('asks main to stop sending, once, for its operation', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    await store.getState().cancel();
    await store.getState().cancel();
    expect(main.calls.cancel).toEqual([{ operationId: 'op-1' }]);
    expect(store.getState().cancelRequested).toBe(true);
  });

  it('lets the admin try again when main refuses to cancel', async () => {
    const main = fakeMain();
    main.answers.cancel = () => Promise.resolve(fail({ code: 'OPERATION_NOT_FOUND', message: 'gone' }));
    const { store } = await storeWithPlan(main);
    await store.getState().start(null);
    await store.getState().cancel();
    expect(store.getState().cancelRequested).toBe(false);
    expect(store.getState().lastError?.during).toBe('cancel');
  });

  it('does nothing once the operation has ended', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'finished', succeeded: 2 }));
    await store.getState().cancel();
    expect(main.calls.cancel).toEqual([]);
  });
});

describe('operation store: retrying and resetting', () => {
  it('plans the retryable failures and unknowns again, as the original operation asked', async () => {
    const main = fakeMain();
    main.answers.get = () =>
      Promise.resolve(
        ok(makeResult([succeeded('i-a'), failed('i-b', 'FlowLimitExceeded'), failed('i-c', 'AccessDenied'), unknown('i-d', 'ECS_NETWORK_TIMEOUT')])),
      );
    const { store } = await storeWithPlan(main);
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'finished' }));
    await vi.waitFor(() => expect(store.getState().result).not.toBeNull());
    expect(await store.getState().retryFailed()).toBe(true);
    expect(main.calls.plan.at(-1)).toEqual({ ...planRequest, instanceIds: ['i-b', 'i-d'] });
    // The result stays visible under the review of the retry plan.
    expect(store.getState().result).not.toBeNull();
  });

  it('plans nothing when no outcome can be retried', async () => {
    const main = fakeMain();
    main.answers.get = () => Promise.resolve(ok(makeResult([succeeded('i-a'), failed('i-b', 'InvalidKeyPairForWindows.Unsupported')])));
    const { store } = await storeWithPlan(main);
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'finished' }));
    await vi.waitFor(() => expect(store.getState().result).not.toBeNull());
    expect(await store.getState().retryFailed()).toBe(false);
    expect(main.calls.plan).toHaveLength(1);
  });

  it('forgets the operation on reset and ignores its later events', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    store.getState().reset();
    main.emit(progressOf('op-1', { state: 'finished' }));
    expect(store.getState()).toMatchObject({ operationId: null, progress: null, result: null, currentPlan: null, lastError: null });
    expect(main.calls.get).toEqual([]);
  });

  it('closes the review without losing the result shown under it', async () => {
    const { store, main } = await storeWithPlan();
    await store.getState().start(null);
    main.emit(progressOf('op-1', { state: 'finished' }));
    await vi.waitFor(() => expect(store.getState().result).not.toBeNull());
    await store.getState().retryFailed();
    store.getState().dismissPlan();
    expect(store.getState().currentPlan).toBeNull();
    expect(store.getState().result?.operationId).toBe('op-1');
  });
});
