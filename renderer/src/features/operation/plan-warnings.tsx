import { Alert } from '@arco-design/web-react';
import { memo } from 'react';
import type { OperationPlan } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import './plan-review.css';

/**
 * The consequences the spec names, in plain sight before the confirm button (not behind a tooltip). For a detach,
 * `counts` says how many planned instances are running: the key keeps working on those until they reboot.
 */
export const PlanWarnings = memo(function PlanWarnings(props: { plan: Pick<OperationPlan, 'action' | 'forceStop'>; counts?: { running: number; total: number } }) {
  const t = useT();
  const { action, forceStop } = props.plan;
  const { counts } = props;
  if (action === 'detach-key-pair') {
    return (
      <Alert
        type="warning"
        title={t('operation.warning.title')}
        data-testid="plan-warnings"
        content={
          <ul className="operation-warning-list">
            <li>
              {counts === undefined ? t('operation.warning.rebootNeeded') : <strong data-testid="plan-key-keeps-working">{format(t('operation.warning.keyKeepsWorking'), { running: counts.running, count: counts.total })}</strong>}
            </li>
            <li>{t('operation.warning.noPassword')}</li>
            <li>{t('operation.warning.agentNeeded')}</li>
          </ul>
        }
      />
    );
  }
  return (
    <>
      <Alert type="warning" title={t('operation.warning.title')} data-testid="plan-warnings" content={t('operation.warning.reboot')} />
      {forceStop ? <Alert type="error" data-testid="plan-force-stop" title={t('operation.warning.forceStopTitle')} content={t('operation.warning.forceStop')} /> : null}
    </>
  );
});
