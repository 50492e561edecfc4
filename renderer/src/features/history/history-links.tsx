import { Button, Space, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import type { HistoryEntry } from '../../../../shared/domain/history';
import type { OperationResult } from '../../../../shared/domain/operation';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useHistoryT } from './history-messages';
import './history.css';

/**
 * The opened operation's kin, both ways: an undo links to the detach it put the key back for, and a detach to each
 * undo started for it. An operation is named by when it started (its ID when the list does not have it).
 */
export const HistoryLinks = memo(function HistoryLinks(props: {
  result: OperationResult;
  undoneBy: readonly string[];
  entries: readonly HistoryEntry[];
  onOpen: (operationId: string) => void;
}) {
  const t = useHistoryT();
  const locale = useLocale();
  const { result, undoneBy, entries } = props;
  const undoOf = result.plan.undoOf;
  if (undoOf === undefined && undoneBy.length === 0) return null;
  const started = (operationId: string) => {
    const entry = entries.find((candidate) => candidate.operationId === operationId);
    return entry === undefined ? operationId : formatDateTime(entry.startedAt, locale);
  };
  return (
    <nav className="history-links" aria-label={t('history.links')} data-testid="history-links">
      {undoOf === undefined ? null : (
        <Space wrap>
          <Typography.Text>{format(t('history.undoOf'), { keyPair: result.plan.keyPair?.keyPairName ?? '', time: started(undoOf) })}</Typography.Text>
          <Button size="small" onClick={() => props.onOpen(undoOf)} data-testid="history-open-detach">
            {t('history.openDetach')}
          </Button>
        </Space>
      )}
      {undoneBy.length === 0 ? null : (
        <Space wrap>
          <Typography.Text>{t('history.undoneBy')}</Typography.Text>
          {undoneBy.map((operationId) => (
            <Button key={operationId} size="small" onClick={() => props.onOpen(operationId)} data-testid="history-open-undo">
              {format(t('history.undoLink'), { time: started(operationId) })}
            </Button>
          ))}
        </Space>
      )}
    </nav>
  );
});
