import { memo, useMemo } from 'react';
import type { SweepPlan } from '../../../../shared/domain/sweep';
import { RegionLabel } from '../../common/region-label';
import { format } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useSweepT } from './sweep-messages';
import { groupByAccount, partKey } from './sweep-facts';
import './sweep.css';

/**
 * The plan account by account, region by region: each region's own key pair ID, its instances, requests and
 * exclusions, and its endpoint when the parts do not all share one; a total line per account.
 */
export const SweepPlanTable = memo(function SweepPlanTable(props: { plan: SweepPlan; endpoints: ReadonlyMap<string, string> }) {
  const t = useSweepT();
  const locale = useLocale();
  const accounts = useMemo(() => groupByAccount(props.plan.plans), [props.plan.plans]);
  const withEndpoints = props.endpoints.size > 0;
  const columns = withEndpoints ? 6 : 5;
  return (
    <table className="sweep-plan-regions" data-testid="sweep-plan-regions">
      <caption className="visually-hidden">{t('sweep.plan.regionsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workspace.region')}</th>
          <th scope="col">{t('sweep.col.keyPairId')}</th>
          <th scope="col">{t('operation.review.instances')}</th>
          <th scope="col">{t('operation.progress.requests')}</th>
          <th scope="col">{t('sweep.plan.leftOut')}</th>
          {withEndpoints ? <th scope="col">{t('sweep.plan.endpoint')}</th> : null}
        </tr>
      </thead>
      {accounts.map(({ profileId, items }) => {
        const first = items[0]!;
        const sum = (pick: (part: (typeof items)[number]) => number) => items.reduce((total, part) => total + pick(part), 0);
        return (
          <tbody key={profileId} data-profile={first.profileName}>
            <tr className="sweep-group-row">
              <th scope="colgroup" colSpan={columns}>
                {first.profileName} {first.accountId === null ? null : <code>{first.accountId}</code>} <code>{first.accessKeyHint}</code>
              </th>
            </tr>
            {items.map((part) => (
              <tr key={part.regionId} data-region={part.regionId}>
                <td>
                  <RegionLabel regionId={part.regionId} locale={locale} />
                </td>
                <td>
                  <code>{part.keyPair?.keyPairId}</code>
                </td>
                <td>{part.instanceIds.length}</td>
                <td>{part.requests.length}</td>
                <td>{part.excluded.length}</td>
                {withEndpoints ? <td className="sweep-plan-endpoint">{props.endpoints.get(partKey(part.profileId, part.regionId)) ?? '—'}</td> : null}
              </tr>
            ))}
            <tr className="sweep-total-row" data-testid="sweep-plan-account-total">
              <th scope="row" colSpan={2}>
                {format(t('sweep.plan.accountTotal'), { account: first.profileName })}
              </th>
              <td>{sum((part) => part.instanceIds.length)}</td>
              <td>{sum((part) => part.requests.length)}</td>
              <td>{sum((part) => part.excluded.length)}</td>
              {withEndpoints ? <td /> : null}
            </tr>
          </tbody>
        );
      })}
    </table>
  );
});
