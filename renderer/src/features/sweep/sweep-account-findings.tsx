import { Checkbox, Tag, Typography } from '@arco-design/web-react';
import { IconMinus, IconPlus } from '@arco-design/web-react/icon';
import { memo, useMemo } from 'react';
import type { SweepAccount, SweepRegion } from '../../../../shared/domain/sweep';
import { describeAppError } from '../../../../shared/errors/catalogue';
import { describeEcsError } from '../../../../shared/errors/ecs-error-catalogue';
import { AppErrorAlert } from '../../common/app-error-alert';
import { PlainTable, type PlainColumn } from '../../common/plain-table';
import { RegionLabel } from '../../common/region-label';
import { format } from '../../i18n/format';
import { useLocale } from '../../i18n/use-t';
import { useSweepT } from './sweep-messages';
import { useSweepStore } from './sweep-store';
import { accountLabel, accountTotals, partKey, regionCounts } from './sweep-facts';
import { SweepRegionInstances } from './sweep-region-instances';
import './sweep.css';

type Row = SweepRegion & { key: string };

/** The state column: where the key is, that it is not there, or why the region could not be read. */
function RegionState(props: { row: Row }) {
  const t = useSweepT();
  const locale = useLocale();
  const { row } = props;
  if (row.state === 'absent') return <Typography.Text type="secondary">{t('sweep.state.absent')}</Typography.Text>;
  if (row.state === 'found') {
    return row.instances.length === 0 ? (
      <Typography.Text type="secondary">{t('sweep.state.unbound')}</Typography.Text>
    ) : (
      <Tag color="red" size="small">
        {t('sweep.state.found')}
      </Tag>
    );
  }
  const cloud = row.error.cloud;
  const text = cloud === undefined ? describeAppError(row.error.code, locale) : describeEcsError(cloud.code, locale);
  return (
    <span className="sweep-region-error" data-testid={`sweep-error-${row.regionId}`}>
      <Tag color="red" size="small">
        {cloud?.code ?? row.error.code}
      </Tag>{' '}
      {text.title}. {text.action}
    </span>
  );
}

/**
 * One account's findings: its name, account ID and totals with a switch to leave the whole account out, then a row
 * per region. An account that could not be read shows why and what to do; the others stay usable.
 */
export const SweepAccountFindings = memo(function SweepAccountFindings(props: { account: SweepAccount }) {
  const t = useSweepT();
  const locale = useLocale();
  const { account } = props;
  const label = accountLabel(account);
  const accountSkipped = useSweepStore((state) => state.skippedAccounts.has(account.profileId));
  const skippedParts = useSweepStore((state) => state.skippedParts);
  const setAccountIncluded = useSweepStore((state) => state.setAccountIncluded);
  const setRegionIncluded = useSweepStore((state) => state.setRegionIncluded);
  const totals = accountTotals(account);
  const rows: Row[] = useMemo(() => (account.state === 'searched' ? account.regions.map((region) => ({ ...region, key: region.regionId })) : []), [account]);
  const headingId = `sweep-account-${account.profileId}`;

  const columns: Array<PlainColumn<Row>> = [
    {
      key: 'include',
      title: t('sweep.col.include'),
      width: 90,
      render: (row) =>
        row.state === 'found' && row.instances.length > 0 ? (
          <Checkbox
            checked={!accountSkipped && !skippedParts.has(partKey(account.profileId, row.regionId))}
            disabled={accountSkipped}
            onChange={(checked: boolean) => setRegionIncluded(account.profileId, row.regionId, checked)}
            aria-label={format(t('sweep.includeRegion'), { region: row.regionId, account: account.profileName })}
          />
        ) : null,
    },
    { key: 'region', title: t('workspace.region'), render: (row) => <RegionLabel regionId={row.regionId} locale={locale} /> },
    { key: 'keyPairId', title: t('sweep.col.keyPairId'), render: (row) => (row.state === 'found' ? <code>{row.keyPair.keyPairId}</code> : '—') },
    { key: 'bound', title: t('sweep.col.bound'), width: 110, render: (row) => regionCounts(row).bound },
    { key: 'detachable', title: t('sweep.col.detachable'), width: 130, render: (row) => regionCounts(row).detachable },
    { key: 'state', title: t('sweep.col.state'), render: (row) => <RegionState row={row} /> },
  ];

  return (
    <section className="sweep-account" aria-labelledby={headingId} data-testid={`sweep-account-${account.profileName}`} data-state={account.state}>
      <div className="sweep-account-header">
        {account.state === 'searched' && totals.regionsBound > 0 ? (
          <Checkbox
            checked={!accountSkipped}
            onChange={(checked: boolean) => setAccountIncluded(account.profileId, checked)}
            aria-label={format(t('sweep.includeAccount'), { account: account.profileName })}
          />
        ) : null}
        <div>
          <Typography.Text bold id={headingId} className="sweep-account-name">
            {account.profileName}
            {account.accountId === null ? null : <code className="sweep-account-id">{account.accountId}</code>}
          </Typography.Text>
          {account.state === 'searched' ? (
            <Typography.Text type="secondary" className="sweep-account-summary" data-testid="sweep-account-summary">
              {format(t('sweep.accountSummary'), { instances: totals.bound, regions: totals.regionsBound, detachable: totals.detachable, searched: totals.regionsSearched })}
            </Typography.Text>
          ) : null}
        </div>
      </div>
      {account.state === 'failed' ? (
        <div data-testid="sweep-account-error">
          <AppErrorAlert error={account.error} />
        </div>
      ) : (
        <PlainTable
          label={format(t('sweep.accountRegions'), { account: label })}
          rowKey={(row) => row.key}
          columns={columns}
          rows={rows}
          size="small"
          expansion={{
            title: t('table.expandColumn'),
            canExpand: (row) => row.state === 'found' && row.instances.length > 0,
            render: (row) => (row.state === 'found' ? <SweepRegionInstances region={row} account={account.profileName} /> : null),
            buttonLabel: (row) => format(t('sweep.showInstances'), { region: row.regionId, account: account.profileName }),
            icon: (expanded) => (expanded ? <IconMinus /> : <IconPlus />),
          }}
        />
      )}
    </section>
  );
});
