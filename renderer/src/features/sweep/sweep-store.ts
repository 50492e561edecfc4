import { create } from 'zustand';
import type { OperationProgress, OperationResult } from '../../../../shared/domain/operation';
import type { Sweep, SweepPlan, SweepPlanRequest, SweepProgress } from '../../../../shared/domain/sweep';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import type { KeyPairDeskApi } from '../../../../shared/ipc/api-types';
import { windowApi } from '../../api/window-api';
import { isTerminalState } from '../operation/progress-facts';
import { plannableRegions, retryRegions, type SweepRun } from './sweep-facts';
import { useExposureStore } from '../exposure/exposure-store';

export type SweepSearch =
  | { state: 'idle' }
  | { state: 'searching'; jobId: string; keyPairName: string; progress: SweepProgress | null }
  | { state: 'done'; sweep: Sweep }
  | { state: 'failed'; error: AppErrorData };

/** Which step an error came from, so each part of the page shows only its own. */
export type SweepErrorSource = 'plan' | 'start' | 'cancel' | 'result';

export interface SweepState {
  search: SweepSearch;
  /** Regions of the current sweep the admin left out of the plan (all found regions are in by default). */
  skippedRegions: ReadonlySet<string>;
  planning: boolean;
  /** The plan under review; null once started or dismissed. */
  currentPlan: SweepPlan | null;
  starting: boolean;
  /** One operation per region, once a plan was started; kept (with results) until the next start or search. */
  runs: SweepRun[];
  cancelRequested: boolean;
  lastError: { during: SweepErrorSource; error: AppErrorData } | null;

  /** Searches every region of the profile for the key pair; the findings replace the last ones. */
  find: (profileId: string, keyPairName: string) => Promise<void>;
  cancelSearch: () => Promise<void>;
  setRegionIncluded: (regionId: string, included: boolean) => void;
  /** Plans a detach of the key from every instance bound to it in the included regions. */
  review: () => Promise<boolean>;
  /** Plans the retryable and unknown instances of the finished runs again (all regions, or one). */
  retryFailed: (regionId?: string) => Promise<boolean>;
  start: (confirmation: string | null) => Promise<boolean>;
  /** Stops sending new requests in every region; those in flight finish. */
  cancel: () => Promise<void>;
  /** Looks the unknown outcomes of one region up again (DescribeInstances). */
  recheck: (regionId: string) => Promise<void>;
  dismissPlan: () => void;
  clearError: () => void;
  /** Starts hearing main's sweep and operation progress (app/listen-to-main.ts, once per window); returns what stops it. */
  listen: () => () => void;
}

const newJobId = () => crypto.randomUUID();

/**
 * The store, built on whatever API it is given, so tests can drive it with a fake main. `onResult` hears every
 * region's final result (an ended operation, a re-check), for what follows from it (the exposure check).
 */
function createSweepStore(api: () => KeyPairDeskApi, onResult: (result: OperationResult) => void = () => undefined) {
  return create<SweepState>()((set, get) => {
    // Progress can overtake the answer to `sweep.start`: the latest event of each operation waits here until then.
    const early = new Map<string, OperationProgress>();

    const updateRun = (operationId: string, change: (run: SweepRun) => SweepRun) =>
      set({ runs: get().runs.map((run) => (run.operationId === operationId ? change(run) : run)) });

    const fetchResult = async (operationId: string) => {
      const answer = await api().operations.get({ operationId });
      if (answer.ok) {
        updateRun(operationId, (run) => ({ ...run, result: answer.value, progress: answer.value.progress }));
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

    const plan = async (request: SweepPlanRequest) => {
      set({ planning: true, currentPlan: null, lastError: null });
      const answer = await api().sweep.plan(request);
      if (answer.ok) set({ planning: false, currentPlan: answer.value });
      else set({ planning: false, lastError: { during: 'plan', error: answer.error } });
      return answer.ok;
    };

    return {
      search: { state: 'idle' },
      skippedRegions: new Set(),
      planning: false,
      currentPlan: null,
      starting: false,
      runs: [],
      cancelRequested: false,
      lastError: null,

      find: async (profileId, keyPairName) => {
        const jobId = newJobId();
        // A new search starts a new sweep: the last one's results are in its operations (and exports), not here.
        set({ search: { state: 'searching', jobId, keyPairName, progress: null }, skippedRegions: new Set(), currentPlan: null, runs: [], lastError: null });
        const answer = await api().sweep.find({ profileId, keyPairName, jobId });
        const now = get().search;
        if (now.state !== 'searching' || now.jobId !== jobId) return;
        set({ search: answer.ok ? { state: 'done', sweep: answer.value } : { state: 'failed', error: answer.error } });
      },

      cancelSearch: async () => {
        const search = get().search;
        if (search.state === 'searching') await api().sweep.cancel({ jobId: search.jobId });
      },

      setRegionIncluded: (regionId, included) => {
        const skipped = new Set(get().skippedRegions);
        if (included) skipped.delete(regionId);
        else skipped.add(regionId);
        set({ skippedRegions: skipped });
      },

      review: async () => {
        const { search, skippedRegions } = get();
        if (search.state !== 'done') return false;
        const regions = plannableRegions(search.sweep.regions)
          .filter((region) => !skippedRegions.has(region.regionId))
          .map((region) => ({ regionId: region.regionId, instanceIds: region.instances.map((instance) => instance.instanceId) }));
        return regions.length === 0 ? false : plan({ sweepId: search.sweep.sweepId, regions });
      },

      retryFailed: async (regionId) => {
        const { search, runs } = get();
        if (search.state !== 'done') return false;
        const regions = retryRegions(regionId === undefined ? runs : runs.filter((run) => run.regionId === regionId));
        return regions.length === 0 ? false : plan({ sweepId: search.sweep.sweepId, regions });
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
        const runs = answer.value.operations.map(({ regionId, operationId }): SweepRun => {
          const part = currentPlan.plans.find((candidate) => candidate.regionId === regionId)!;
          const progress = early.get(operationId) ?? {
            operationId,
            state: 'running',
            total: part.instanceIds.length,
            succeeded: 0,
            failed: 0,
            unknown: 0,
            notSent: 0,
            requestsTotal: part.requests.length,
            requestsSent: 0,
            requestsAnswered: 0,
          };
          return { regionId, operationId, progress, result: null };
        });
        early.clear();
        set({ starting: false, currentPlan: null, runs, cancelRequested: false });
        for (const run of runs) if (isTerminalState(run.progress.state)) void fetchResult(run.operationId);
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

      recheck: async (regionId) => {
        const run = get().runs.find((candidate) => candidate.regionId === regionId);
        if (run === undefined) return;
        set({ lastError: null });
        const answer = await api().operations.recheck({ operationId: run.operationId });
        if (answer.ok) {
          updateRun(run.operationId, (current) => ({ ...current, result: answer.value, progress: answer.value.progress }));
          onResult(answer.value);
        } else set({ lastError: { during: 'result', error: answer.error } });
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

export const useSweepStore = createSweepStore(windowApi, (result) => useExposureStore.getState().afterOperation(result));
