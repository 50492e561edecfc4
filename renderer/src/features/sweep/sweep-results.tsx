import { Button, Radio, Typography } from '@arco-design/web-react';
import { memo, useMemo, useState } from 'react';
import { regionDisplayName } from '../../../../shared/domain/known-regions';
import { format } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useExposureStore, type ExposureView } from '../exposure/exposure-store';
import { useSweepStore } from './sweep-store';
import { OperationResults } from '../operation/operation-results';
import { retryRegions, type SweepRun } from './sweep-facts';
import '../operation/operation-results.css';
import './sweep.css';

/**
 * A finished sweep: a line per region with its counts, then one region's full results at a time (the same view
 * as a single-region detach, with its retry, re-check, export and RequestIds).
 */
export const SweepResults = memo(function SweepResults(props: { runs: readonly SweepRun[] }) {
  const t = useT();
  const locale = useLocale();
  const planning = useSweepStore((state) => state.planning);
  const lastError = useSweepStore((state) => state.lastError);
  const retryFailed = useSweepStore((state) => state.retryFailed);
  const recheck = useSweepStore((state) => state.recheck);
  const [shownRegion, setShownRegion] = useState(props.runs[0]?.regionId);
  const retryable = useMemo(() => retryRegions(props.runs).reduce((sum, region) => sum + region.instanceIds.length, 0), [props.runs]);
  const shown = props.runs.find((run) => run.regionId === shownRegion) ?? props.runs[0];
  const exposure = useExposureStore((state) => state.views);
  const exposedIn = (view: ExposureView | undefined) => {
    if (view?.report == null) return view?.checking === true ? '…' : '—';
    const { report } = view;
    return report.problems.length > 0 ? format(t('exposure.atLeastCount'), { count: report.total }) : String(report.total);
  };

  return (
    <section className="sweep-results" aria-labelledby="sweep-results-title" data-testid="sweep-results">
      <div className="operation-section-header">
        <Typography.Title heading={6} id="sweep-results-title">
          {t('sweep.results.title')}
        </Typography.Title>
        {props.runs.length > 1 ? (
          <Button disabled={retryable === 0} loading={planning} onClick={() => void retryFailed()} data-testid="sweep-retry-all">
            {format(t('sweep.results.retryAll'), { count: retryable })}
          </Button>
        ) : null}
      </div>
      <table className="sweep-plan-regions" data-testid="sweep-results-regions">
        <caption className="visually-hidden">{t('sweep.results.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workspace.region')}</th>
            <th scope="col">{t('operation.outcome.succeeded')}</th>
            <th scope="col">{t('operation.outcome.failed')}</th>
            <th scope="col">{t('operation.outcome.not-sent')}</th>
            <th scope="col">{t('operation.outcome.unknown')}</th>
            <th scope="col">{t('exposure.col.region')}</th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((run) => (
            <tr key={run.regionId} data-region={run.regionId}>
              <td>
                {regionDisplayName(run.regionId, locale)}
              </td>
              <td>{run.progress.succeeded}</td>
              <td>{run.progress.failed}</td>
              <td>{run.progress.notSent}</td>
              <td>{run.progress.unknown}</td>
              <td data-testid="sweep-region-exposure">{exposedIn(exposure[run.operationId])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.runs.length > 1 ? (
        <Radio.Group type="button" aria-label={t('sweep.results.regionPicker')} value={shown?.regionId} onChange={setShownRegion}>
          {props.runs.map((run) => (
            <Radio key={run.regionId} value={run.regionId}>
              {format(t('sweep.results.regionTab'), { region: run.regionId, count: run.progress.failed + run.progress.notSent + run.progress.unknown })}
            </Radio>
          ))}
        </Radio.Group>
      ) : null}
      {shown?.result == null ? null : (
        <OperationResults
          key={shown.result.operationId}
          result={shown.result}
          retrying={planning}
          error={lastError?.during === 'plan' || lastError?.during === 'result' ? lastError.error : null}
          onRetryFailed={() => void retryFailed(shown.regionId)}
          onRecheck={() => void recheck(shown.regionId)}
          exposure={{ operationId: shown.result.operationId, context: props.runs.length > 1 ? format(t('exposure.sweepNote'), { region: regionDisplayName(shown.regionId, locale) }) : undefined }}
        />
      )}
    </section>
  );
});
