import { create } from 'zustand';
import type { HistoryDetail, HistoryList } from '../../../../shared/domain/history';
import type { OperationProgress, OperationResult } from '../../../../shared/domain/operation';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { windowApi } from '../../api/window-api';
import { isTerminalState } from '../operation/progress-facts';
import { useExposureStore } from '../exposure/exposure-store';

/** The operation opened in the history: its record, and its live progress while it is resumed. */
export interface OpenedOperation {
  operationId: string;
  result: OperationResult | null;
  /** Set while a resumed operation runs; cleared when its final result is in. */
  progress: OperationProgress | null;
  loading: boolean;
  /** A detach: the undos started for it, oldest first, as the journal tells (empty for any other operation). */
  undoneBy: readonly string[];
}

export interface HistoryState {
  list: HistoryList | null;
  loading: boolean;
  opened: OpenedOperation | null;
  resuming: boolean;
  lastError: AppErrorData | null;
  /** Reads the journal's operations again. */
  refresh: () => Promise<void>;
  open: (operationId: string) => Promise<void>;
  close: () => void;
  /** Continues the opened (interrupted) operation; its progress then shows in place of its record. */
  resume: () => Promise<void>;
  /** Ends the opened (interrupted) operation without resuming it. */
  abandon: () => Promise<void>;
  /** Asks Volcengine about the opened operation's unknown outcomes (DescribeInstances) and settles what it can. */
  recheck: () => Promise<void>;
  /** Stops sending the resumed operation's requests; those in flight finish. */
  cancel: () => Promise<void>;
  clearError: () => void;
  /** Starts hearing main's progress events (app/listen-to-main.ts, once per window); returns what stops it. */
  listen: () => () => void;
}

export interface HistoryHooks {
  /** Each opened operation's journal record, with its latest exposure check (for the exposure panel). */
  onDetail: (detail: HistoryDetail) => void;
  /** A new result: a re-check's, or a resumed operation's end (what follows from it: the exposure check). */
  onResult: (result: OperationResult) => void;
}

const noHooks: HistoryHooks = { onDetail: () => undefined, onResult: () => undefined };

/** The store, built on whatever API it is given, so tests can drive it with a fake main. */
function createHistoryStore(api: () => KeyPairDeskApi, hooks: HistoryHooks = noHooks) {
  return create<HistoryState>()((set, get) => {
    const load = async (operationId: string) => {
      const before = get().opened;
      set({ opened: { operationId, result: before?.result ?? null, progress: before?.progress ?? null, loading: true, undoneBy: before?.undoneBy ?? [] } });
      const answer = await api().history.get({ operationId });
      if (get().opened?.operationId !== operationId) return;
      if (answer.ok) {
        hooks.onDetail(answer.value);
        set({ opened: { operationId, result: answer.value, progress: null, loading: false, undoneBy: answer.value.undoneBy } });
      } else set({ opened: { operationId, result: null, progress: null, loading: false, undoneBy: [] }, lastError: answer.error });
    };

    /** A resumed operation's progress, shown in place of its record until it ends. */
    const onProgress = (progress: OperationProgress) => {
      const opened = get().opened;
      if (opened === null || opened.operationId !== progress.operationId || opened.progress === null) return;
      set({ opened: { ...opened, progress } });
      if (isTerminalState(progress.state)) {
        void load(progress.operationId).then(() => {
          const ended = get().opened;
          if (ended?.operationId === progress.operationId && ended.result !== null) hooks.onResult(ended.result);
        });
        void get().refresh();
      }
    };

    return {
      list: null,
      loading: false,
      opened: null,
      resuming: false,
      lastError: null,

      refresh: async () => {
        set({ loading: true });
        const answer = await api().history.list();
        set(answer.ok ? { loading: false, list: answer.value } : { loading: false, lastError: answer.error });
      },

      open: async (operationId) => {
        set({ opened: { operationId, result: null, progress: null, loading: true, undoneBy: [] }, lastError: null });
        await load(operationId);
      },

      close: () => set({ opened: null }),

      resume: async () => {
        const opened = get().opened;
        if (opened?.result == null || get().resuming) return;
        set({ resuming: true, lastError: null });
        const answer = await api().operations.resume({ operationId: opened.operationId });
        if (!answer.ok) {
          set({ resuming: false, lastError: answer.error });
          return;
        }
        // Until the first event: everything the journal did not answer is pending again.
        const start = { ...opened.result.progress, state: 'running' as const };
        set({ resuming: false, opened: { ...opened, progress: start } });
      },

      abandon: async () => {
        const opened = get().opened;
        if (opened === null) return;
        const answer = await api().operations.abandon({ operationId: opened.operationId });
        if (!answer.ok) return set({ lastError: answer.error });
        set({ opened: { ...opened, result: answer.value } });
        await get().refresh();
      },

      recheck: async () => {
        const opened = get().opened;
        if (opened === null) return;
        set({ opened: { ...opened, loading: true }, lastError: null });
        const answer = await api().operations.recheck({ operationId: opened.operationId });
        if (get().opened?.operationId !== opened.operationId) return;
        if (!answer.ok) return set({ opened: { ...opened, loading: false }, lastError: answer.error });
        set({ opened: { ...opened, loading: false, result: answer.value } });
        hooks.onResult(answer.value);
        await get().refresh();
      },

      cancel: async () => {
        const opened = get().opened;
        if (opened?.progress == null) return;
        const answer = await api().operations.cancel({ operationId: opened.operationId });
        if (!answer.ok) set({ lastError: answer.error });
      },

      clearError: () => set({ lastError: null }),

      listen: () => api().on.operations.progress(onProgress),
    };
  });
}

export const useHistoryStore = createHistoryStore(windowApi, {
  onDetail: (detail) => useExposureStore.getState().show(detail.operationId, detail.exposure),
  onResult: (result) => useExposureStore.getState().afterOperation(result),
});
