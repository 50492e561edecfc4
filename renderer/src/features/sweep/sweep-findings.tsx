import { Button, Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import type { Sweep } from '../../../../shared/domain/sweep';
import { format } from '../../i18n/format';
import { useSweepT } from './sweep-messages';
import { useSweepStore } from './sweep-store';
import { partKey, plannableRegions, plannedParts, regionCounts, sweepTotals } from './sweep-facts';
import { SweepAccountFindings } from './sweep-account-findings';
import '../operation/operation-results.css';
import './sweep.css';

/** What the search found, account by account, region by region, with the totals and the one button to review. */
export const SweepFindings = memo(function SweepFindings(props: { sweep: Sweep }) {
  const t = useSweepT();
  const { sweep } = props;
  const skippedAccounts = useSweepStore((state) => state.skippedAccounts);
  const skippedParts = useSweepStore((state) => state.skippedParts);
  const review = useSweepStore((state) => state.review);
  const planning = useSweepStore((state) => state.planning);
  const totals = useMemo(() => sweepTotals(sweep), [sweep]);
  const included = useMemo(() => plannedParts(sweep, skippedAccounts, skippedParts), [sweep, skippedAccounts, skippedParts]);
  // The button counts what a detach can take the key off; the review lists the others as left out, with why.
  const includedInstances = sweep.accounts
    .flatMap((account) => (account.state !== 'searched' || skippedAccounts.has(account.profileId) ? [] : plannableRegions(account.regions).filter((region) => !skippedParts.has(partKey(account.profileId, region.regionId)))))
    .reduce((sum, region) => sum + regionCounts(region).detachable, 0);
  const includedAccounts = new Set(included.map((part) => part.profileId)).size;
  const accountsBound = sweep.accounts.filter((account) => account.state === 'searched' && account.regions.some((region) => region.state === 'found' && region.instances.length > 0)).length;

  return (
    <section className="sweep-findings" aria-labelledby="sweep-findings-title" data-testid="sweep-findings">
      <div className="operation-section-header">
        <div>
          <Typography.Title heading={6} id="sweep-findings-title">
            {format(t('sweep.foundTitle'), { name: sweep.keyPairName })}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="sweep-summary">
            {format(t('sweep.summary'), { instances: totals.bound, regions: totals.regionsBound, accounts: accountsBound, searched: totals.regionsSearched })}
            {totals.regionsFailed > 0 ? ` ${format(t('sweep.failedRegions'), { count: totals.regionsFailed })}` : ''}
            {totals.accountsFailed > 0 ? ` ${format(t('sweep.failedAccounts'), { count: totals.accountsFailed })}` : ''}
          </Typography.Text>
        </div>
        <Button type="primary" status="danger" disabled={includedInstances === 0} loading={planning} onClick={() => void review()} data-testid="sweep-review">
          {format(t('sweep.review'), { instances: includedInstances, regions: included.length, accounts: includedAccounts })}
        </Button>
      </div>
      {sweep.accounts.map((account) => (
        <SweepAccountFindings key={account.profileId} account={account} />
      ))}
    </section>
  );
});
