import { Alert, Button, Space, Spin, Typography } from '@arco-design/web-react';
import { useEffect, useMemo, useState } from 'react';
import { AppErrorAlert } from '../../common/app-error-alert';
import { format } from '../../i18n/format';
import { useHistoryT } from './history-messages';
import { useHistoryStore } from './history-store';
import { OperationProgressView } from '../operation/operation-progress-view';
import { OperationResults } from '../operation/operation-results';
import { HistoryLinks } from './history-links';
import { HistoryTable } from './history-table';
import { HistorySweep } from './history-sweep';
import { historyRows } from './history-rows';
import { useUiStore } from '../../app/ui-store';
import './history.css';
import '../operation/operation-results.css';

/**
 * Every operation the journal holds, this run's and earlier ones', archives included. Opening one shows its
 * per-instance record, to read and export; an interrupted one can be resumed from here.
 */
export function HistoryPage() {
  const t = useHistoryT();
  const list = useHistoryStore((state) => state.list);
  const loading = useHistoryStore((state) => state.loading);
  const opened = useHistoryStore((state) => state.opened);
  const resuming = useHistoryStore((state) => state.resuming);
  const lastError = useHistoryStore((state) => state.lastError);
  const refresh = useHistoryStore((state) => state.refresh);
  const open = useHistoryStore((state) => state.open);
  const close = useHistoryStore((state) => state.close);
  const resume = useHistoryStore((state) => state.resume);
  const clearError = useHistoryStore((state) => state.clearError);
  const cancel = useHistoryStore((state) => state.cancel);
  const abandon = useHistoryStore((state) => state.abandon);
  const recheck = useHistoryStore((state) => state.recheck);
  const setView = useUiStore((state) => state.setView);
  const rows = useMemo(() => (list === null ? [] : historyRows(list)), [list]);
  // A sweep opened from its row: its parts stay listed while one of them is opened below.
  const [openedSweepId, setOpenedSweepId] = useState<string | null>(null);
  const openedSweep = rows.find((row) => row.kind === 'sweep' && row.sweep.sweepOperationId === openedSweepId);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const result = opened?.result ?? null;
  // A sweep's part resumes with its sweep (above), never alone.
  const interrupted = result !== null && opened?.progress === null && result.progress.state === 'interrupted' && openedSweep === undefined;
  return (
    <section className="history" aria-labelledby="history-title">
      <div className="operation-section-header">
        <div>
          <Typography.Title heading={5} id="history-title">
            {t('history.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('history.intro')}</Typography.Text>
        </div>
        <Button loading={loading} onClick={() => void refresh()}>
          {t('workspace.refresh')}
        </Button>
      </div>
      {list !== null && list.skippedLines > 0 ? (
        <Alert type="warning" data-testid="history-skipped" content={format(t('history.skippedLines'), { count: list.skippedLines })} />
      ) : null}
      {lastError === null ? null : <AppErrorAlert error={lastError} onClose={clearError} />}
      <HistoryTable
        rows={rows}
        openedId={openedSweepId ?? opened?.operationId ?? null}
        onOpen={(row) => {
          if (row.kind === 'sweep') {
            setOpenedSweepId(row.sweep.sweepOperationId);
            close();
          } else {
            setOpenedSweepId(null);
            void open(row.entry.operationId);
          }
        }}
      />
      {openedSweep?.kind === 'sweep' ? <HistorySweep row={openedSweep} openedPartId={opened?.operationId ?? null} onOpenPart={(operationId) => void open(operationId)} /> : null}
      {opened?.loading === true && result === null ? <Spin /> : null}
      {interrupted ? (
        <Alert
          type="warning"
          data-testid="history-interrupted"
          title={t('history.interruptedTitle')}
          content={format(t('history.interruptedBody'), { unknown: result.progress.unknown })}
          action={
            <Space direction="vertical">
              <Button type="primary" status="warning" loading={resuming} onClick={() => void resume()}>
                {t('history.resume')}
              </Button>
              <Button size="small" onClick={() => void abandon()}>
                {t('history.abandon')}
              </Button>
            </Space>
          }
        />
      ) : null}
      {opened?.progress == null || result === null ? null : (
        <OperationProgressView action={result.plan.action} progress={opened.progress} cancelRequested={false} loadingResult={opened.loading} error={null} onCancel={() => void cancel()} />
      )}
      {result === null ? null : <HistoryLinks result={result} undoneBy={opened?.undoneBy ?? []} entries={list?.entries ?? []} onOpen={(operationId) => void open(operationId)} />}
      {result === null || opened?.progress != null ? null : (
        <OperationResults
          key={`${result.operationId}-${result.progress.state}`} result={result}
          retrying={false}
          error={null}
          onRecheck={result.plan.action === 'reboot' ? undefined : () => void recheck()}
          // The review and the run of an undo are on the Instances screen, as for any plan.
          undo={{ onPlanned: () => setView('workspace'), undoneCount: opened?.undoneBy.length ?? 0 }}
        />
      )}
    </section>
  );
}
