import { Button, Checkbox, Tag, Typography } from '@arco-design/web-react';
import { IconMinus, IconPlus } from '@arco-design/web-react/icon';
import { memo, useMemo } from 'react';
import type { Sweep, SweepRegion } from '../../../../shared/domain/sweep';
import { describeAppError } from '../../../../shared/errors/catalogue';
import { describeEcsError } from '../../../../shared/errors/ecs-error-catalogue';
import { format } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useSweepStore } from './sweep-store';
import { plannableRegions, regionCounts } from './sweep-facts';
import { SweepRegionInstances } from './sweep-region-instances';
import { PlainTable, type PlainColumn } from '../../common/plain-table';
import { RegionLabel } from '../../common/region-label';
import '../operation/operation-results.css';
import './sweep.css';

type Row = SweepRegion & { key: string };

/** What the search found, one row per region: the regional key pair, the instances carrying it, or the failure. */
export const SweepFindings = memo(function SweepFindings(props: { sweep: Sweep }) {
  const t = useT();
  const locale = useLocale();
  const { sweep } = props;
  const skipped = useSweepStore((state) => state.skippedRegions);
  const setRegionIncluded = useSweepStore((state) => state.setRegionIncluded);
  const review = useSweepStore((state) => state.review);
  const planning = useSweepStore((state) => state.planning);
  const rows: Row[] = useMemo(() => sweep.regions.map((region) => ({ ...region, key: region.regionId })), [sweep.regions]);
  const plannable = useMemo(() => plannableRegions(sweep.regions), [sweep.regions]);
  const included = plannable.filter((region) => !skipped.has(region.regionId));
  const includedInstances = included.reduce((sum, region) => sum + regionCounts(region).detachable, 0);
  const boundEverywhere = plannable.reduce((sum, region) => sum + region.instances.length, 0);
  const failed = sweep.regions.filter((region) => region.state === 'failed').length;

  const columns: Array<PlainColumn<Row>> = [
    {
      key: 'include',
      title: t('sweep.col.include'),
      width: 90,
      render: (row) =>
        row.state === 'found' && row.instances.length > 0 ? (
          <Checkbox
            checked={!skipped.has(row.regionId)}
            onChange={(checked: boolean) => setRegionIncluded(row.regionId, checked)}
            aria-label={format(t('sweep.includeRegion'), { region: row.regionId })}
          />
        ) : null,
    },
    {
      key: 'region',
      title: t('workspace.region'),
      render: (row) => <RegionLabel regionId={row.regionId} locale={locale} />,
    },
    {
      key: 'keyPairId',
      title: t('sweep.col.keyPairId'),
      render: (row) => (row.state === 'found' ? <code>{row.keyPair.keyPairId}</code> : '—'),
    },
    {
      key: 'bound',
      title: t('sweep.col.bound'),
      width: 120,
      render: (row) => regionCounts(row).bound,
    },
    {
      key: 'detachable',
      title: t('sweep.col.detachable'),
      width: 140,
      render: (row) => regionCounts(row).detachable,
    },
    {
      key: 'state',
      title: t('sweep.col.state'),
      render: (row) => {
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
      },
    },
  ];

  return (
    <section className="sweep-findings" aria-labelledby="sweep-findings-title" data-testid="sweep-findings">
      <div className="operation-section-header">
        <div>
          <Typography.Title heading={6} id="sweep-findings-title">
            {format(t('sweep.foundTitle'), { name: sweep.keyPairName })}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="sweep-summary">
            {format(t('sweep.summary'), { instances: boundEverywhere, regions: plannable.length, searched: sweep.regions.length })}
            {failed > 0 ? ` ${format(t('sweep.failedRegions'), { count: failed })}` : ''}
          </Typography.Text>
        </div>
        <Button type="primary" status="danger" disabled={includedInstances === 0} loading={planning} onClick={() => void review()}>
          {format(t('sweep.review'), { instances: includedInstances, regions: included.length })}
        </Button>
      </div>
      <PlainTable
        label={t('sweep.regionsTable')}
        rowKey={(row) => row.key}
        columns={columns}
        rows={rows}
        size="small"
        expansion={{
          title: t('table.expandColumn'),
          canExpand: (row) => row.state === 'found' && row.instances.length > 0,
          render: (row) => (row.state === 'found' ? <SweepRegionInstances region={row} /> : null),
          buttonLabel: (row) => format(t('sweep.showInstances'), { region: row.regionId }),
          icon: (expanded) => (expanded ? <IconMinus /> : <IconPlus />),
        }}
      />
    </section>
  );
});
