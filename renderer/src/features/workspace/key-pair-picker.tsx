import { Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import type { KeyPair } from '../../../../shared/domain/ecs';
import { useAfterPaint } from '../../common/use-after-paint';
import { useThrottledValue } from '../../common/use-throttled-value';
import { SearchableSelect } from '../../common/searchable-select';
import { format, formatDateTime } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { boundCountsAt, useInstanceTableStore } from '../instances/instance-table-store';
import { useInventoryStore } from '../inventory/inventory-store';
import { useWorkspaceStore } from './workspace-store';
import { workspaceFlow } from './workspace-flow';

const noKeyPairs: readonly KeyPair[] = [];

/**
 * The key pair to take off (or, to attach, to put on): searchable by name, ID and fingerprint, with how many instances carry it. It works as
 * soon as DescribeKeyPairs answers; the counts fill in as the region's instances arrive ("so far" until the region
 * is listed whole), and the chosen key pair's count is its own listing's once that is complete.
 */
export const KeyPairPicker = memo(function KeyPairPicker() {
  const t = useT();
  const locale = useLocale();
  const keyPairsView = useInventoryStore((state) => state.keyPairs);
  const regionComplete = useInventoryStore((state) => state.region?.state === 'complete');
  const keyListing = useInventoryStore((state) => state.keyListing);
  const keyPair = useWorkspaceStore((state) => state.keyPair);
  const attach = useWorkspaceStore((state) => state.mode === 'attach');
  const list = keyPairsView.state === 'loaded' ? keyPairsView.list : keyPairsView.state === 'idle' ? null : keyPairsView.previous;
  const keyPairs = list?.keyPairs ?? noKeyPairs;
  // Counting is a pass the table does as rows arrive; the labels follow after the rows are painted, at most twice a second.
  const dataVersion = useAfterPaint(useThrottledValue(useInstanceTableStore((state) => state.dataVersion), 500));

  const options = useMemo(() => {
    const bound = boundCountsAt(dataVersion);
    const listed = keyListing?.state === 'complete' ? keyListing : null;
    return keyPairs
      .map((pair) => {
        const exact = listed?.keyPair.keyPairId === pair.keyPairId;
        return { pair, exact: exact || regionComplete, count: exact ? listed.received : (bound.get(pair.keyPairId) ?? 0) };
      })
      .sort((a, b) => b.count - a.count || a.pair.keyPairName.localeCompare(b.pair.keyPairName))
      .map(({ pair, exact, count }) => ({
        value: pair.keyPairId,
        label: `${pair.keyPairName} · ${pair.keyPairId} · ${format(t(exact ? 'workspace.keyPairInstances' : 'workspace.keyPairInstancesSoFar'), { count })}`,
      }));
  }, [keyPairs, dataVersion, keyListing, regionComplete, t]);

  // Name, ID, fingerprint and description are all searchable, whatever the option shows.
  const searchText = useMemo(
    () => new Map(keyPairs.map((pair) => [pair.keyPairId, `${pair.keyPairName} ${pair.keyPairId} ${pair.fingerprint} ${pair.description}`.toLowerCase()])),
    [keyPairs],
  );

  return (
    <>
      <SearchableSelect
        label={t(attach ? 'workspace.keyPair.attach' : 'workspace.keyPair')}
        placeholder={keyPairsView.state === 'loading' && list === null ? t('workspace.keyPairsLoading') : t(attach ? 'workspace.keyPairPlaceholder.attach' : 'workspace.keyPairPlaceholder')}
        style={{ width: 520 }}
        allowClear
        disabled={list === null}
        value={keyPair?.keyPairId}
        filterOption={(input, option) => {
          const value = (option as { props?: { value?: unknown } }).props?.value;
          const pair = searchText.get(String(value));
          return pair !== undefined && pair.includes(input.toLowerCase());
        }}
        onChange={(keyPairId: string | undefined) => {
          const pair = keyPairs.find((candidate) => candidate.keyPairId === keyPairId);
          void workspaceFlow.chooseKeyPair(pair === undefined ? null : { keyPairId: pair.keyPairId, keyPairName: pair.keyPairName });
        }}
        options={options}
      />
      {list?.fromCache === true ? (
        <Typography.Text type="secondary">{format(t('workspace.keyPairsCached'), { time: formatDateTime(list.readAt, locale) })}</Typography.Text>
      ) : null}
    </>
  );
});
