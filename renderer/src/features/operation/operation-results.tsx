import { Button, Message, Space, Typography } from '@arco-design/web-react';
import { memo, useMemo, useState } from 'react';
import type { ExposureBucket } from '../../../../shared/domain/exposure';
import type { OperationResult } from '../../../../shared/domain/operation';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { csvMimeType, exportFileName, jsonMimeType, toCsv, toJson } from './export';
import { useSaveExport } from '../../common/use-save-export';
import { filterCodeChoices, filterOutcomes, noOutcomeFilter, type OutcomeFilter } from './outcome-filter';
import { summarizeOutcomes } from './outcome-summary';
import { OperationTimes } from './operation-times';
import { OutcomeTable } from './outcome-table';
import { AppErrorAlert } from '../../common/app-error-alert';
import { distinctRequestIds } from './request-ids';
import { ResultsFilters } from './results-filters';
import { ResultsSummary } from './results-summary';
import { whyNothingToRetry } from './known-failures';
import { retryableInstanceIds } from './retry-selection';
import { bucketIds } from '../exposure/exposure-facts';
import { ExposurePanel } from '../exposure/exposure-panel';
import { useExposureStore } from '../exposure/exposure-store';
import { RollingResults } from './rolling-results';
import { UndoOffer } from './undo-offer';
import './operation-results.css';

export interface OperationResultsProps {
  result: OperationResult;
  /** True while the retry plan is being made: the retry button shows a spinner. */
  retrying: boolean;
  /** Why the retry could not be planned, shown above the table. */
  error: AppErrorData | null;
  /** Absent where no new plan can be made from here (the history): the button is not shown. */
  onRetryFailed?: (() => void) | undefined;
  /** Looks up the unknown outcomes again; absent where it cannot help (a reboot leaves no trace). */
  onRecheck?: (() => void) | undefined;
  /**
   * The detach whose "still exposed" panel shows above the table: by default the result's own (a detach), or
   * another's (the detach a reboot followed), with a line saying which; none for a reboot without one.
   */
  exposure?: { operationId: string; context?: string | undefined } | undefined;
  /**
   * Offers the undo of a detach (the same key pair attached again), where a new plan can be made from; `onPlanned`
   * follows a plan that is ready for review. Absent: no offer.
   */
  undo?: { onPlanned?: () => void; undoneCount?: number } | undefined;
}

/**
 * What became of every instance (by ID, name and private IP), why, and what to do next: retry, quote request IDs,
 * or export the record. When it ran and its operation ID, to quote or find it again in the history.
 */
export const OperationResults = memo(function OperationResults(props: OperationResultsProps) {
  const t = useT();
  const { result } = props;
  const saveExport = useSaveExport();
  const [filter, setFilter] = useState<OutcomeFilter>(noOutcomeFilter);
  const summary = useMemo(() => summarizeOutcomes(result.outcomes), [result.outcomes]);
  const retryable = useMemo(() => retryableInstanceIds(result.outcomes, result.plan.action).length, [result.outcomes, result.plan.action]);
  const requestIds = useMemo(() => distinctRequestIds(result.outcomes), [result.outcomes]);
  const exposure = props.exposure ?? (result.plan.action === 'detach-key-pair' ? { operationId: result.operationId } : undefined);
  const [bucket, setBucket] = useState<ExposureBucket | null>(null);
  const report = useExposureStore((state) => (exposure === undefined ? null : (state.views[exposure.operationId]?.report ?? null)));
  const only = useMemo(() => (bucket === null || report === null ? null : bucketIds(report, bucket)), [bucket, report]);
  const tableIds = useMemo(() => new Set(result.outcomes.map((outcome) => outcome.instanceId)), [result.outcomes]);
  const shown = useMemo(() => filterOutcomes(result.outcomes, filter, only), [result.outcomes, filter, only]);
  const codeChoices = useMemo(() => filterCodeChoices(result.outcomes), [result.outcomes]);
  const noRetryReasons = whyNothingToRetry(result, retryable);
  const instances = useMemo(() => new Map(result.plan.instances.map((instance) => [instance.instanceId, instance])), [result.plan.instances]);

  const copyRequestIds = async () => {
    try {
      await navigator.clipboard.writeText(requestIds.join('\n'));
      Message.success(format(t('operation.results.copied'), { count: requestIds.length }));
    } catch {
      Message.error(t('operation.results.copyFailed'));
    }
  };

  return (
    <section className="operation-results" aria-labelledby="operation-results-title" data-testid="operation-results" data-state={result.progress.state}>
      <div className="operation-section-header">
        <div>
          <Typography.Title heading={6} id="operation-results-title">
            {t(`operation.results.title.${result.plan.action}`)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {result.plan.keyPair === null ? '' : `${result.plan.keyPair.keyPairName} · `}
            {result.plan.regionId} · {result.plan.profileName}
            {/* Where the requests went, which is also what answered: each region has its own endpoint. */}
            {result.plan.endpoint === null ? null : (
              <>
                {` · ${t('operation.review.endpoint')} `}
                <code data-testid="results-endpoint">{result.plan.endpoint}</code>
              </>
            )}
          </Typography.Text>
        </div>
        <Space wrap>
          {props.onRetryFailed === undefined ? null : (
            <Button
              type="primary"
              disabled={retryable === 0}
              loading={props.retrying}
              onClick={props.onRetryFailed}
              data-testid="retry-failed"
              aria-describedby={retryable === 0 ? 'retry-none-reason' : 'retryable-count'}
            >
              {retryable === 0 ? t('operation.results.retryNothing') : format(t('operation.results.retry'), { count: retryable })}
            </Button>
          )}
          {props.onRecheck === undefined || summary.unknown === 0 ? null : (
            <Button onClick={props.onRecheck}>{t('operation.results.recheck')}</Button>
          )}
          <Button disabled={requestIds.length === 0} onClick={() => void copyRequestIds()}>
            {t('operation.results.copyRequestIds')}
          </Button>
          <Button onClick={() => saveExport(exportFileName(result, 'csv'), toCsv(result, report), csvMimeType)}>{t('operation.results.exportCsv')}</Button>
          <Button onClick={() => saveExport(exportFileName(result, 'json'), toJson(result, report), jsonMimeType)}>{t('operation.results.exportJson')}</Button>
        </Space>
      </div>
      <OperationTimes result={result} />
      {result.plan.undoOf === undefined ? null : (
        <Typography.Text type="secondary" data-testid="results-undo-of">
          {format(t('operation.results.undoOf'), { id: result.plan.undoOf })}
        </Typography.Text>
      )}
      {props.undo === undefined ? null : <UndoOffer result={result} {...props.undo} />}
      {result.progress.state === 'cancelled' ? <Typography.Text type="warning">{t('operation.results.cancelledNote')}</Typography.Text> : null}
      {retryable === 0 ? null : (
        <Typography.Text type="secondary" data-testid="retryable-count" id="retryable-count">
          {format(t('operation.results.retryable'), { count: retryable })}
        </Typography.Text>
      )}
      {/* A disabled button says why; shown only where the button is. */}
      {props.onRetryFailed === undefined || noRetryReasons.length === 0 ? null : (
        <Typography.Text type="secondary" data-testid="retry-none-reason" id="retry-none-reason">
          {noRetryReasons.map((reason) => t(`operation.results.retryNone.${reason}`)).join(' ')}
        </Typography.Text>
      )}
      {props.error === null ? null : <AppErrorAlert error={props.error} />}
      <RollingResults result={result} />
      <ResultsSummary summary={summary} />
      {exposure === undefined ? null : (
        <ExposurePanel operationId={exposure.operationId} context={exposure.context} tableIds={tableIds} bucket={bucket} onBucket={setBucket} />
      )}
      <ResultsFilters summary={summary} codes={codeChoices} filter={filter} onChange={setFilter} />
      <Typography.Text type="secondary" data-testid="results-shown">
        {format(t('operation.results.shown'), { shown: shown.length, total: summary.total })}
      </Typography.Text>
      <OutcomeTable outcomes={shown} instances={instances} label={t('operation.results.tableLabel')} />
    </section>
  );
});
