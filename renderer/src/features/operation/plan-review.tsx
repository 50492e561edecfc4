import { Button, Modal, Space } from '@arco-design/web-react';
import { useMemo, useState } from 'react';
import type { OperationPlan } from '../../../../shared/domain/operation';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { AppErrorAlert } from '../../common/app-error-alert';
import { DialogCloseIcon } from '../../common/dialog-close-icon';
import { useReturnFocus } from '../../common/use-return-focus';
import { AttachWarnings } from './attach-warnings';
import { PlanExclusions } from './plan-exclusions';
import { PlanKeyChanges } from './plan-key-changes';
import { isConfirmed } from './plan-facts';
import { PlanLeftBehind } from './plan-left-behind';
import { PlanOverview } from './plan-overview';
import { PlanWarnings } from './plan-warnings';
import { PlannedRequests } from './planned-requests';
import { exclusionsNotLeftBehind, runningCount } from './review-facts';
import { PlanWaves } from './plan-waves';
import { TypedConfirmation } from './typed-confirmation';
import './plan-review.css';

export interface PlanReviewProps {
  plan: OperationPlan;
  /** True while `operations.start` is pending: the confirm button shows a spinner and cannot be pressed twice. */
  starting: boolean;
  /** Why the last start was refused (e.g. the plan expired), shown above the buttons. */
  error: AppErrorData | null;
  onConfirm: (confirmation: string | null) => void;
  onCancel: () => void;
}

/**
 * The last look before anything is sent: what, where (account and endpoint), with which key, how many requests and
 * how long, who is left out and why, which instances keep the key afterwards (a detach) or which have theirs
 * replaced (an attach), and what the change does to the instances; for a reboot, its waves and when it stops. A large change must be confirmed by typing (the key pair's
 * name, or `reboot N`).
 */
export function PlanReview(props: PlanReviewProps) {
  const t = useT();
  const { plan } = props;
  const [typed, setTyped] = useState('');
  useReturnFocus();
  const count = plan.instanceIds.length;
  const detach = plan.action === 'detach-key-pair';
  const excluded = useMemo(() => exclusionsNotLeftBehind(plan.excluded, plan.leftBehind), [plan.excluded, plan.leftBehind]);
  const confirmed = isConfirmed(plan.confirmationText, typed);
  const one = count === 1;
  const confirmLabel = format(t(`operation.confirm.${plan.action}.${one ? 'one' : 'other'}`), { count });
  const attach = plan.action === 'attach-key-pair';
  const title = plan.undoOf === undefined ? t(`operation.review.title.${plan.action}`) : format(t('operation.review.title.undo'), { name: plan.keyPair?.keyPairName ?? '' });
  const confirm = () => {
    if (confirmed && count > 0 && !props.starting) props.onConfirm(plan.confirmationText === null ? null : typed);
  };

  return (
    <Modal
      visible
      title={title}
      onCancel={props.onCancel}
      maskClosable={false}
      closeIcon={<DialogCloseIcon />}
      unmountOnExit
      style={{ width: 720 }}
      className="operation-review"
      footer={
        <>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            status="danger"
            loading={props.starting}
            disabled={!confirmed || count === 0}
            onClick={confirm}
            data-testid="plan-confirm"
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      <Space direction="vertical" size="medium" className="operation-review-body">
        <PlanOverview plan={plan} />
        {detach ? <PlanLeftBehind leftBehind={plan.leftBehind} /> : null}
        {attach ? <PlanKeyChanges plan={plan} /> : null}
        <PlanExclusions excluded={excluded} undo={plan.undoOf !== undefined} />
        {plan.rolling === undefined ? null : <PlanWaves rolling={plan.rolling} />}
        {attach ? <AttachWarnings plan={plan} /> : <PlanWarnings plan={plan} counts={detach ? { running: runningCount(plan.breakdown), total: count } : undefined} />}
        <PlannedRequests requests={plan.requests} />
        {plan.confirmationText === null ? null : (
          <TypedConfirmation action={plan.action} confirmationText={plan.confirmationText} value={typed} onChange={setTyped} onConfirm={confirm} />
        )}
        {props.error === null ? null : <AppErrorAlert error={props.error} />}
      </Space>
    </Modal>
  );
}
