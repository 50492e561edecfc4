import { create } from 'zustand';
import type { OperationProgress, OperationResult } from '../../../../shared/domain/operation';
import type { Sweep, SweepPlan, SweepPlanRequest, SweepProgress, SweepStarted } from '../../../../shared/domain/sweep';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { windowApi } from '../../api/window-api';
import { isTerminalState } from '../operation/progress-facts';
import { partKey, plannedParts, retryParts, type SweepRun } from './sweep-facts';
import { useExposureStore } from '../exposure/exposure-store';
import { useHistoryStore } from '../history/history-store';

export type SweepSearch =
  | { state: 'idle' }
  | { state: 'searching'; jobId: string; keyPairName: string; accounts: number; progress: SweepProgress | null }
  | { state: 'done'; sweep: Sweep }
  | { state: 'failed'; error: AppErrorData };

/** Which step an error came from, so each part of the page shows only its own. */
export type SweepErrorSource = 'plan' | 'start' | 'cancel' | 'result' | 'resume';

export interface SweepState {
  search: SweepSearch;
  /** Accounts (profile IDs) of the current sweep the admin left out of the plan (all are in by default). */
  skippedAccounts: ReadonlySet<string>;
  /** Accounts' regions (by `partKey`) the admin left out of the plan (all found ones are in by default). */
  skippedParts: ReadonlySet<string>;
  planning: boolean;
  /** The plan under review; null once started or dismissed. */
  currentPlan: SweepPlan | null;
  starting: boolean;
  /** One operation per account and region, once a plan was started (or resumed); kept until the next start or search. */
  runs: SweepRun[];
  /** The started sweep's journal ID and key pair name, for its export and History; null before a start. */
  started: { sweepOperationId: string; keyPairName: string; startedAt: string } | null;
  cancelRequested: boolean;
  lastError: { during: SweepErrorSource; error: AppErrorData } | null;

  /** Searches every region of each profile for the key pair; the findings replace the last ones. */
  find: (profileIds: string[], keyPairName: string) => Promise<void>;
  cancelSearch: () => Promise<void>;
  setAccountIncluded: (profileId: string, included: boolean) => void;
  setRegionIncluded: (profileId: string, regionId: string, included: boolean) => void;
  /** Plans a detach of the key from every instance bound to it in the included regions. */
  review: () => Promise<boolean>;
  /** Plans the retryable and unknown instances of the finished runs again (all parts, or one by `partKey`). */
  retryFailed: (key?: string) => Promise<boolean>;
  start: (confirmation: string | null) => Promise<boolean>;
  /** Stops sending new requests in every region; those in flight finish. */
  cancel: () => Promise<void>;
  /** Looks the unknown outcomes of one part (by `partKey`) up again (DescribeInstances). */
  recheck: (key: string) => Promise<void>;
  /** Resumes an interrupted sweep (from History): its parts become this screen's runs. */
  resume: (sweepOperationId: string) => Promise<boolean>;
  dismissPlan: () => void;
  clearError: () => void;
  /** Starts hearing main's sweep and operation progress (app/listen-to-main.ts, once per window); returns what stops it. */
  listen: () => () => void;
}

const newJobId = () => crypto.randomUUID();

function toggled(set: ReadonlySet<string>, key: string, included: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (included) next.delete(key);
  else next.add(key);
  return next;
}

/**
 * The store, built on whatever API it is given, so tests can drive it with a fake main. `onResult` hears every
 * region's final result (an ended operation, a re-check), for what follows from it (the exposure check).
 */
export function createSweepStore(api: () => KeyPairDeskApi, onResult: (result: OperationResult) => void = () => undefined) {
  return create<SweepState>()((set, get) => {
    // Progress can overtake the answer to `sweep.start`: the latest event of each operation waits here until then.
    const early = new Map<string, OperationProgress>();

    const updateRun = (operationId: string, change: (run: SweepRun) => SweepRun) =>
      set({ runs: get().runs.map((run) => (run.operationId === operationId ? change(run) : run)) });

    const fetchResult = async (operationId: string) => {
      const answer = await api().operations.get({ operationId });
      if (answer.ok) {
        const { plan: part, progress } = answer.value;
        // A part still running (just resumed) is only read for who it is; its result is read again when it ends.
        const ended = isTerminalState(progress.state);
        updateRun(operationId, (run) => ({
          ...run,
          profileName: part.profileName,
          accountId: part.accountId,
          result: ended ? answer.value : run.result,
          progress: ended || !isTerminalState(run.progress.state) ? progress : run.progress,
        }));
        const started = get().started;
        // The sweep started when its first part did (a resumed sweep's time comes from the journal this way).
        if (started !== null && answer.value.startedAt < started.startedAt) set({ started: { ...started, startedAt: answer.value.startedAt } });
        if (!ended) return;
        onResult(answer.value);
      } else set({ lastError: { during: 'result', error: answer.error } });
    };

    const onOperationProgress = (progress: OperationProgress) => {
      const run = get().runs.find((candidate) => candidate.operationId === progress.operationId);
      if (run === undefined) {
        early.set(progress.operationId, progress);
        return;
      }
      // Once ended, a region stays ended: a late event must not bring its progress back.
      if (isTerminalState(run.progress.state)) return;
      updateRun(run.operationId, (current) => ({ ...current, progress }));
      if (isTerminalState(progress.state)) void fetchResult(run.operationId);
    };

    const onSearchProgress = (progress: SweepProgress) => {
      const search = get().search;
      if (search.state === 'searching' && search.jobId === progress.jobId) set({ search: { ...search, progress } });
    };

    // After a resume there is no search on screen: a retry plans against the sweep main rebuilt from the journal.
    let resumedSweepId: string | null = null;
    const sweepId = () => {
      const search = get().search;
      return search.state === 'done' ? search.sweep.sweepId : resumedSweepId;
    };

    /** Makes a started (or resumed) sweep's parts the runs; `planned` supplies what is known before any event. */
    const adopt = (answer: SweepStarted, planned: (part: SweepStarted['operations'][number]) => Pick<SweepRun, 'profileName' | 'accountId'> & { total: number; requests: number }) => {
      const runs = answer.operations.map((part): SweepRun => {
        const known = planned(part);
        const progress = early.get(part.operationId) ?? {
          operationId: part.operationId,
          state: 'running',
          total: known.total,
          succeeded: 0,
          failed: 0,
          unknown: 0,
          notSent: 0,
          requestsTotal: known.requests,
          requestsSent: 0,
          requestsAnswered: 0,
        };
        return { profileId: part.profileId, profileName: known.profileName, accountId: known.accountId, regionId: part.regionId, operationId: part.operationId, progress, result: null };
      });
      early.clear();
      set({ runs, cancelRequested: false, started: { sweepOperationId: answer.sweepOperationId, keyPairName: answer.keyPairName, startedAt: new Date().toISOString() } });
      // A part that has ended (or, after a resume, ended before the crash) sends no more events: read its result now.
      for (const run of runs) if (isTerminalState(run.progress.state)) void fetchResult(run.operationId);
    };

    const plan = async (request: SweepPlanRequest) => {
      set({ planning: true, currentPlan: null, lastError: null });
      const answer = await api().sweep.plan(request);
      if (answer.ok) set({ planning: false, currentPlan: answer.value });
      else set({ planning: false, lastError: { during: 'plan', error: answer.error } });
      return answer.ok;
    };

    return {
      search: { state: 'idle' },
      skippedAccounts: new Set(),
      skippedParts: new Set(),
      planning: false,
      currentPlan: null,
      starting: false,
      runs: [],
      started: null,
      cancelRequested: false,
      lastError: null,

      find: async (profileIds, keyPairName) => {
        const jobId = newJobId();
        // A new search starts a new sweep: the last one's results are in its operations (and exports), not here.
        resumedSweepId = null;
        set({
          search: { state: 'searching', jobId, keyPairName, accounts: profileIds.length, progress: null },
          skippedAccounts: new Set(),
          skippedParts: new Set(),
          currentPlan: null,
          runs: [],
          started: null,
          lastError: null,
        });
        const answer = await api().sweep.find({ profileIds, keyPairName, jobId });
        const now = get().search;
        if (now.state !== 'searching' || now.jobId !== jobId) return;
        set({ search: answer.ok ? { state: 'done', sweep: answer.value } : { state: 'failed', error: answer.error } });
      },

      cancelSearch: async () => {
        const search = get().search;
        if (search.state === 'searching') await api().sweep.cancel({ jobId: search.jobId });
      },

      setAccountIncluded: (profileId, included) => set({ skippedAccounts: toggled(get().skippedAccounts, profileId, included) }),
      setRegionIncluded: (profileId, regionId, included) => set({ skippedParts: toggled(get().skippedParts, partKey(profileId, regionId), included) }),

      review: async () => {
        const { search, skippedAccounts, skippedParts } = get();
        if (search.state !== 'done') return false;
        const parts = plannedParts(search.sweep, skippedAccounts, skippedParts);
        return parts.length === 0 ? false : plan({ sweepId: search.sweep.sweepId, parts });
      },

      retryFailed: async (key) => {
        const { runs } = get();
        const id = sweepId();
        if (id === null) return false;
        const parts = retryParts(key === undefined ? runs : runs.filter((run) => partKey(run.profileId, run.regionId) === key));
        return parts.length === 0 ? false : plan({ sweepId: id, parts });
      },

      start: async (confirmation) => {
        const { currentPlan, starting } = get();
        if (currentPlan === null || starting) return false;
        set({ starting: true, lastError: null });
        const answer = await api().sweep.start({ sweepPlanId: currentPlan.sweepPlanId, confirmation });
        if (!answer.ok) {
          set({ starting: false, lastError: { during: 'start', error: answer.error } });
          return false;
        }
        set({ starting: false, currentPlan: null });
        adopt(answer.value, ({ profileId, regionId }) => {
          const part = currentPlan.plans.find((candidate) => candidate.profileId === profileId && candidate.regionId === regionId);
          return { profileName: part?.profileName ?? '', accountId: part?.accountId ?? null, total: part?.instanceIds.length ?? 0, requests: part?.requests.length ?? 0 };
        });
        return true;
      },

      cancel: async () => {
        const { runs, cancelRequested } = get();
        if (cancelRequested) return;
        set({ cancelRequested: true });
        const active = runs.filter((run) => !isTerminalState(run.progress.state));
        const answers = await Promise.all(active.map((run) => api().operations.cancel({ operationId: run.operationId })));
        const refused = answers.find((answer) => !answer.ok);
        // A refused cancel is shown, and the button comes back so the admin can try again.
        if (refused !== undefined && !refused.ok) set({ cancelRequested: false, lastError: { during: 'cancel', error: refused.error } });
      },

      recheck: async (key) => {
        const run = get().runs.find((candidate) => partKey(candidate.profileId, candidate.regionId) === key);
        if (run === undefined) return;
        set({ lastError: null });
        const answer = await api().operations.recheck({ operationId: run.operationId });
        if (answer.ok) {
          updateRun(run.operationId, (current) => ({ ...current, result: answer.value, progress: answer.value.progress }));
          onResult(answer.value);
        } else set({ lastError: { during: 'result', error: answer.error } });
      },

      resume: async (sweepOperationId) => {
        set({ lastError: null });
        const answer = await api().sweep.resume({ sweepOperationId });
        if (!answer.ok) {
          set({ lastError: { during: 'resume', error: answer.error } });
          return false;
        }
        resumedSweepId = answer.value.sweepId;
        set({ search: { state: 'idle' }, currentPlan: null });
        // Who each part's account is comes with its result (read at its end); until then the profile ID stands in.
        adopt(answer.value, () => ({ profileName: '', accountId: null, total: 0, requests: 0 }));
        for (const run of get().runs) if (!isTerminalState(run.progress.state)) void fetchResult(run.operationId);
        return true;
      },

      dismissPlan: () => set({ currentPlan: null, planning: false, lastError: null }),
      clearError: () => set({ lastError: null }),

      listen: () => {
        const stops = [api().on.operations.progress(onOperationProgress), api().on.sweep.progress(onSearchProgress)];
        return () => stops.forEach((stop) => stop());
      },
    };
  });
}

/**
 * Each part's end is followed by its exposure check; the sweep's end (every part's result in) by a fresh History, so
 * the interrupted notice forgets a resumed sweep once it has run to its end.
 */
export const useSweepStore = createSweepStore(windowApi, (result) => {
  useExposureStore.getState().afterOperation(result);
  if (useSweepStore.getState().runs.every((run) => run.result !== null)) void useHistoryStore.getState().refresh();
});
