import { Descriptions } from '@arco-design/web-react';
import { memo } from 'react';
import { regionDisplayName } from '../../../../shared/domain/known-regions';
import type { OperationPlan } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAccountRows, useBreakdownRows } from './plan-overview-rows';

function instancesKey(instances: number, requests: number) {
  if (instances === 1) return 'operation.review.instancesValue.one';
  return requests === 1 ? 'operation.review.instancesValue.oneRequest' : 'operation.review.instancesValue.other';
}

/**
 * What the plan will touch, in which account and with which credentials, how the instances spread over statuses and
 * zones, and how long it should take: the facts to check before confirming.
 */
export const PlanOverview = memo(function PlanOverview(props: { plan: OperationPlan }) {
  const t = useT();
  const locale = useLocale();
  const { plan } = props;
  const instances = plan.instanceIds.length;
  const accountRows = useAccountRows(plan);
  const breakdownRows = useBreakdownRows(plan.breakdown, plan.estimate, 'region');
  const data = [
    ...(plan.keyPair === null
      ? []
      : [
          {
            label: t('operation.review.keyPair'),
            value: (
              <span data-testid="plan-key-pair">
                <strong>{plan.keyPair.keyPairName}</strong> <code>{plan.keyPair.keyPairId}</code>
              </span>
            ),
          },
        ]),
    ...(plan.undoOf === undefined
      ? []
      : [{ label: t('operation.review.undoOf'), value: <span data-testid="plan-undo-of">{format(t('operation.review.undoOfValue'), { id: plan.undoOf })}</span> }]),
    { label: t('operation.review.region'), value: regionDisplayName(plan.regionId, locale) },
    ...accountRows,
    {
      label: t('operation.review.instances'),
      value: (
        <span data-testid="plan-counts">
          {format(t(instancesKey(instances, plan.requests.length)), {
            instances,
            requests: plan.requests.length,
          })}
        </span>
      ),
    },
    ...breakdownRows,
    ...(plan.action === 'reboot'
      ? [{ label: t('operation.review.forceStop'), value: t(plan.forceStop ? 'operation.review.forceStopOn' : 'operation.review.forceStopOff') }]
      : []),
  ];
  return <Descriptions column={1} data={data} labelStyle={{ width: 140 }} border size="small" />;
});
