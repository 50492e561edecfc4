import { Typography } from '@arco-design/web-react';
import { AppErrorAlert } from '../../common/app-error-alert';
import { useSweepT } from './sweep-messages';
import { useSweepStore } from './sweep-store';
import { OperationProgressView } from '../operation/operation-progress-view';
import { combinedProgress } from './sweep-facts';
import { SweepFindings } from './sweep-findings';
import { SweepResults } from './sweep-results';
import { SweepReview } from './sweep-review';
import { SweepSearchForm } from './sweep-search-form';
import { SweepSearchProgress } from './sweep-search-progress';
import './sweep.css';

/**
 * The emergency screen: "this key leaked, take it off everything". Search every account's regions for a key pair
 * name, see where it is bound, review one plan over all of them, watch it run, read every part's results. A sweep
 * resumed from History shows here too, from its progress on.
 */
export function SweepPage() {
  const t = useSweepT();
  const search = useSweepStore((state) => state.search);
  const runs = useSweepStore((state) => state.runs);
  const currentPlan = useSweepStore((state) => state.currentPlan);
  const starting = useSweepStore((state) => state.starting);
  const cancelRequested = useSweepStore((state) => state.cancelRequested);
  const lastError = useSweepStore((state) => state.lastError);
  const start = useSweepStore((state) => state.start);
  const cancel = useSweepStore((state) => state.cancel);
  const dismissPlan = useSweepStore((state) => state.dismissPlan);
  const clearError = useSweepStore((state) => state.clearError);
  const errorFrom = (source: NonNullable<typeof lastError>['during']) => (lastError?.during === source ? lastError.error : null);
  const allResults = runs.length > 0 && runs.every((run) => run.result !== null);

  let body = null;
  if (runs.length > 0 && allResults) body = <SweepResults runs={runs} />;
  else if (runs.length > 0) {
    body = (
      <OperationProgressView
        action="detach-key-pair"
        progress={combinedProgress(runs)}
        cancelRequested={cancelRequested}
        loadingResult={false}
        error={errorFrom('cancel') ?? errorFrom('result')}
        onCancel={() => void cancel()}
      />
    );
  } else if (search.state === 'searching') body = <SweepSearchProgress keyPairName={search.keyPairName} accounts={search.accounts} progress={search.progress} />;
  else if (search.state === 'failed') body = <AppErrorAlert error={search.error} />;
  else if (search.state === 'done') body = <SweepFindings sweep={search.sweep} />;

  const planError = errorFrom('plan') ?? errorFrom('resume');
  return (
    <section className="sweep" aria-labelledby="sweep-title">
      <div>
        <Typography.Title heading={5} id="sweep-title">
          {t('sweep.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('sweep.intro')}
        </Typography.Paragraph>
      </div>
      <SweepSearchForm />
      {planError !== null && currentPlan === null && !allResults ? <AppErrorAlert error={planError} onClose={clearError} /> : null}
      {body}
      {currentPlan === null ? null : (
        <SweepReview
          key={currentPlan.sweepPlanId}
          plan={currentPlan}
          starting={starting}
          error={errorFrom('start')}
          onConfirm={(confirmation) => void start(confirmation)}
          onCancel={dismissPlan}
        />
      )}
    </section>
  );
}
