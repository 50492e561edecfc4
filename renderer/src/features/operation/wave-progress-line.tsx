import { Typography } from '@arco-design/web-react';
import { memo } from 'react';
import type { WaveProgress } from '../../../../shared/domain/rolling-reboot';
import { format, formatTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { NamedProgress } from '../../common/named-progress';
import './rolling-reboot.css';
import './operation-results.css';

/** Where a rolling reboot stands: "Wave 2 of 7: waiting for 50 instances to come back, 38 back", and until when. */
export const WaveProgressLine = memo(function WaveProgressLine(props: { wave: WaveProgress }) {
  const t = useT();
  const locale = useLocale();
  const { wave } = props;
  const label = format(t('rolling.progress.wave'), { index: wave.index + 1, count: wave.count });
  const valueText =
    wave.phase === 'waiting' ? format(t('rolling.progress.waiting'), { waiting: wave.waitingFor, back: wave.back }) : t('rolling.progress.sending');
  const percent = wave.phase === 'waiting' && wave.waitingFor > 0 ? Math.floor((wave.back / wave.waitingFor) * 100) : 0;
  return (
    <div className="operation-progress-line rolling-wave-line" data-testid="wave-progress" data-phase={wave.phase}>
      <div className="operation-progress-label">
        <Typography.Text bold>{label}</Typography.Text>
        <Typography.Text type="secondary">{valueText}</Typography.Text>
      </div>
      <NamedProgress label={label} valueText={valueText} percent={percent} showText={false} animation />
      {wave.deadline === null ? null : (
        <Typography.Text type="secondary">{format(t('rolling.progress.deadline'), { time: formatTime(wave.deadline, locale) })}</Typography.Text>
      )}
    </div>
  );
});
