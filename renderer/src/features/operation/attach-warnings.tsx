import { Alert } from '@arco-design/web-react';
import { memo } from 'react';
import type { OperationPlan } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { replacementSummary } from './attach-facts';
import { runningCount } from './review-facts';
import './plan-review.css';

/**
 * What an attach does beyond putting the key on, before the confirm button: password login is turned off, nothing
 * changes until a reboot, and a replaced key locks out whoever used it (how many instances, which keys), in red.
 */
export const AttachWarnings = memo(function AttachWarnings(props: { plan: OperationPlan }) {
  const t = useT();
  const { plan } = props;
  const replaced = replacementSummary(plan);
  return (
    <div className="operation-attach-warnings">
      {replaced.count === 0 ? null : (
        <Alert
          type="error"
          data-testid="plan-replacing"
          content={format(t('operation.warning.attach.replacing'), { count: replaced.count, keys: replaced.keyNames.join(t('common.listSeparator')) })}
        />
      )}
      <Alert
        type="warning"
        title={t('operation.warning.title')}
        data-testid="plan-warnings"
        content={
          <ul className="operation-warning-list">
            <li>{format(t('operation.warning.attach.noPassword'), { name: plan.keyPair?.keyPairName ?? '' })}</li>
            <li>
              <strong data-testid="plan-reboot-needed">
                {format(t('operation.warning.attach.reboot'), { running: runningCount(plan.breakdown), count: plan.instanceIds.length })}
              </strong>
            </li>
            <li>{t('operation.warning.agentNeeded')}</li>
          </ul>
        }
      />
    </div>
  );
});
