import { Button, Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import type { ExposureBucket, ExposureReport } from '../../../../shared/domain/exposure';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { describeExposed, detailKey, offTable } from './exposure-facts';
import './exposure.css';

/** Enough to read on screen; the export has them all. */
const shownAtMost = 200;

/**
 * Under a chosen bucket: that the table is filtered, and the bucket's instances the table has no row for (left
 * out of the operation, or detached by another run), by ID, name, private IP and why.
 */
export const ExposureOffTable = memo(function ExposureOffTable(props: { report: ExposureReport; bucket: ExposureBucket; tableIds: ReadonlySet<string>; onClear: () => void }) {
  const t = useT();
  const missing = useMemo(() => offTable(props.report, props.bucket, props.tableIds), [props.report, props.bucket, props.tableIds]);
  const bucketLabel = t(`exposure.bucket.${props.bucket}`);
  return (
    <div className="exposure-filtered" data-testid="exposure-filtered">
      <Typography.Text>
        {format(t('exposure.filtered'), { bucket: bucketLabel })}{' '}
        <Button size="mini" type="text" onClick={props.onClear}>
          {t('exposure.clearFilter')}
        </Button>
      </Typography.Text>
      {missing.length === 0 ? null : (
        <>
          <Typography.Text type="secondary">{format(t('exposure.offTable'), { count: missing.length })}</Typography.Text>
          <ul className="exposure-off-table" aria-label={format(t('exposure.offTableLabel'), { bucket: bucketLabel })} data-testid="exposure-off-table">
            {missing.slice(0, shownAtMost).map((entry) => {
              const key = detailKey(entry.detail);
              return <li key={entry.instanceId}>{describeExposed(entry, key === null ? entry.detail : t(key))}</li>;
            })}
            {missing.length > shownAtMost ? <li className="muted">{format(t('exposure.more'), { count: missing.length - shownAtMost })}</li> : null}
          </ul>
        </>
      )}
    </div>
  );
});
