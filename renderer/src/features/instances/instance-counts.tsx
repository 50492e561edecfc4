import { memo, useMemo } from 'react';
import { format } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useInstanceTableStore } from './instance-table-store';
import './instance-toolbar.css';

/** "N instances · M match · K selected", and how many selected rows the search or filters hide. */
export const InstanceCounts = memo(function InstanceCounts() {
  const t = useT();
  const locale = useLocale();
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const total = useInstanceTableStore((state) => state.rows.length);
  const matching = useInstanceTableStore((state) => state.visibleRows.length);
  const selected = useInstanceTableStore((state) => state.selected.size);
  const hidden = useInstanceTableStore((state) => state.selected.size - state.selectedVisibleCount);
  return (
    <div className="instances-counts">
      <span data-testid="instances-count" aria-live="polite">
        {format(t('instances.count'), { total: number.format(total), matching: number.format(matching), selected: number.format(selected) })}
      </span>
      {hidden > 0 ? (
        <span className="instances-hidden-selection" data-testid="instances-hidden-selection">
          {format(t('instances.selectedHidden'), { count: number.format(hidden) })}
        </span>
      ) : null}
    </div>
  );
});
