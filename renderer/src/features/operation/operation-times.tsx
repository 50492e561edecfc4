import { Message } from '@arco-design/web-react';
import { IconCopy } from '@arco-design/web-react/icon';
import { memo } from 'react';
import type { OperationResult } from '../../../../shared/domain/operation';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { durationText } from './review-facts';
import '../instances/instance-table.css';
import './operation-times.css';

/** When an operation started and ended, how long it took, and its ID (copyable, to quote or to find in the history). */
export const OperationTimes = memo(function OperationTimes(props: { result: Pick<OperationResult, 'operationId' | 'startedAt' | 'finishedAt'> }) {
  const t = useT();
  const locale = useLocale();
  const { operationId, startedAt, finishedAt } = props.result;
  const started = new Date(startedAt);
  const ended = finishedAt === null ? null : new Date(finishedAt);
  const duration = ended === null ? null : durationText((ended.getTime() - started.getTime()) / 1000);
  const copyLabel = format(t('operation.times.copyId'), { id: operationId });
  const copy = () => {
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(operationId))
      .then(
        () => Message.success(t('operation.times.copied')),
        () => Message.error(t('operation.results.copyFailed')),
      );
  };
  return (
    <dl className="operation-times" data-testid="operation-times">
      <div>
        <dt>{t('operation.times.started')}</dt>
        <dd>
          <time dateTime={startedAt}>{formatDateTime(started, locale)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('operation.times.ended')}</dt>
        <dd>{ended === null || finishedAt === null ? t('operation.times.notEnded') : <time dateTime={finishedAt}>{formatDateTime(ended, locale)}</time>}</dd>
      </div>
      {duration === null ? null : (
        <div>
          <dt>{t('operation.times.duration')}</dt>
          <dd data-testid="operation-duration">{format(t(duration.key), duration.values)}</dd>
        </div>
      )}
      <div>
        <dt>{t('operation.times.operationId')}</dt>
        <dd>
          <code data-testid="operation-id">{operationId}</code>
          <button type="button" className="instances-copy" aria-label={copyLabel} title={copyLabel} onClick={copy}>
            <IconCopy aria-hidden="true" />
          </button>
        </dd>
      </div>
    </dl>
  );
});
