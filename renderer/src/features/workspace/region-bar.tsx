import { Button, Select, Space, Tooltip, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import type { InventoryProgress } from '../../../../shared/domain/inventory';
import { regionDisplayName } from '../../../../shared/domain/known-regions';
import { NamedProgress } from '../../common/named-progress';
import { SearchableSelect } from '../../common/searchable-select';
import { format } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useLocale, useT } from '../../i18n/use-t';
import { useProfilesStore } from '../../stores/profiles-store';
import { currentInventory, useWorkspaceStore } from '../../stores/workspace-store';

/** What the load is doing, in words: written beside the bar and spoken as its value. */
function describeLoad(t: (key: MessageKey) => string, progress: InventoryProgress | null): string {
  if (progress === null) return t('workspace.loading');
  if (progress.phase === 'key-pairs') return format(t('workspace.loadingKeyPairs'), { items: progress.items });
  return format(t('workspace.loadingInstances'), { items: progress.items, total: progress.totalCount ?? '…' });
}

function loadPercent(progress: InventoryProgress | null): number {
  return progress?.phase === 'instances' && progress.totalCount ? Math.round((100 * progress.items) / progress.totalCount) : 0;
}

/** Profile and region pickers, the refresh button with the time of the last refresh, and the load's progress. */
export const RegionBar = memo(function RegionBar() {
  const t = useT();
  const locale = useLocale();
  const profiles = useProfilesStore((state) => state.profiles);
  const { profileId, regions, regionId, inventory } = useWorkspaceStore();
  const selectProfile = useWorkspaceStore((state) => state.selectProfile);
  const selectRegion = useWorkspaceStore((state) => state.selectRegion);
  const refreshRegions = useWorkspaceStore((state) => state.refreshRegions);
  const loadInventory = useWorkspaceStore((state) => state.loadInventory);
  const cancelLoad = useWorkspaceStore((state) => state.cancelLoad);
  const loaded = currentInventory(inventory);
  const loadingText = inventory.state === 'loading' ? describeLoad(t, inventory.progress) : null;
  const loadingPercent = inventory.state === 'loading' ? loadPercent(inventory.progress) : 0;

  const regionIds = new Set(regions?.regions.map((region) => region.regionId) ?? []);
  if (regionId !== null) regionIds.add(regionId);

  return (
    <div className="workspace-bar">
      <Space size="medium" wrap>
        <Select
          aria-label={t('workspace.profile')}
          style={{ width: 200 }}
          value={profileId ?? undefined}
          onChange={(id: string) => {
            const profile = profiles.find((candidate) => candidate.id === id);
            if (profile !== undefined) void selectProfile(profile.id, profile.region);
          }}
          options={profiles.map((profile) => ({ value: profile.id, label: `${profile.name} · ${profile.accessKeyHint}` }))}
        />
        <SearchableSelect
          label={t('workspace.region')}
          placeholder={t('workspace.chooseRegion')}
          style={{ width: 300 }}
          value={regionId ?? undefined}
          onChange={(id: string) => void selectRegion(id)}
          options={[...regionIds].sort().map((id) => ({ value: id, label: regionDisplayName(id, locale) }))}
        />
        <Tooltip content={t('workspace.refreshRegions')}>
          <Button aria-label={t('workspace.refreshRegions')} onClick={() => void refreshRegions()}>
            ↻
          </Button>
        </Tooltip>
        <Button type="primary" disabled={inventory.state === 'loading' || regionId === null} onClick={() => void loadInventory()}>
          {t('workspace.refresh')}
        </Button>
        {loaded === null ? null : (
          <Typography.Text type="secondary" data-testid="last-refresh">
            {t('workspace.lastRefresh')}: {new Date(loaded.loadedAt).toLocaleString(locale)}
          </Typography.Text>
        )}
        {regions?.fromCache === true ? (
          <Typography.Text type="secondary">{format(t('workspace.regionsCached'), { time: new Date(regions.fetchedAt).toLocaleString(locale) })}</Typography.Text>
        ) : null}
      </Space>
      {loadingText === null ? null : (
        <div className="workspace-loading" data-testid="inventory-progress">
          <Typography.Text>{loadingText}</Typography.Text>
          <NamedProgress label={t('workspace.loading')} valueText={loadingText} percent={loadingPercent} style={{ width: 320 }} />
          <Button size="small" onClick={() => void cancelLoad()}>
            {t('workspace.cancelLoad')}
          </Button>
        </div>
      )}
    </div>
  );
});
