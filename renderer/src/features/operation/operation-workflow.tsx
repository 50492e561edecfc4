import { Spin } from '@arco-design/web-react';
import { Suspense } from 'react';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { detachKey, useExposureStore } from '../exposure/exposure-store';
import { useOperationStore } from './operation-store';
import { AppErrorAlert } from '../../common/app-error-alert';
import { OperationProgressView, OperationResults, PlanReview } from './on-demand-operation-views';

/**
 * The detach workflow after selection, driven by the operation store: the review dialog while a plan waits for
 * confirmation, then the live progress, then the results. Renders nothing while there is nothing to show.
 */
export function OperationWorkflow() {
  const currentPlan = useOperationStore((state) => state.currentPlan);
  const planning = useOperationStore((state) => state.planning);
  const starting = useOperationStore((state) => state.starting);
  const operationPlan = useOperationStore((state) => state.operationPlan);
  const progress = useOperationStore((state) => state.progress);
  const result = useOperationStore((state) => state.result);
  const cancelRequested = useOperationStore((state) => state.cancelRequested);
  const loadingResult = useOperationStore((state) => state.loadingResult);
  const lastError = useOperationStore((state) => state.lastError);
  const start = useOperationStore((state) => state.start);
  const cancel = useOperationStore((state) => state.cancel);
  const retryFailed = useOperationStore((state) => state.retryFailed);
  const refreshResult = useOperationStore((state) => state.refreshResult);
  const recheckUnknown = useOperationStore((state) => state.recheckUnknown);
  const dismissPlan = useOperationStore((state) => state.dismissPlan);
  const clearError = useOperationStore((state) => state.clearError);
  const t = useT();
  const locale = useLocale();
  // After a reboot, the panel of the detach it followed: the reboot is what takes the key off.
  const followed = useExposureStore((state) => (result?.plan.action === 'reboot' ? state.latestDetach[detachKey(result.plan.profileId, result.plan.regionId)] : undefined));
  const errorFrom = (source: NonNullable<typeof lastError>['during']) => (lastError?.during === source ? lastError.error : null);
  // An undo's failed plan shows at its own button (undo-offer.tsx), not again above the table.
  const undoRequest = useOperationStore((state) => state.undoRequest);
  const planError = undoRequest === null ? errorFrom('plan') : null;

  let body = null;
  if (result !== null) {
    body = (
      <OperationResults
        key={result.operationId}
        result={result}
        retrying={planning}
        error={planError}
        onRetryFailed={() => void retryFailed()}
        onRecheck={result.plan.action === 'reboot' ? undefined : () => void recheckUnknown()}
        undo={{}}
        exposure={
          followed === undefined
            ? undefined
            : {
                operationId: followed.operationId,
                context: format(t('exposure.fromDetach'), {
                  keyPair: followed.keyPairName,
                  time: formatDateTime(followed.startedAt, locale),
                }),
              }
        }
      />
    );
  } else if (progress !== null && operationPlan !== null) {
    const resultError = errorFrom('result');
    body = (
      <OperationProgressView
        action={operationPlan.action}
        progress={progress}
        cancelRequested={cancelRequested}
        loadingResult={loadingResult}
        error={errorFrom('cancel') ?? resultError}
        onCancel={() => void cancel()}
        {...(resultError === null ? {} : { onRetryLoad: () => void refreshResult() })}
      />
    );
  } else if (planError !== null) {
    body = <AppErrorAlert error={planError} onClose={clearError} />;
  }

  return (
    <>
      <Suspense fallback={<Spin className="operation-loading" />}>{body}</Suspense>
      {currentPlan === null ? null : (
        <Suspense fallback={null}>
          <PlanReview
            key={currentPlan.planId}
            plan={currentPlan}
            starting={starting}
            error={errorFrom('start')}
            onConfirm={(confirmation) => void start(confirmation)}
            onCancel={dismissPlan}
          />
        </Suspense>
      )}
    </>
  );
}
