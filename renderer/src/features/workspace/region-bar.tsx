import { Button, Select, Space, Typography } from '@arco-design/web-react';
import { IconRefresh } from '@arco-design/web-react/icon';
import { memo } from 'react';
import { regionDisplayName } from '../../../../shared/domain/known-regions';
import { SearchableSelect } from '../../common/searchable-select';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useProfilesStore } from '../profiles/profiles-store';
import { useInventoryStore } from '../inventory/inventory-store';
import { useWorkspaceStore } from './workspace-store';
import { RegionListingStatus } from './region-listing-status';
import { workspaceFlow } from './workspace-flow';
import './workspace.css';

/** Profile and region pickers, the one Refresh button, and how the region's listing stands. */
export const RegionBar = memo(function RegionBar() {
  const t = useT();
  const locale = useLocale();
  const profiles = useProfilesStore((state) => state.profiles);
  const profileId = useWorkspaceStore((state) => state.profileId);
  const regions = useWorkspaceStore((state) => state.regions);
  const regionId = useWorkspaceStore((state) => state.regionId);
  const listing = useInventoryStore((state) => state.region?.state === 'listing');

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
            if (profile !== undefined) void workspaceFlow.chooseProfile(profile.id, profile.region);
          }}
          options={profiles.map((profile) => ({ value: profile.id, label: `${profile.name} · ${profile.accessKeyHint}` }))}
        />
        <SearchableSelect
          label={t('workspace.region')}
          placeholder={t('workspace.chooseRegion')}
          style={{ width: 300 }}
          value={regionId ?? undefined}
          onChange={(id: string) => void workspaceFlow.chooseRegion(id)}
          options={[...regionIds].sort().map((id) => ({ value: id, label: regionDisplayName(id, locale) }))}
        />
        {/* One control for both: the region list and the region's instances are read again together. */}
        <Button type="primary" icon={<IconRefresh aria-hidden />} disabled={listing} title={t('workspace.refreshRegions')} onClick={() => void workspaceFlow.refresh()}>
          {t('workspace.refresh')}
        </Button>
        {regions?.fromCache === true ? (
          <Typography.Text type="secondary">{format(t('workspace.regionsCached'), { time: formatDateTime(regions.fetchedAt, locale) })}</Typography.Text>
        ) : null}
      </Space>
      <RegionListingStatus />
    </div>
  );
});
