import { memo, useMemo } from 'react';
import { useAfterPaint } from '../../common/use-after-paint';
import { SearchableSelect } from '../../common/searchable-select';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { currentInventory, useWorkspaceStore } from '../../stores/workspace-store';

/** The key pair to take off: searchable by name, ID and fingerprint, with how many instances carry it. */
export const KeyPairPicker = memo(function KeyPairPicker() {
  const t = useT();
  // Counting the instances of each key pair passes over every instance: it waits until the first rows are painted.
  const inventory = useAfterPaint(useWorkspaceStore((state) => currentInventory(state.inventory)));
  const keyPair = useWorkspaceStore((state) => state.keyPair);
  const selectKeyPair = useWorkspaceStore((state) => state.selectKeyPair);

  const options = useMemo(() => {
    if (inventory === null) return [];
    const bound = new Map<string, number>();
    for (const instance of inventory.instances) {
      if (instance.keyPairId !== null) bound.set(instance.keyPairId, (bound.get(instance.keyPairId) ?? 0) + 1);
    }
    return inventory.keyPairs
      .map((pair) => ({ pair, count: bound.get(pair.keyPairId) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.pair.keyPairName.localeCompare(b.pair.keyPairName))
      .map(({ pair, count }) => ({
        value: pair.keyPairId,
        label: `${pair.keyPairName} · ${pair.keyPairId} · ${format(t('workspace.keyPairInstances'), { count })}`,
      }));
  }, [inventory, t]);

  // Name, ID, fingerprint and description are all searchable, whatever the option shows.
  const searchText = useMemo(
    () =>
      new Map(
        (inventory?.keyPairs ?? []).map((pair) => [
          pair.keyPairId,
          `${pair.keyPairName} ${pair.keyPairId} ${pair.fingerprint} ${pair.description}`.toLowerCase(),
        ]),
      ),
    [inventory],
  );

  return (
    <SearchableSelect
      label={t('workspace.keyPair')}
      placeholder={t('workspace.keyPairPlaceholder')}
      style={{ width: 520 }}
      allowClear
      disabled={inventory === null}
      value={keyPair?.keyPairId}
      filterOption={(input, option) => {
        const value = (option as { props?: { value?: unknown } }).props?.value;
        const pair = searchText.get(String(value));
        return pair !== undefined && pair.includes(input.toLowerCase());
      }}
      onChange={(keyPairId: string | undefined) => {
        const pair = inventory?.keyPairs.find((candidate) => candidate.keyPairId === keyPairId);
        selectKeyPair(pair === undefined ? null : { keyPairId: pair.keyPairId, keyPairName: pair.keyPairName });
      }}
      options={options}
    />
  );
});
