import { Button, Spin, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import type { OperationAction, OperationProgress } from '../../../../shared/domain/operation';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { AppErrorAlert } from '../../common/app-error-alert';
import { NamedProgress } from '../../common/named-progress';
import { isTerminalState, progressCounts } from './progress-facts';
import { WaveProgressLine } from './wave-progress-line';
import './operation-results.css';

export interface OperationProgressViewProps {
  action: OperationAction;
  progress: OperationProgress;
  /** True once the admin asked to stop, before main confirms with the `cancelling` state. */
  cancelRequested: boolean;
  /** True while the full result is being fetched after the end. */
  loadingResult: boolean;
  error: AppErrorData | null;
  onCancel: () => void;
  /** Shown with a failed result fetch, to try it again. */
  onRetryLoad?: () => void;
}

/** A bar with its name and counts written above it; screen readers get the same counts as its value. */
function LabelledBar(props: { label: string; valueText: string; percent: number; status: 'normal' | 'success' | 'warning' }) {
  return (
    <div className="operation-progress-line">
      <div className="operation-progress-label">
        <Typography.Text bold>{props.label}</Typography.Text>
        <Typography.Text type="secondary">{props.valueText}</Typography.Text>
      </div>
      <NamedProgress label={props.label} valueText={props.valueText} percent={props.percent} status={props.status} showText={false} animation />
    </div>
  );
}

/** Live counts while an operation runs, and the one way to stop it: no new requests, those in flight finish. */
export const OperationProgressView = memo(function OperationProgressView(props: OperationProgressViewProps) {
  const t = useT();
  const { progress } = props;
  const counts = progressCounts(progress);
  const ended = isTerminalState(progress.state);
  const stopping = props.cancelRequested || progress.state === 'cancelling';
  const barStatus = ended ? (progress.state === 'cancelled' ? 'warning' : 'success') : 'normal';
  const tiles = [
    { key: 'succeeded', value: progress.succeeded },
    { key: 'failed', value: progress.failed },
    { key: 'not-sent', value: progress.notSent },
    { key: 'unknown', value: progress.unknown },
    { key: 'pending', value: counts.pending },
  ] as const;

  return (
    <section className="operation-progress" aria-labelledby="operation-progress-title" data-testid="operation-progress" data-state={progress.state}>
      <div className="operation-section-header">
        <Typography.Title heading={6} id="operation-progress-title">
          {t(`operation.progress.title.${props.action}`)}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="operation-state" aria-live="polite">
          {t(`operation.progress.state.${progress.state}`)}
        </Typography.Text>
      </div>
      {progress.wave === undefined || ended ? null : <WaveProgressLine wave={progress.wave} />}
      <LabelledBar
        label={t('operation.progress.instances')}
        valueText={format(t('operation.progress.instancesValue'), { done: counts.done, total: progress.total })}
        percent={counts.instancesPercent}
        status={barStatus}
      />
      <LabelledBar
        label={t('operation.progress.requests')}
        valueText={format(t('operation.progress.requestsValue'), {
          sent: progress.requestsSent,
          answered: progress.requestsAnswered,
          total: progress.requestsTotal,
        })}
        percent={counts.requestsPercent}
        status={barStatus}
      />
      <dl className="operation-counts">
        {tiles.map((tile) => (
          <div key={tile.key} className={`operation-count operation-count-${tile.key}`} data-testid={`count-${tile.key}`}>
            <dt>{t(`operation.outcome.${tile.key}`)}</dt>
            <dd>{tile.value}</dd>
          </div>
        ))}
      </dl>
      {props.error === null ? null : <AppErrorAlert error={props.error} />}
      <div className="operation-progress-actions">
        {ended ? (
          props.loadingResult ? (
            <Spin size={14} tip={t('operation.progress.loadingResult')} />
          ) : props.onRetryLoad === undefined ? null : (
            <Button onClick={props.onRetryLoad}>{t('operation.results.reload')}</Button>
          )
        ) : (
          <>
            <Button status="warning" disabled={stopping} onClick={props.onCancel} aria-describedby="operation-stop-hint" data-testid="operation-stop">
              {t('operation.progress.stop')}
            </Button>
            <Typography.Text type="secondary" id="operation-stop-hint">
              {t(stopping ? 'operation.progress.stopping' : progress.wave === undefined ? 'operation.progress.stopHint' : 'rolling.progress.stopHint')}
            </Typography.Text>
          </>
        )}
      </div>
    </section>
  );
});
