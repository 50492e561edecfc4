import { Button, Pagination, Tag } from '@arco-design/web-react';
import { memo, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain/history';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import './history.css';
import '../instances/instance-table.css';
import { PlainTable, type PlainColumn } from '../../common/plain-table';
import './history-table.css';

const pageSize = 20;

const stateColors: Record<HistoryEntry['state'], string> = {
  running: 'arcoblue',
  cancelling: 'orange',
  finished: 'green',
  cancelled: 'gray',
  interrupted: 'red',
};

/** A detach's latest "still exposed" check, under its outcomes: how many, or that none was made. */
function HistoryExposure(props: { entry: HistoryEntry }) {
  const t = useT();
  const locale = useLocale();
  const { entry } = props;
  if (entry.action !== 'detach-key-pair') return null;
  if (entry.exposure === null) return <div className="muted">{t('exposure.history.notChecked')}</div>;
  const { counts, complete, checkedAt } = entry.exposure;
  return (
    <div className={counts.total === 0 && complete ? 'muted' : 'history-exposure-open'} data-testid="history-exposure" title={format(t('exposure.checkedAt'), { time: formatDateTime(checkedAt, locale) })}>
      {format(t(complete ? 'exposure.history.count' : 'exposure.history.atLeast'), { count: counts.total })}
    </div>
  );
}

/** What was done: an undo says so, and a detach an undo has answered is marked as undone. */
function HistoryAction(props: { entry: HistoryEntry }) {
  const t = useT();
  const { entry } = props;
  return (
    <span className="history-action">
      {entry.undoOf === null ? t(`history.action.${entry.action}`) : t('history.action.undo')}
      {entry.undoneBy.length === 0 ? null : (
        <Tag color="arcoblue" size="small" title={t('history.undoneTitle')} data-testid="history-undone">
          {t('history.undone')}
        </Tag>
      )}
    </span>
  );
}

/** Past operations, newest first: when, where, what, and how each came out. */
export const HistoryTable = memo(function HistoryTable(props: { entries: readonly HistoryEntry[]; openedId: string | null; onOpen: (operationId: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const columns: Array<PlainColumn<HistoryEntry>> = [
    { key: 'started', title: t('history.col.started'), width: 190, render: (entry) => <span className="history-started">{formatDateTime(entry.startedAt, locale)}</span> },
    { key: 'action', title: t('history.col.action'), width: 150, render: (entry) => <HistoryAction entry={entry} /> },
    {
      key: 'keyPair',
      title: t('history.col.keyPair'),
      // The one column without a width takes what the fixed ones leave, so a key pair's name fits on one line.
      render: (entry) => (entry.keyPair === null ? '—' : entry.keyPair.keyPairName),
    },
    { key: 'region', title: t('workspace.region'), width: 120, render: (entry) => entry.regionId },
    {
      key: 'profile',
      title: t('workspace.profile'),
      width: 170,
      render: (entry) => (
        <span>
          {entry.profileName} <code>{entry.accessKeyHint}</code>
        </span>
      ),
    },
    {
      key: 'outcomes',
      title: t('history.col.outcomes'),
      width: 230,
      render: (entry) => (
        <>
          {format(t('history.outcomes'), {
            succeeded: entry.counts.succeeded,
            failed: entry.counts.failed,
            unknown: entry.counts.unknown,
            notSent: entry.counts.notSent,
          })}
          <HistoryExposure entry={entry} />
        </>
      ),
    },
    {
      key: 'state',
      title: t('history.col.state'),
      width: 100,
      render: (entry) => (
        <Tag color={stateColors[entry.state]} size="small">
          {t(`operation.progress.state.${entry.state}`)}
        </Tag>
      ),
    },
    {
      key: 'open',
      title: t('history.col.open'),
      width: 90,
      render: (entry) => (
        <Button size="mini" type={props.openedId === entry.operationId ? 'primary' : 'secondary'} onClick={() => props.onOpen(entry.operationId)}>
          {t('history.open')}
        </Button>
      ),
    },
  ];
  // Newest first, 20 a page: the same pages Arco's table showed.
  const pages = Math.max(1, Math.ceil(props.entries.length / pageSize));
  const current = Math.min(page, pages);
  const shown = props.entries.slice((current - 1) * pageSize, current * pageSize);
  return (
    <>
      <PlainTable
        label={t('history.tableLabel')}
        rowKey={(entry) => entry.operationId}
        columns={columns}
        rows={shown}
        size="small"
        empty={<div className="instances-empty">{t('history.empty')}</div>}
        rowClassName={(entry) => (entry.operationId === props.openedId ? 'history-row-opened' : '')}
      />
      {pages > 1 ? <Pagination className="history-pagination" size="small" total={props.entries.length} pageSize={pageSize} current={current} onChange={setPage} /> : null}
    </>
  );
});
