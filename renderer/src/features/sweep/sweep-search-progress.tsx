import { Progress, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import type { SweepProgress } from '../../../../shared/domain/sweep';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import './sweep.css';

/** Regions searched so far and instances found, while the search runs. */
export const SweepSearchProgress = memo(function SweepSearchProgress(props: { keyPairName: string; progress: SweepProgress | null }) {
  const t = useT();
  const { progress } = props;
  const done = progress?.regionsDone ?? 0;
  const total = progress?.regionsTotal ?? 0;
  const valueText =
    progress === null
      ? t('sweep.listingRegions')
      : format(t('sweep.progressValue'), { done, total, instances: progress.instancesFound });
  const percent = total === 0 ? 0 : Math.floor((done / total) * 100);
  return (
    <div className="sweep-progress" data-testid="sweep-progress">
      <Typography.Text>{format(t('sweep.searching'), { name: props.keyPairName })}</Typography.Text>
      <div role="progressbar" aria-label={t('sweep.progressLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={valueText}>
        <Progress percent={percent} showText={false} aria-hidden animation />
      </div>
      <Typography.Text type="secondary">{valueText}</Typography.Text>
    </div>
  );
});
