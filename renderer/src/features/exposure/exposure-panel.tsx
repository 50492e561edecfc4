import { Alert, Button, Spin, Typography } from '@arco-design/web-react';
import { memo, useId } from 'react';
import type { ExposureBucket, ExposureReport } from '../../../../shared/domain/exposure';
import { exposureBuckets } from '../../../../shared/domain/exposure-buckets';
import { partialBuckets } from './exposure-facts';
import { AppErrorAlert } from '../../common/app-error-alert';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useExposureStore } from './exposure-store';
import { ExposureOffTable } from './exposure-off-table';
import './exposure.css';

export interface ExposurePanelProps {
  /** The detach the panel is about. */
  operationId: string;
  /** The instances the results table below has rows for. */
  tableIds: ReadonlySet<string>;
  /** The bucket the table is filtered to, or null. */
  bucket: ExposureBucket | null;
  onBucket: (bucket: ExposureBucket | null) => void;
  /** Says which detach this is when the table below is another operation's (a reboot's) or one region's. */
  context?: string | undefined;
}

function titleOf(report: ExposureReport, t: ReturnType<typeof useT>): string {
  if (report.problems.length > 0) return format(t('exposure.titleAtLeast'), { count: report.total });
  if (report.total === 0) return t('exposure.zeroTitle');
  return report.total === 1 ? t('exposure.titleOne') : format(t('exposure.title'), { count: report.total });
}

/** The four reasons, each a count that filters the table below to its instances when chosen. */
const ExposureBuckets = memo(function ExposureBuckets(props: { report: ExposureReport; bucket: ExposureBucket | null; onBucket: (bucket: ExposureBucket | null) => void }) {
  const t = useT();
  const partial = partialBuckets(props.report);
  return (
    <div className="exposure-buckets" role="group" aria-label={t('exposure.bucketsLabel')}>
      {exposureBuckets.map((bucket) => {
        const count = props.report.buckets[bucket].length;
        const selected = props.bucket === bucket;
        // A bucket whose read failed shows a lower bound, never a plain number that looks complete.
        const unsure = partial.has(bucket);
        return (
          <button
            key={bucket}
            type="button"
            className={`exposure-bucket exposure-bucket-${bucket}${unsure ? ' exposure-bucket-partial' : ''}`}
            aria-pressed={selected}
            disabled={count === 0 && !selected}
            data-testid={`exposure-bucket-${bucket}`}
            data-count={count}
            data-partial={unsure}
            onClick={() => props.onBucket(selected ? null : bucket)}
          >
            <span className="exposure-bucket-label">{t(`exposure.bucket.${bucket}`)}</span>
            <span className="exposure-bucket-count">{unsure ? format(t('exposure.atLeastCount'), { count }) : count}</span>
            <span className="exposure-bucket-hint">{t(unsure ? 'exposure.partialHint' : `exposure.bucketHint.${bucket}`)}</span>
          </button>
        );
      })}
    </div>
  );
});

/**
 * "Where does this key still work?" after a detach: the latest fresh check, split by reason, each reason a filter
 * on the results table. Loading, failure, an incomplete read and the zero state each say so plainly: a failed or
 * partial check never shows a complete-looking zero.
 */
export const ExposurePanel = memo(function ExposurePanel(props: ExposurePanelProps) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const view = useExposureStore((state) => state.views[props.operationId]);
  const check = useExposureStore((state) => state.check);
  const report = view?.report ?? null;
  const checking = view?.checking === true;
  const incomplete = report !== null && report.problems.length > 0;
  const state = checking && report === null ? 'checking' : view?.error != null && report === null ? 'failed' : report === null ? 'unchecked' : incomplete ? 'incomplete' : report.total === 0 ? 'zero' : 'exposed';

  let title: string;
  if (report !== null) title = titleOf(report, t);
  else if (checking) title = t('exposure.checking');
  else if (view?.error != null) title = t('exposure.failedTitle');
  else title = t('exposure.notChecked');

  return (
    <section className={`exposure-panel exposure-panel-${state}`} aria-labelledby={titleId} aria-busy={checking} data-testid="exposure-panel" data-state={state} data-total={report?.total}>
      <div className="exposure-panel-header">
        <div>
          <Typography.Title heading={6} id={titleId}>
            {title}
          </Typography.Title>
          {props.context === undefined ? null : <Typography.Text type="secondary">{props.context}</Typography.Text>}
        </div>
        <Button size="small" loading={checking} onClick={() => void check(props.operationId)} data-testid="exposure-check-again">
          {t('exposure.checkAgain')}
        </Button>
      </div>
      {checking && report === null ? <Spin tip={t('exposure.checking')} /> : null}
      {view?.error == null ? null : (
        <>
          {report === null ? null : <Typography.Text type="error">{t('exposure.failedTitle')}</Typography.Text>}
          <AppErrorAlert error={view.error} />
        </>
      )}
      {report === null ? null : (
        <>
          {incomplete ? (
            <Alert
              type="warning"
              data-testid="exposure-incomplete"
              title={t('exposure.incompleteTitle')}
              content={report.problems.map((problem) => (
                <div key={problem.read}>
                  {t(`exposure.incomplete.${problem.read}`)} <span className="muted">{problem.error.cloud?.code ?? problem.error.code}</span>
                </div>
              ))}
            />
          ) : null}
          {report.total === 0 && !incomplete ? (
            <Alert type="success" data-testid="exposure-zero" content={t('exposure.zeroBody')} />
          ) : (
            <ExposureBuckets report={report} bucket={props.bucket} onBucket={props.onBucket} />
          )}
          <Typography.Text type="secondary" className="exposure-note">
            {format(t('exposure.checkedAt'), { time: formatDateTime(report.checkedAt, locale) })} {t('exposure.outsideReboots')}
          </Typography.Text>
          {props.bucket === null ? null : <ExposureOffTable report={report} bucket={props.bucket} tableIds={props.tableIds} onClear={() => props.onBucket(null)} />}
        </>
      )}
    </section>
  );
});
