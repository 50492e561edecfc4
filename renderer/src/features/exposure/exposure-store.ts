import { create } from 'zustand';
import type { ExposureReport } from '../../../../shared/domain/exposure';
import type { OperationResult } from '../../../../shared/domain/operation';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { windowApi } from '../../api/window-api';
import { isTerminalState } from '../operation/progress-facts';

/**
 * One detach's "still exposed" panel: the latest report (kept while a new check runs, so the numbers do not
 * blink away), whether a check is running, and why the last one failed.
 */
export interface ExposureView {
  checking: boolean;
  report: ExposureReport | null;
  error: AppErrorData | null;
}

interface Subject {
  profileId: string;
  regionId: string;
}

/** The latest detach that ended in a profile and region: a reboot's results show its panel. */
export interface LatestDetach {
  operationId: string;
  keyPairName: string;
  startedAt: string;
}

export const detachKey = (profileId: string, regionId: string) => `${profileId}\n${regionId}`;

export interface ExposureState {
  /** By operation ID; only detaches have one. */
  views: Readonly<Record<string, ExposureView>>;
  /** By `detachKey(profileId, regionId)`. */
  latestDetach: Readonly<Record<string, LatestDetach>>;
  /** Asks main where the detach's key still works now (fresh reads); the answer replaces the last one. */
  check: (operationId: string) => Promise<void>;
  /** Shows a report read elsewhere (the history's journal copy) without checking again. */
  show: (operationId: string, report: ExposureReport | null) => void;
  /**
   * An operation ended (or its outcomes changed): a detach is checked; a reboot re-checks every detach shown for
   * the same profile and region, since it may have taken the key off some of their instances.
   */
  afterOperation: (result: OperationResult) => void;
}

const idle: ExposureView = { checking: false, report: null, error: null };

/** The store, built on whatever API it is given, so tests can drive it with a fake main. */
export function createExposureStore(api: () => KeyPairDeskApi) {
  return create<ExposureState>()((set, get) => {
    const subjects = new Map<string, Subject>();
    // Only the latest check of an operation may land: an older answer arriving late must not replace a newer one.
    const calls = new Map<string, number>();

    const update = (operationId: string, change: Partial<ExposureView>) =>
      set({ views: { ...get().views, [operationId]: { ...(get().views[operationId] ?? idle), ...change } } });

    return {
      views: {},
      latestDetach: {},

      check: async (operationId) => {
        const call = (calls.get(operationId) ?? 0) + 1;
        calls.set(operationId, call);
        update(operationId, { checking: true, error: null });
        const answer = await api().operations.exposure({ operationId });
        if (calls.get(operationId) !== call) return;
        if (answer.ok) update(operationId, { checking: false, report: answer.value, error: null });
        else update(operationId, { checking: false, error: answer.error });
      },

      show: (operationId, report) => {
        if (get().views[operationId]?.checking === true) return;
        update(operationId, { report, error: null });
      },

      afterOperation: (result) => {
        if (!isTerminalState(result.progress.state) && result.progress.state !== 'interrupted') return;
        const { plan } = result;
        if (plan.action === 'detach-key-pair') {
          subjects.set(result.operationId, { profileId: plan.profileId, regionId: plan.regionId });
          const latest = { operationId: result.operationId, keyPairName: plan.keyPair?.keyPairName ?? '', startedAt: result.startedAt };
          set({ latestDetach: { ...get().latestDetach, [detachKey(plan.profileId, plan.regionId)]: latest } });
          void get().check(result.operationId);
          return;
        }
        for (const [operationId, subject] of subjects) {
          if (subject.profileId === plan.profileId && subject.regionId === plan.regionId) void get().check(operationId);
        }
      },
    };
  });
}

export const useExposureStore = createExposureStore(windowApi);
