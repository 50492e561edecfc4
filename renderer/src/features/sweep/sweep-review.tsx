import { Button, Descriptions, Modal, Space } from '@arco-design/web-react';
import { useMemo, useState } from 'react';
import type { SweepPlan } from '../../../../shared/domain/sweep';
import type { AppErrorData } from '../../../../shared/errors/app-error';
import { AppErrorAlert } from '../../common/app-error-alert';
import { DialogCloseIcon } from '../../common/dialog-close-icon';
import { useReturnFocus } from '../../common/use-return-focus';
import { format } from '../../i18n/format';
import { useSweepT } from './sweep-messages';
import { PlanExclusions } from '../operation/plan-exclusions';
import { isConfirmed } from '../operation/plan-facts';
import { PlanLeftBehind } from '../operation/plan-left-behind';
import { useAccountRows, useBreakdownRows } from '../operation/plan-overview-rows';
import { PlanWarnings } from '../operation/plan-warnings';
import { PlannedRequests } from '../operation/planned-requests';
import { TypedConfirmation } from '../operation/typed-confirmation';
import { combineEstimates, exclusionsNotLeftBehind, mergeBreakdowns, runningCount } from '../operation/review-facts';
import { accountLabel, partKey, sweepEndpoints, sweepPlanTotals } from './sweep-facts';
import { SweepPlanTable } from './sweep-plan-table';
import '../operation/plan-review.css';
import './sweep.css';

export interface SweepReviewProps {
  plan: SweepPlan;
  starting: boolean;
  error: AppErrorData | null;
  onConfirm: (confirmation: string | null) => void;
  onCancel: () => void;
}

/**
 * The last look before a sweep sends anything: every region with its own key pair ID, how many instances and
 * requests in each, the account and endpoint, the spread over statuses and zones and the time it should take, which
 * instances keep the key and why, the consequences, the exact requests, and one typed confirmation.
 */
export function SweepReview(props: SweepReviewProps) {
  const t = useSweepT();
  const { plan } = props;
  const [typed, setTyped] = useState('');
  useReturnFocus();
  const totals = useMemo(() => sweepPlanTotals(plan), [plan]);
  const endpoints = useMemo(() => sweepEndpoints(plan.plans), [plan.plans]);
  const sections = useMemo(
    () =>
      plan.plans.filter((part) => part.requests.length > 0).map((part) => {
        const endpoint = endpoints.byPart.get(partKey(part.profileId, part.regionId));
        return {
          heading: `${accountLabel(part)} · ${part.regionId} (${part.keyPair?.keyPairId ?? ''})${endpoint === undefined ? '' : ` · ${endpoint}`}`,
          requests: part.requests,
        };
      }),
    [plan.plans, endpoints],
  );
  const confirmed = isConfirmed(plan.confirmationText, typed);
  const first = plan.plans[0];
  const breakdown = useMemo(() => mergeBreakdowns(plan.plans.map((part) => part.breakdown)), [plan.plans]);
  const leftBehind = useMemo(() => plan.plans.flatMap((part) => part.leftBehind), [plan.plans]);
  const excluded = useMemo(() => exclusionsNotLeftBehind(totals.excluded, leftBehind), [totals.excluded, leftBehind]);
  const accountRows = useAccountRows({ profileName: first?.profileName ?? '', accessKeyHint: first?.accessKeyHint ?? '', accountId: first?.accountId ?? null, endpoint: endpoints.shared });
  // With several accounts the table names each (profile, account ID, access key); only a shared endpoint stays up here.
  const accountOverview = totals.accounts > 1 ? accountRows.slice(2) : accountRows;
  const breakdownRows = useBreakdownRows(breakdown, combineEstimates(plan.plans), 'regions');
  const confirm = () => {
    if (confirmed && totals.instances > 0 && !props.starting) props.onConfirm(plan.confirmationText === null ? null : typed);
  };

  const overview = [
    { label: t('operation.review.keyPair'), value: <strong data-testid="sweep-plan-key-pair">{plan.keyPairName}</strong> },
    ...accountOverview,
    {
      label: t('operation.review.instances'),
      value: (
        <span data-testid="sweep-plan-counts">
          {format(t('sweep.plan.counts'), { instances: totals.instances, requests: totals.requests, regions: totals.regions, accounts: totals.accounts })}
        </span>
      ),
    },
    ...breakdownRows,
  ];

  return (
    <Modal
      visible
      title={t('sweep.plan.title')}
      onCancel={props.onCancel}
      maskClosable={false}
      closeIcon={<DialogCloseIcon />}
      unmountOnExit
      style={{ width: endpoints.byPart.size > 0 ? 880 : 760 }}
      className="operation-review"
      footer={
        <>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" status="danger" loading={props.starting} disabled={!confirmed || totals.instances === 0} onClick={confirm} data-testid="plan-confirm">
            {format(t(totals.instances === 1 ? 'operation.confirm.detach-key-pair.one' : 'operation.confirm.detach-key-pair.other'), { count: totals.instances })}
          </Button>
        </>
      }
    >
      <Space direction="vertical" size="medium" className="operation-review-body">
        <Descriptions column={1} data={overview} labelStyle={{ width: 140 }} border size="small" />
        <SweepPlanTable plan={plan} endpoints={endpoints.byPart} />
        <PlanLeftBehind leftBehind={leftBehind} />
        <PlanExclusions excluded={excluded} />
        <PlanWarnings plan={{ action: 'detach-key-pair', forceStop: false }} counts={{ running: runningCount(breakdown), total: totals.instances }} />
        <PlannedRequests sections={sections} />
        {plan.confirmationText === null ? null : (
          <TypedConfirmation action="detach-key-pair" confirmationText={plan.confirmationText} value={typed} onChange={setTyped} onConfirm={confirm} />
        )}
        {props.error === null ? null : <AppErrorAlert error={props.error} />}
      </Space>
    </Modal>
  );
}
