import { Alert } from '@arco-design/web-react';
import { memo } from 'react';
import type { OperationPlan } from '../../../../shared/domain/operation';
import { useT } from '../../i18n/use-t';

/** The consequences the spec names, in plain sight before the confirm button (not behind a tooltip). */
export const PlanWarnings = memo(function PlanWarnings(props: { plan: Pick<OperationPlan, 'action' | 'forceStop'> }) {
  const t = useT();
  const { action, forceStop } = props.plan;
  if (action === 'detach-key-pair') {
    return (
      <Alert
        type="warning"
        title={t('operation.warning.title')}
        data-testid="plan-warnings"
        content={
          <ul className="operation-warning-list">
            <li>{t('operation.warning.rebootNeeded')}</li>
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
