import { Typography } from '@arco-design/web-react';
import { memo } from 'react';
import { describeEcsError, isAppOwnEcsCode } from '../../../../shared/errors/ecs-error-catalogue';
import { ErrorCode } from '../../common/error-code';
import { format } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import type { CodeCount, OutcomeSummary } from './outcome-summary';
import './operation-results.css';

function share(count: number, total: number): string {
  return total === 0 ? '0%' : `${(count / total) * 100}%`;
}

/** Bars per error code, scaled to the most frequent one; the numbers are text, the bars only illustrate them. */
const CodeBars = memo(function CodeBars(props: { title: string; counts: readonly CodeCount[]; tone: 'failed' | 'unknown' | 'not-sent'; testId: string }) {
  const locale = useLocale();
  const largest = props.counts[0]?.count ?? 0;
  if (props.counts.length === 0) return null;
  return (
    <section className="operation-code-bars" aria-label={props.title} data-testid={props.testId}>
      <Typography.Text bold>{props.title}</Typography.Text>
      <ul>
        {props.counts.map((entry) => (
          <li key={`${entry.code}\n${entry.lastCode ?? ''}`} className="operation-code-bar" data-code={entry.code} data-last-code={entry.lastCode}>
            <span className="operation-code-bar-label">
              <ErrorCode code={entry.code} locale={locale} />
              {entry.lastCode === undefined ? null : (
                <>
                  {' ← '}
                  <ErrorCode code={entry.lastCode} locale={locale} />
                </>
              )}{' '}
              {/* Behind a wrapping code, the last error is the one worth explaining (as in the table); an app code
                  explains itself already. */}
              {isAppOwnEcsCode(entry.lastCode ?? entry.code) ? null : (
                <span className="muted">{describeEcsError(entry.lastCode ?? entry.code, locale).title}</span>
              )}
            </span>
            <span className="operation-code-bar-track" aria-hidden>
              <span className={`operation-code-bar-fill operation-fill-${props.tone}`} style={{ width: share(entry.count, largest) }} />
            </span>
            <span className="operation-code-bar-count">{entry.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
});

/** The outcome at a glance: one stacked bar over all instances, the counts, and the failures by cause. */
export const ResultsSummary = memo(function ResultsSummary(props: { summary: OutcomeSummary }) {
  const t = useT();
  const { summary } = props;
  const parts = [
    { key: 'succeeded', count: summary.succeeded },
    { key: 'failed', count: summary.failed },
    { key: 'not-sent', count: summary.notSent },
    { key: 'unknown', count: summary.unknown },
  ] as const;
  return (
    <div className="operation-summary" data-testid="results-summary">
      <div className="operation-stack" aria-hidden>
        {parts.map((part) =>
          part.count === 0 ? null : (
            <span key={part.key} className={`operation-stack-part operation-fill-${part.key}`} style={{ width: share(part.count, summary.total) }} />
          ),
        )}
      </div>
      <dl className="operation-counts">
        {parts.map((part) => (
          <div key={part.key} className={`operation-count operation-count-${part.key}`} data-testid={`summary-${part.key}`}>
            <dt>{t(`operation.outcome.${part.key}`)}</dt>
            <dd>{part.count}</dd>
          </div>
        ))}
        <div className="operation-count">
          <dt>{t('operation.results.total')}</dt>
          <dd>{summary.total}</dd>
        </div>
      </dl>
      <CodeBars title={t('operation.results.failedByCode')} counts={summary.failedByCode} tone="failed" testId="failed-by-code" />
      <CodeBars title={t('operation.results.unknownByCode')} counts={summary.unknownByCode} tone="unknown" testId="unknown-by-code" />
      <CodeBars title={t('operation.results.notSentByCode')} counts={summary.notSentByCode} tone="not-sent" testId="not-sent-by-code" />
      {summary.unknown === 0 ? null : (
        <Typography.Text type="warning" className="operation-unknown-note">
          {format(t('operation.results.unknownNote'), { count: summary.unknown })}
        </Typography.Text>
      )}
    </div>
  );
});
