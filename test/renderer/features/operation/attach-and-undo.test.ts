import { describe, expect, it } from 'vitest';
import type { OperationPlan } from '../../../../shared/domain/operation';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { fail, ok, type IpcResult } from '../../../../shared/ipc/result';
import { changeLine, keyChangesOf, replacementSummary } from '../../../../renderer/src/features/operation/attach-facts';
import { createOperationStore } from '../../../../renderer/src/features/operation/operation-store';
import { undoableCount } from '../../../../renderer/src/features/operation/undo-facts';
import { failed, makePlan, makeResult, succeeded } from './support/operation-fixtures';

const brief = (instanceId: string) => ({ instanceId, instanceName: `web-${instanceId}`, privateIp: '10.0.0.1', zoneId: 'cn-beijing-a', status: 'RUNNING' });

const attachPlan = (overrides: Partial<OperationPlan> = {}) =>
  makePlan({
    action: 'attach-key-pair',
    instanceIds: ['i-a', 'i-b', 'i-c', 'i-d'],
    instances: ['i-a', 'i-b', 'i-c', 'i-d'].map(brief),
    replacing: [
      { instanceId: 'i-b', keyPairId: 'kp-old', keyPairName: 'old-key' },
      { instanceId: 'i-c', keyPairId: 'kp-old', keyPairName: 'old-key' },
      { instanceId: 'i-d', keyPairId: null, keyPairName: 'legacy' },
    ],
    ...overrides,
  });

describe('what an attach does to each planned instance', () => {
  it('tells a first key from a replacement, grouped by the old key, largest group first', () => {
    const changes = keyChangesOf(attachPlan());
    expect(changes.first.map((entry) => entry.instanceId)).toEqual(['i-a']);
    expect(changes.replaced.map((group) => [group.keyPairName, group.instances.map((entry) => entry.instanceId)])).toEqual([
      ['old-key', ['i-b', 'i-c']],
      ['legacy', ['i-d']],
    ]);
    expect(replacementSummary(attachPlan())).toEqual({ count: 3, keyNames: ['old-key', 'legacy'] });
  });

  it('counts every planned instance as a first key when nothing is replaced (no `replacing`, as in a detach)', () => {
    expect(keyChangesOf(attachPlan({ replacing: undefined })).first).toHaveLength(4);
    expect(replacementSummary(attachPlan({ replacing: [] })).count).toBe(0);
  });

  it("names both keys on a replaced instance's line", () => {
    expect(changeLine(brief('i-b'), 'old-key', 'new-key')).toBe('i-b  web-i-b  10.0.0.1  (old-key → new-key)');
    expect(changeLine(brief('i-a'), null, 'new-key')).toBe('i-a  web-i-a  10.0.0.1');
  });
});

describe('the undo of a detach', () => {
  it('is offered for the instances an ended detach took the key off, and for nothing else', () => {
    const detach = makeResult([succeeded('i-a'), succeeded('i-b'), failed('i-c', 'InternalError')]);
    expect(undoableCount(detach)).toBe(2);
    expect(undoableCount(makeResult([failed('i-c', 'InternalError')]))).toBe(0);
    expect(undoableCount(makeResult([succeeded('i-a')], { action: 'attach-key-pair' }))).toBe(0);
    expect(undoableCount({ ...detach, progress: { ...detach.progress, state: 'running' } })).toBe(0);
    expect(undoableCount({ ...detach, progress: { ...detach.progress, state: 'interrupted' } })).toBe(0);
    expect(undoableCount({ ...detach, progress: { ...detach.progress, state: 'cancelled' } })).toBe(2);
  });

  it('is planned by main and kept for review like any plan; a refusal is kept for the button that asked', async () => {
    const undoPlan = attachPlan({ planId: 'plan-undo', undoOf: 'op-detach', replacing: [] });
    const asked: unknown[] = [];
    let answer: IpcResult<OperationPlan> = ok(undoPlan);
    const api = { operations: { planUndo: (request: unknown) => (asked.push(request), Promise.resolve(answer)) } } as unknown as KeyPairDeskApi;
    const store = createOperationStore(() => api);
    expect(await store.getState().planUndo('op-detach')).toBe(true);
    expect(asked).toEqual([{ operationId: 'op-detach' }]);
    expect(store.getState()).toMatchObject({ currentPlan: { planId: 'plan-undo', undoOf: 'op-detach' }, undoRequest: 'op-detach', planning: false });

    answer = fail({ code: 'UNDO_NOT_POSSIBLE', message: 'nothing to undo' });
    expect(await store.getState().planUndo('op-detach')).toBe(false);
    expect(store.getState().lastError).toEqual({ during: 'plan', error: { code: 'UNDO_NOT_POSSIBLE', message: 'nothing to undo' } });
    expect(store.getState().undoRequest).toBe('op-detach');
  });

  it('is run again as an undo, never as a plain attach that could overwrite a key bound since', async () => {
    const asked: unknown[] = [];
    const api = {
      operations: {
        planUndo: (request: unknown) => (asked.push(['planUndo', request]), Promise.resolve(ok(attachPlan({ undoOf: 'op-detach' })))),
        plan: (request: unknown) => (asked.push(['plan', request]), Promise.resolve(ok(attachPlan()))),
      },
    } as unknown as KeyPairDeskApi;
    const store = createOperationStore(() => api);
    store.setState({ result: makeResult([succeeded('i-a'), failed('i-b', 'InternalError')], { action: 'attach-key-pair', undoOf: 'op-detach' }) });
    expect(await store.getState().retryFailed()).toBe(true);
    expect(asked).toEqual([['planUndo', { operationId: 'op-detach' }]]);
  });
});
