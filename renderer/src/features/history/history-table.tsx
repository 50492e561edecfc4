import { Button, Table, Tag, type TableColumnProps } from '@arco-design/web-react';
import { memo } from 'react';
import type { HistoryEntry } from '../../../../shared/domain/history';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import './history.css';
import '../instances/instance-table.css';

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

/** Past operations, newest first: when, where, what, and how each came out. */
export const HistoryTable = memo(function HistoryTable(props: { entries: readonly HistoryEntry[]; openedId: string | null; onOpen: (operationId: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const columns: Array<TableColumnProps<HistoryEntry>> = [
    { title: t('history.col.started'), width: 190, render: (_value, entry) => <span className="history-started">{formatDateTime(entry.startedAt, locale)}</span> },
    { title: t('history.col.action'), width: 130, render: (_value, entry) => t(`history.action.${entry.action}`) },
    {
      title: t('history.col.keyPair'),
      // The one column without a width takes what the fixed ones leave, so a key pair's name fits on one line.
      render: (_value, entry) => (entry.keyPair === null ? '—' : entry.keyPair.keyPairName),
    },
    { title: t('workspace.region'), width: 120, dataIndex: 'regionId' },
    {
      title: t('workspace.profile'),
      width: 170,
      render: (_value, entry) => (
        <span>
          {entry.profileName} <code>{entry.accessKeyHint}</code>
        </span>
      ),
    },
    {
      title: t('history.col.outcomes'),
      width: 230,
      render: (_value, entry) => (
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
      title: t('history.col.state'),
      width: 100,
      render: (_value, entry) => (
        <Tag color={stateColors[entry.state]} size="small">
          {t(`operation.progress.state.${entry.state}`)}
        </Tag>
      ),
    },
    {
      title: t('history.col.open'),
      width: 90,
      render: (_value, entry) => (
        <Button size="mini" type={props.openedId === entry.operationId ? 'primary' : 'secondary'} onClick={() => props.onOpen(entry.operationId)}>
          {t('history.open')}
        </Button>
      ),
    },
  ];
  return (
    <Table
      rowKey="operationId"
      columns={columns}
      data={[...props.entries]}
      size="small"
      border={false}
      pagination={props.entries.length > 20 ? { pageSize: 20, size: 'small' } : false}
      aria-label={t('history.tableLabel')}
      noDataElement={<div className="instances-empty">{t('history.empty')}</div>}
      rowClassName={(entry) => (entry.operationId === props.openedId ? 'history-row-opened' : '')}
    />
  );
});
