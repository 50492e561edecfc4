import { create } from 'zustand';
import type { OperationPlan, OperationProgress, OperationResult, PlanRequest } from '../../../../shared/domain/operation';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import type { IpcResult } from '../../../../shared/ipc/result';
import { windowApi } from '../../api/window-api';
import { isTerminalState } from './progress-facts';
import { buildRetryRequest } from './retry-selection';
import { useExposureStore } from '../exposure/exposure-store';

/** Which action an error came from, so each view shows only its own. */
export type OperationErrorSource = 'plan' | 'start' | 'cancel' | 'result';

export interface OperationError {
  during: OperationErrorSource;
  error: AppErrorData;
}

export interface OperationState {
  /** The request of the last `plan()`, kept so a failed plan can be asked again. */
  planRequest: PlanRequest | null;
  planning: boolean;
  /** The detach whose undo was last asked for (null for any other plan): its button shows what went wrong. */
  undoRequest: string | null;
  /** The plan under review; null once started or dismissed. */
  currentPlan: OperationPlan | null;
  starting: boolean;
  /** The operation being watched (running or done); null before the first start and after `reset()`. */
  operationId: string | null;
  /** The plan the watched operation runs (its action, key pair and region, for the progress view). */
  operationPlan: OperationPlan | null;
  progress: OperationProgress | null;
  /** Set when a cancel was asked for, before main's progress says `cancelling`, so the button disables at once. */
  cancelRequested: boolean;
  loadingResult: boolean;
  /** The full result, once the operation has ended. Kept while a retry is planned and reviewed. */
  result: OperationResult | null;
  lastError: OperationError | null;

  /** Asks main for a plan; resolves true when one is ready for review. */
  plan: (request: PlanRequest) => Promise<boolean>;
  /**
   * Asks main to plan the undo of a detach (the same key pair attached again where it was taken off); the plan is
   * reviewed and started like any other. Resolves true when one is ready for review.
   */
  planUndo: (operationId: string) => Promise<boolean>;
  /** Starts the plan under review; `confirmation` is the typed text, or null when the plan needs none. */
  start: (confirmation: string | null) => Promise<boolean>;
  /** Stops sending new requests; those in flight finish. */
  cancel: () => Promise<void>;
  /** Plans the failed-but-retryable and unknown instances of the result again, as the original asked (an undo as an undo). */
  retryFailed: () => Promise<boolean>;
  /** Fetches the result again (after a failed fetch, or when no final progress event came). */
  refreshResult: () => Promise<void>;
  /** Asks main to look up the instances whose outcome is unknown (DescribeInstances) and settle them. */
  recheckUnknown: () => Promise<void>;
  /** Closes the review without starting: what was shown before (a result, or nothing) stays. */
  dismissPlan: () => void;
  clearError: () => void;
  /** Forgets everything. An operation still running in main goes on; its events are ignored. */
  reset: () => void;
  /** Starts hearing main's progress events (app/listen-to-main.ts, once per window); returns what stops it. */
  listen: () => () => void;
}

/**
 * Progress events can overtake the answer to `operations.start` (main starts sending at once), so the latest event
 * of each operation is remembered until the store learns which operation is its own. A few are enough: only the
 * operations started from this window send events.
 */
const rememberedOperations = 8;

function initialProgress(operationId: string, plan: OperationPlan): OperationProgress {
  return {
    operationId,
    state: 'running',
    total: plan.instanceIds.length,
    succeeded: 0,
    failed: 0,
    unknown: 0,
    notSent: 0,
    requestsTotal: plan.requests.length,
    requestsSent: 0,
    requestsAnswered: 0,
  };
}

const cleared = {
  planRequest: null,
  planning: false,
  undoRequest: null,
  currentPlan: null,
  starting: false,
  operationId: null,
  operationPlan: null,
  progress: null,
  cancelRequested: false,
  loadingResult: false,
  result: null,
  lastError: null,
} satisfies Partial<OperationState>;

/**
 * The store, built on whatever API it is given, so tests drive it with a fake main. `onResult` hears every final
 * result it receives (an ended operation, a re-check), for what follows from it (the exposure check).
 */
export function createOperationStore(api: () => KeyPairDeskApi, onResult: (result: OperationResult) => void = () => undefined) {
  return create<OperationState>()((set, get) => {
    const latestProgress = new Map<string, OperationProgress>();
    // Answers to superseded calls (a second plan() while the first is pending, a reset) are dropped by number.
    let planCall = 0;
    let generation = 0;

    const remember = (progress: OperationProgress) => {
      latestProgress.delete(progress.operationId);
      latestProgress.set(progress.operationId, progress);
      const oldest = latestProgress.keys().next();
      if (latestProgress.size > rememberedOperations && oldest.done !== true) latestProgress.delete(oldest.value);
    };

    /** Asks main for a plan (what was asked kept in `asked`); true when one is ready for review. */
    const askForPlan = async (asked: Pick<OperationState, 'planRequest' | 'undoRequest'>, ask: () => Promise<IpcResult<OperationPlan>>) => {
      const call = ++planCall;
      set({ ...asked, planning: true, currentPlan: null, lastError: null });
      const answer = await ask();
      if (call !== planCall) return false;
      if (answer.ok) set({ planning: false, currentPlan: answer.value });
      else set({ planning: false, lastError: { during: 'plan', error: answer.error } });
      return answer.ok;
    };

    const fetchResult = async () => {
      const { operationId } = get();
      if (operationId === null) return;
      const mine = generation;
      set({ loadingResult: true });
      const answer = await api().operations.get({ operationId });
      if (mine !== generation || get().operationId !== operationId) return;
      if (answer.ok) {
        set({ loadingResult: false, result: answer.value, progress: answer.value.progress });
        onResult(answer.value);
      } else set({ loadingResult: false, lastError: { during: 'result', error: answer.error } });
    };

    const onProgress = (progress: OperationProgress) => {
      remember(progress);
      const state = get();
      if (progress.operationId !== state.operationId) return;
      // Once ended, an operation stays ended: a late event must not bring the progress view back.
      if (state.progress !== null && isTerminalState(state.progress.state)) return;
      set({ progress });
      if (isTerminalState(progress.state) && state.result === null && !state.loadingResult) void fetchResult();
    };

    return {
      ...cleared,

      plan: (request) => askForPlan({ planRequest: request, undoRequest: null }, () => api().operations.plan(request)),

      planUndo: (operationId) => askForPlan({ planRequest: null, undoRequest: operationId }, () => api().operations.planUndo({ operationId })),

      start: async (confirmation) => {
        const plan = get().currentPlan;
        if (plan === null || get().starting) return false;
        const mine = generation;
        set({ starting: true, lastError: null });
        const answer = await api().operations.start({ planId: plan.planId, confirmation });
        if (mine !== generation) return false;
        if (!answer.ok) {
          set({ starting: false, lastError: { during: 'start', error: answer.error } });
          return false;
        }
        const { operationId } = answer.value;
        const progress = latestProgress.get(operationId) ?? initialProgress(operationId, plan);
        set({
          starting: false,
          currentPlan: null,
          operationId,
          operationPlan: plan,
          progress,
          cancelRequested: false,
          result: null,
          loadingResult: false,
        });
        if (isTerminalState(progress.state)) void fetchResult();
        return true;
      },

      cancel: async () => {
        const { operationId, progress, cancelRequested } = get();
        if (operationId === null || cancelRequested || (progress !== null && isTerminalState(progress.state))) return;
        set({ cancelRequested: true });
        const answer = await api().operations.cancel({ operationId });
        if (get().operationId !== operationId) return;
        // A refused cancel is shown, and the button comes back so the admin can try again.
        if (!answer.ok) set({ cancelRequested: false, lastError: { during: 'cancel', error: answer.error } });
      },

      retryFailed: async () => {
        const { result } = get();
        // An undo is run again as an undo: planned afresh by main, it never overwrites a key bound since (a plain
        // attach of the same instances would, as a rotation); those it gave the key back to are left out as bound.
        if (result?.plan.undoOf !== undefined) return get().planUndo(result.plan.undoOf);
        const request = result === null ? null : buildRetryRequest(result);
        return request === null ? false : get().plan(request);
      },

      refreshResult: async () => {
        set({ lastError: null });
        await fetchResult();
      },

      recheckUnknown: async () => {
        const { result } = get();
        if (result === null) return;
        set({ loadingResult: true, lastError: null });
        const answer = await api().operations.recheck({ operationId: result.operationId });
        if (answer.ok) {
          set({ loadingResult: false, result: answer.value, progress: answer.value.progress });
          onResult(answer.value);
        } else set({ loadingResult: false, lastError: { during: 'result', error: answer.error } });
      },

      dismissPlan: () => {
        planCall += 1;
        set({ currentPlan: null, planning: false, lastError: null });
      },

      clearError: () => set({ lastError: null }),

      reset: () => {
        planCall += 1;
        generation += 1;
        set({ ...cleared });
      },

      // Heard from before the first start: events for a new operation may come before the answer to start.
      listen: () => api().on.operations.progress(onProgress),
    };
  });
}

export const useOperationStore = createOperationStore(windowApi, (result) => useExposureStore.getState().afterOperation(result));
