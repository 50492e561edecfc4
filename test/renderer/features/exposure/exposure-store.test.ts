import { describe, expect, it } from 'vitest';
import type { ExposureReport } from '../../../../shared/domain/exposure';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { fail, ok, type IpcResult } from '../../../../shared/ipc/result';
import { createExposureStore, detachKey } from '../../../../renderer/src/features/exposure/exposure-store';
import { makeResult, succeeded } from '../operation/support/operation-fixtures';

function report(operationId: string, total: number): ExposureReport {
  return {
    operationId,
    checkedAt: '2024-05-01T10:00:00.000Z',
    regionId: 'cn-beijing',
    keyPair: { keyPairId: 'kp-3f9a', keyPairName: 'deploy-2023' },
    buckets: { failed: [], notSent: [], leftOut: [], notYetRebooted: Array.from({ length: total }, (_, index) => ({ instanceId: `i-${index}`, instanceName: null, privateIp: null, status: 'RUNNING', detail: 'detached' })) },
    total,
    problems: [],
  };
}

/** A stand-in for main's `operations.exposure`: each call waits until the test answers it. */
function fakeMain() {
  const pending: Array<{ operationId: string; answer: (result: IpcResult<ExposureReport>) => void }> = [];
  const api = {
    operations: {
      exposure: ({ operationId }: { operationId: string }) => new Promise<IpcResult<ExposureReport>>((answer) => pending.push({ operationId, answer })),
    },
  } as unknown as KeyPairDeskApi;
  return { api, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the exposure store', () => {
  it('checks a detach when it ends, and again when a reboot ends in the same profile and region', async () => {
    const main = fakeMain();
    const store = createExposureStore(() => main.api);
    const detach = makeResult([succeeded('i-a', 'req-1')]);
    store.getState().afterOperation(detach);
    expect(main.pending.map((call) => call.operationId)).toEqual(['op-1']);
    expect(store.getState().views['op-1']).toEqual({ checking: true, report: null, error: null });
    main.pending[0]!.answer(ok(report('op-1', 1)));
    await settle();
    expect(store.getState().views['op-1']).toMatchObject({ checking: false, report: { total: 1 } });
    expect(store.getState().latestDetach[detachKey('profile-prod-0001', 'cn-beijing')]).toMatchObject({ operationId: 'op-1', keyPairName: 'deploy-2023' });

    const elsewhere = { ...makeResult([succeeded('i-z', 'req-9')], { action: 'reboot', keyPair: null, regionId: 'cn-shanghai' }), operationId: 'op-reboot-1' };
    store.getState().afterOperation(elsewhere);
    expect(main.pending).toHaveLength(1);
    const reboot = { ...makeResult([succeeded('i-a', 'req-2')], { action: 'reboot', keyPair: null }), operationId: 'op-reboot-2' };
    store.getState().afterOperation(reboot);
    expect(main.pending.map((call) => call.operationId)).toEqual(['op-1', 'op-1']);
    // The last numbers stay on screen while the new check runs.
    expect(store.getState().views['op-1']).toMatchObject({ checking: true, report: { total: 1 } });
  });

  it('keeps only the latest check: an earlier answer arriving late is dropped', async () => {
    const main = fakeMain();
    const store = createExposureStore(() => main.api);
    void store.getState().check('op-1');
    void store.getState().check('op-1');
    main.pending[1]!.answer(ok(report('op-1', 0)));
    main.pending[0]!.answer(ok(report('op-1', 5)));
    await settle();
    expect(store.getState().views['op-1']).toMatchObject({ checking: false, report: { total: 0 } });
  });

  it('keeps the last report when a check fails, and says why', async () => {
    const main = fakeMain();
    const store = createExposureStore(() => main.api);
    store.getState().show('op-1', report('op-1', 2));
    void store.getState().check('op-1');
    main.pending[0]!.answer(fail({ code: 'KEYCHAIN_LOCKED', message: 'locked' }));
    await settle();
    expect(store.getState().views['op-1']).toMatchObject({ checking: false, report: { total: 2 }, error: { code: 'KEYCHAIN_LOCKED' } });
  });
});
