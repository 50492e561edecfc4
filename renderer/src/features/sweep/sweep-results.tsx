import { Button, Space, Typography } from '@arco-design/web-react';
import { memo, useMemo, useState } from 'react';
import { regionDisplayName } from '../../../../shared/domain/known-regions';
import { useSaveExport } from '../../common/use-save-export';
import { format } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useSweepT } from './sweep-messages';
import { useExposureStore } from '../exposure/exposure-store';
import { csvMimeType, sweepExportFileName, toSweepCsv } from '../operation/export';
import { useSweepStore } from './sweep-store';
import { OperationResults } from '../operation/operation-results';
import { accountLabel, partKey, retryParts, runningAtSearch, type SweepRun } from './sweep-facts';
import { RebootOffer } from '../workspace/reboot-offer';
import { useUiStore } from '../../app/ui-store';
import { SweepResultsTable } from './sweep-results-table';
import '../operation/operation-results.css';
import './sweep.css';

/**
 * A finished sweep: a line per account and region with its counts, one export of everything, then one part's full
 * results at a time (the same view as a single-region detach, with its retry, re-check, export and RequestIds).
 */
export const SweepResults = memo(function SweepResults(props: { runs: readonly SweepRun[] }) {
  const t = useSweepT();
  const locale = useLocale();
  const planning = useSweepStore((state) => state.planning);
  const lastError = useSweepStore((state) => state.lastError);
  const started = useSweepStore((state) => state.started);
  const retryFailed = useSweepStore((state) => state.retryFailed);
  const recheck = useSweepStore((state) => state.recheck);
  const saveExport = useSaveExport();
  const first = props.runs[0];
  const [shownKey, setShownKey] = useState(first === undefined ? undefined : partKey(first.profileId, first.regionId));
  const retryable = useMemo(() => retryParts(props.runs).reduce((sum, part) => sum + part.instanceIds.length, 0), [props.runs]);
  // Failures that a second request would only repeat: the disabled button says so.
  const onlyFixableFailures = retryable === 0 && props.runs.some((run) => run.result?.outcomes.some((outcome) => outcome.status === 'failed') === true);
  const shown = props.runs.find((run) => partKey(run.profileId, run.regionId) === shownKey) ?? first;
  const views = useExposureStore((state) => state.views);
  const search = useSweepStore((state) => state.search);
  const setView = useUiStore((state) => state.setView);
  const running = useMemo(
    () => (shown === undefined ? null : runningAtSearch(search.state === 'done' ? search.sweep : null, shown.profileId, shown.regionId)),
    [search, shown],
  );

  const exportAll = () => {
    if (started === null) return;
    const parts = props.runs.flatMap((run) =>
      run.result === null ? [] : [{ profileName: run.profileName, accountId: run.accountId, regionId: run.regionId, result: run.result, exposure: views[run.operationId]?.report ?? null }],
    );
    saveExport(sweepExportFileName(started.keyPairName, started.startedAt), toSweepCsv(parts), csvMimeType);
  };

  return (
    <section className="sweep-results" aria-labelledby="sweep-results-title" data-testid="sweep-results">
      <div className="operation-section-header">
        <Typography.Title heading={6} id="sweep-results-title">
          {t('sweep.results.title')}
        </Typography.Title>
        <Space wrap>
          <Button onClick={exportAll} disabled={started === null} data-testid="sweep-export">
            {t('sweep.results.export')}
          </Button>
          {props.runs.length > 1 ? (
            <Button
              disabled={retryable === 0}
              loading={planning}
              onClick={() => void retryFailed()}
              aria-describedby={onlyFixableFailures ? 'sweep-retry-none' : undefined}
              data-testid="sweep-retry-all"
            >
              {format(t('sweep.results.retryAll'), { count: retryable })}
            </Button>
          ) : null}
        </Space>
      </div>
      {props.runs.length > 1 && onlyFixableFailures ? (
        <Typography.Text type="secondary" id="sweep-retry-none" data-testid="sweep-retry-none">
          {t('sweep.results.retryNone')}
        </Typography.Text>
      ) : null}
      <SweepResultsTable runs={props.runs} shownKey={shown === undefined ? undefined : partKey(shown.profileId, shown.regionId)} onShow={setShownKey} />
      {/* The reboot of this account's region is reviewed and runs on the Instances screen, as any plan. */}
      {shown?.result == null || running === null ? null : <RebootOffer result={shown.result} isRunning={(instanceId) => running.has(instanceId)} onPlanned={() => setView('workspace')} />}
      {shown?.result == null ? null : (
        <OperationResults
          key={shown.result.operationId}
          result={shown.result}
          retrying={planning}
          error={lastError?.during === 'plan' || lastError?.during === 'result' ? lastError.error : null}
          onRetryFailed={() => void retryFailed(partKey(shown.profileId, shown.regionId))}
          onRecheck={() => void recheck(partKey(shown.profileId, shown.regionId))}
          exposure={{
            operationId: shown.result.operationId,
            context: props.runs.length > 1 ? format(t('exposure.sweepNote'), { region: `${accountLabel(shown)} · ${regionDisplayName(shown.regionId, locale)}` }) : undefined,
          }}
        />
      )}
    </section>
  );
});
