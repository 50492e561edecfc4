import { Button, Pagination, Tag } from '@arco-design/web-react';
import { memo, useState } from 'react';
import type { HistoryEntry } from '../../../../shared/domain/history';
import type { HistoryRow } from './history-rows';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useHistoryT } from './history-messages';
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
  const t = useHistoryT();
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
  const t = useHistoryT();
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

const countsOf = (row: HistoryRow) => (row.kind === 'sweep' ? row.counts : row.entry.counts);
const idOf = (row: HistoryRow) => (row.kind === 'sweep' ? row.sweep.sweepOperationId : row.entry.operationId);

/** Past operations, newest first: when, where, what, and how each came out; a sweep is one row over its parts. */
export const HistoryTable = memo(function HistoryTable(props: { rows: readonly HistoryRow[]; openedId: string | null; onOpen: (row: HistoryRow) => void }) {
  const t = useHistoryT();
  const locale = useLocale();
  const [page, setPage] = useState(1);
  const columns: Array<PlainColumn<HistoryRow>> = [
    {
      key: 'started',
      title: t('history.col.started'),
      width: 190,
      render: (row) => <span className="history-started">{formatDateTime(row.kind === 'sweep' ? row.sweep.startedAt : row.entry.startedAt, locale)}</span>,
    },
    {
      key: 'action',
      title: t('history.col.action'),
      width: 150,
      render: (row) => (row.kind === 'sweep' ? <span className="history-action">{t('history.action.sweep')}</span> : <HistoryAction entry={row.entry} />),
    },
    {
      key: 'keyPair',
      title: t('history.col.keyPair'),
      // The one column without a width takes what the fixed ones leave, so a key pair's name fits on one line.
      render: (row) => (row.kind === 'sweep' ? row.sweep.keyPairName : row.entry.keyPair === null ? '—' : row.entry.keyPair.keyPairName),
    },
    {
      key: 'region',
      title: t('workspace.region'),
      width: 120,
      render: (row) => (row.kind === 'sweep' ? format(t('history.sweep.regions'), { count: row.regions }) : row.entry.regionId),
    },
    {
      key: 'profile',
      title: t('workspace.profile'),
      width: 170,
      render: (row) =>
        row.kind === 'sweep' ? (
          format(t('history.sweep.accounts'), { count: row.accounts })
        ) : (
          <span>
            {row.entry.profileName} <code>{row.entry.accessKeyHint}</code>
          </span>
        ),
    },
    {
      key: 'outcomes',
      title: t('history.col.outcomes'),
      width: 230,
      render: (row) => (
        <>
          {format(t('history.outcomes'), {
            succeeded: countsOf(row).succeeded,
            failed: countsOf(row).failed,
            unknown: countsOf(row).unknown,
            notSent: countsOf(row).notSent,
          })}
          {row.kind === 'sweep' ? null : <HistoryExposure entry={row.entry} />}
        </>
      ),
    },
    {
      key: 'state',
      title: t('history.col.state'),
      width: 100,
      render: (row) => {
        const state = row.kind === 'sweep' ? row.sweep.state : row.entry.state;
        return (
          <Tag color={stateColors[state]} size="small">
            {t(`operation.progress.state.${state}`)}
          </Tag>
        );
      },
    },
    {
      key: 'open',
      title: t('history.col.open'),
      width: 90,
      render: (row) => (
        <Button size="mini" type={props.openedId === idOf(row) ? 'primary' : 'secondary'} onClick={() => props.onOpen(row)}>
          {t('history.open')}
        </Button>
      ),
    },
  ];
  // Newest first, 20 a page: the same pages Arco's table showed.
  const pages = Math.max(1, Math.ceil(props.rows.length / pageSize));
  const current = Math.min(page, pages);
  const shown = props.rows.slice((current - 1) * pageSize, current * pageSize);
  return (
    <>
      <PlainTable
        label={t('history.tableLabel')}
        rowKey={idOf}
        columns={columns}
        rows={shown}
        size="small"
        empty={<div className="instances-empty">{t('history.empty')}</div>}
        rowClassName={(row) => (idOf(row) === props.openedId ? 'history-row-opened' : '')}
      />
      {pages > 1 ? <Pagination className="history-pagination" size="small" total={props.rows.length} pageSize={pageSize} current={current} onChange={setPage} /> : null}
    </>
  );
});
