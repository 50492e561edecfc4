import { Button } from '@arco-design/web-react';
import type { RefInputType } from '@arco-design/web-react/es/Input';
import { memo, useCallback, useRef } from 'react';
import { useT } from '../../i18n/use-t';
import { useInstanceTableStore } from './instance-table-store';
import { InstanceCounts } from './instance-counts';
import { InstanceFilterSelects } from './instance-filter-selects';
import { InstanceSearchBox } from './instance-search-box';
import { useInstanceShortcuts } from './use-instance-shortcuts';
import './instance-toolbar.css';

/**
 * Search, filters, counts and bulk selection for the instance table, and its shortcuts: Ctrl/Cmd+F to search,
 * Ctrl/Cmd+A to select all that match.
 */
export const InstanceToolbar = memo(function InstanceToolbar() {
  const t = useT();
  const selectAllMatching = useInstanceTableStore((state) => state.selectAllMatching);
  const clearSelection = useInstanceTableStore((state) => state.clearSelection);
  const clearFilters = useInstanceTableStore((state) => state.clearFilters);
  const canSelectMore = useInstanceTableStore((state) => state.selectedVisibleCount < state.visibleSelectableCount);
  const hasSelection = useInstanceTableStore((state) => state.selected.size > 0);
  const hasFilters = useInstanceTableStore((state) => Object.values(state.filters).some((values: readonly string[]) => values.length > 0));

  const searchRef = useRef<RefInputType>(null);
  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.dom.select();
  }, []);
  useInstanceShortcuts({ focusSearch, selectAllMatching });

  return (
    <div className="instances-toolbar">
      <div className="instances-toolbar-row">
        <InstanceSearchBox inputRef={searchRef} />
        <InstanceFilterSelects />
        {hasFilters ? (
          <Button type="text" onClick={clearFilters}>
            {t('instances.filter.clear')}
          </Button>
        ) : null}
      </div>
      <div className="instances-toolbar-row">
        <InstanceCounts />
        <div className="instances-toolbar-actions">
          <Button size="small" disabled={!canSelectMore} onClick={selectAllMatching}>
            {t('instances.selectAllMatching')}
          </Button>
          <Button size="small" disabled={!hasSelection} onClick={clearSelection}>
            {t('instances.clearSelection')}
          </Button>
        </div>
      </div>
      <div className="instances-hint">{t('instances.shortcutsHint')}</div>
    </div>
  );
});
