import { Alert, Button, Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import type { ZoneProgress } from '../../../../shared/domain/inventory';
import { AppErrorAlert } from '../../common/app-error-alert';
import { NamedProgress } from '../../common/named-progress';
import { format, formatDateTime, formatTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../app/app-store';
import { useInventoryStore, type RegionListingView } from '../inventory/inventory-store';
import { workspaceFlow } from './workspace-flow';
import './workspace.css';

function percentOf(view: RegionListingView): number {
  return view.totalCount ? Math.min(100, Math.round((100 * view.received) / view.totalCount)) : 0;
}

/** Each zone's listing, one short line each: shown while zones are listed, and after, when one failed. */
const ZoneList = memo(function ZoneList(props: { zones: readonly ZoneProgress[] }) {
  const t = useT();
  const locale = useLocale();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  return (
    <ul className="workspace-zones" aria-label={t('workspace.zonesLabel')} data-testid="zone-progress">
      {props.zones.map((zone) => (
        <li key={zone.zoneId} className={`workspace-zone workspace-zone-${zone.state}`} data-zone-state={zone.state}>
          {format(t('workspace.zoneProgress'), { zone: zone.zoneId, received: number.format(zone.received), total: zone.totalCount === null ? '…' : number.format(zone.totalCount) })}{' '}
          · {t(`workspace.zoneState.${zone.state}`)}
        </li>
      ))}
    </ul>
  );
});

/**
 * How far the region's listing is, in words and a bar ("12,400 of 50,000"), how it is read (zone by zone, or in one
 * sequence and why), the copy from disk shown meanwhile, and how it ended: listed whole, or incomplete with the
 * reason. Cancel keeps what arrived; Refresh lists the region again.
 */
export const RegionListingStatus = memo(function RegionListingStatus() {
  const t = useT();
  const locale = useLocale();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const view = useInventoryStore((state) => state.region);
  const zonesAtOnce = useAppStore((state) => state.settings?.zonesListedAtOnce ?? 4);
  if (view === null) return null;
  const progress = view.progress;
  const time = (iso: string) => formatTime(iso, locale);
  const counts = { received: number.format(view.received), total: view.totalCount === null ? '…' : number.format(view.totalCount) };
  const zones = progress?.mode === 'zones' ? progress.zones : [];
  const zonesFailed = zones.some((zone) => zone.state === 'failed');
  const mode = progress?.mode === 'zones' ? format(t('workspace.mode.zones'), { atOnce: zonesAtOnce }) : progress?.mode === 'sequential' ? t('workspace.mode.sequential') : null;

  if (view.state === 'listing') {
    const text = view.totalCount !== null ? format(t('workspace.listing'), counts) : view.received > 0 ? format(t('workspace.listingNoTotal'), counts) : t('workspace.listingStarting');
    return (
      <div className="workspace-listing" data-testid="inventory-progress" data-state="listing">
        <div className="workspace-loading">
          <Typography.Text>{text}</Typography.Text>
          <NamedProgress label={t('workspace.listingStarting')} valueText={text} percent={percentOf(view)} style={{ width: 260 }} />
          {mode === null ? null : <Typography.Text type="secondary">{mode}</Typography.Text>}
          <Button size="small" onClick={() => void workspaceFlow.cancelListing()}>
            {t('workspace.cancelLoad')}
          </Button>
        </div>
        {view.cached === null ? null : (
          <Typography.Text type="warning" data-testid="cached-notice">
            {format(t('workspace.cachedShown'), { time: formatDateTime(view.cached.readAt, locale) })}
          </Typography.Text>
        )}
        {progress?.zonesError ? <Typography.Text type="secondary">{t('workspace.zonesFallback')}</Typography.Text> : null}
        {zones.length > 0 ? <ZoneList zones={zones} /> : null}
      </div>
    );
  }

  if (view.state === 'complete') {
    return (
      <div className="workspace-listing" data-testid="inventory-progress" data-state="complete">
        <Typography.Text type="secondary" data-testid="last-refresh">
          {format(t('workspace.listed'), { count: number.format(view.received), time: time(view.finishedAt ?? view.startedAt) })}
          {mode === null ? '' : ` · ${mode}`}
        </Typography.Text>
        {progress?.zonesError ? <Typography.Text type="secondary">{t('workspace.zonesFallback')}</Typography.Text> : null}
        {progress?.cacheProblem ? <AppErrorAlert error={progress.cacheProblem} /> : null}
      </div>
    );
  }

  return (
    <div className="workspace-listing" data-testid="inventory-progress" data-state="incomplete">
      <Alert
        type="warning"
        data-testid="inventory-incomplete"
        content={
          <div className="workspace-incomplete">
            <span>{format(t(view.cancelled ? 'workspace.listCancelled' : 'workspace.listIncomplete'), counts)}</span>
            {view.cached === null ? null : <span>{format(t('workspace.cachedLeft'), { time: formatDateTime(view.cached.readAt, locale) })}</span>}
            <Button size="small" type="primary" onClick={() => void workspaceFlow.relistRegion()}>
              {t('workspace.refresh')}
            </Button>
          </div>
        }
      />
      {view.error === null ? null : <AppErrorAlert error={view.error} />}
      {zonesFailed ? <ZoneList zones={zones} /> : null}
    </div>
  );
});
