import type { ReactNode } from 'react';
import type { OperationPlan, PlanBreakdown, PlanEstimate } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { statusLabel } from '../instances/instance-labels';
import { durationText } from './review-facts';

export interface OverviewRow {
  label: string;
  value: ReactNode;
}

/**
 * Which credentials, which account and where the requests go: the review's answer to "am I about to change the
 * right account?". Shared by the single-region review and the sweep's.
 */
export function useAccountRows(source: Pick<OperationPlan, 'profileName' | 'accessKeyHint' | 'accountId' | 'endpoint'>): OverviewRow[] {
  const t = useT();
  return [
    {
      label: t('operation.review.profile'),
      value: (
        <span>
          {source.profileName} <code>{source.accessKeyHint}</code>
        </span>
      ),
    },
    {
      label: t('operation.review.account'),
      value: source.accountId === null ? <span className="muted" data-testid="plan-account">{t('operation.review.accountUnknown')}</span> : <code data-testid="plan-account">{source.accountId}</code>,
    },
    ...(source.endpoint === null ? [] : [{ label: t('operation.review.endpoint'), value: <code data-testid="plan-endpoint">{source.endpoint}</code> }]),
  ];
}

/** The planned instances by status and by zone, and how long sending should take at the configured pace. */
export function useBreakdownRows(breakdown: PlanBreakdown, estimate: PlanEstimate | null, across: 'region' | 'regions'): OverviewRow[] {
  const t = useT();
  const rows: OverviewRow[] = [];
  if (breakdown.byStatus.length > 0) {
    rows.push({
      label: t('operation.review.byStatus'),
      value: (
        <span data-testid="plan-by-status">{breakdown.byStatus.map((entry) => `${statusLabel(t, entry.value)} ${entry.count}`).join(' · ')}</span>
      ),
    });
  }
  if (breakdown.byZone.length > 0) {
    rows.push({
      label: t('operation.review.byZone'),
      value: <span data-testid="plan-by-zone">{breakdown.byZone.map((entry) => `${entry.value} ${entry.count}`).join(' · ')}</span>,
    });
  }
  if (estimate !== null && estimate.requests > 0) {
    const duration = durationText(estimate.seconds);
    rows.push({
      label: t('operation.review.estimate'),
      value: (
        <span data-testid="plan-estimate">
          {format(t(across === 'regions' ? 'operation.review.sweepEstimateValue' : 'operation.review.estimateValue'), {
            duration: format(t(duration.key), duration.values),
            rate: estimate.requestsPerSecond,
            concurrency: estimate.concurrency,
          })}
        </span>
      ),
    });
  }
  return rows;
}
