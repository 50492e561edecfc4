import { Progress, Tag, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import type { SweepAccountProgress, SweepProgress } from '../../../../shared/domain/sweep';
import { format } from '../../i18n/format';
import { searchProgressTotals } from './sweep-facts';
import { useSweepT } from './sweep-messages';
import { useProfilesStore } from '../profiles/profiles-store';
import './sweep.css';

const stateColors: Record<SweepAccountProgress['state'], string> = { waiting: 'gray', searching: 'arcoblue', done: 'green', failed: 'red' };

function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}

/** One account's regions searched, as a bar and a count. */
function AccountRegions(props: { account: SweepAccountProgress; name: string }) {
  const t = useSweepT();
  const { account } = props;
  // Failed before its regions were listed: nothing was searched, so no bar stands empty.
  if (account.state === 'failed' && account.regionsTotal === 0) return <td>—</td>;
  const text = account.regionsTotal === 0 ? '—' : `${account.regionsDone} / ${account.regionsTotal}`;
  const percent = percentOf(account.regionsDone, account.regionsTotal);
  return (
    <td>
      <div
        className="sweep-account-progress"
        role="progressbar"
        aria-label={format(t('sweep.progressAccount'), { account: props.name })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <Progress percent={percent} showText={false} size="small" aria-hidden />
        <span>{text}</span>
      </div>
    </td>
  );
}

/** Regions searched so far and instances found, overall and account by account, while the search runs. */
export const SweepSearchProgress = memo(function SweepSearchProgress(props: { keyPairName: string; accounts: number; progress: SweepProgress | null }) {
  const t = useSweepT();
  const profiles = useProfilesStore((state) => state.profiles);
  const accounts = props.progress?.accounts ?? [];
  const totals = searchProgressTotals(accounts);
  const listing = totals.listing === 0 ? '' : ` · ${format(t('sweep.accountsListing'), { count: totals.listing })}`;
  const valueText = totals.total === 0 ? t('sweep.listingRegions') : `${format(t('sweep.progressValue'), { done: totals.done, total: totals.total, instances: totals.instances })}${listing}`;
  const nameOf = (profileId: string) => profiles.find((profile) => profile.id === profileId)?.name ?? profileId;
  return (
    <div className="sweep-progress" data-testid="sweep-progress">
      <Typography.Text>{format(t('sweep.searching'), { name: props.keyPairName, accounts: props.accounts })}</Typography.Text>
      <div role="progressbar" aria-label={t('sweep.progressLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={totals.percent} aria-valuetext={valueText}>
        <Progress percent={totals.percent} showText={false} aria-hidden animation />
      </div>
      <Typography.Text type="secondary">{valueText}</Typography.Text>
      {accounts.length === 0 ? null : (
        <table className="sweep-plan-regions" data-testid="sweep-progress-accounts">
          <caption className="visually-hidden">{t('sweep.progressAccounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sweep.col.account')}</th>
              <th scope="col">{t('sweep.col.state')}</th>
              <th scope="col">{t('sweep.col.regions')}</th>
              <th scope="col">{t('sweep.col.instancesFound')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.profileId} data-profile={account.profileId}>
                <th scope="row">{nameOf(account.profileId)}</th>
                <td>
                  <Tag size="small" color={stateColors[account.state]}>
                    {t(`sweep.accountState.${account.state}`)}
                  </Tag>
                </td>
                <AccountRegions account={account} name={nameOf(account.profileId)} />
                <td>{account.instancesFound}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
});
