import { memo, useEffect, useRef } from 'react';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useInstanceTableStore } from '../../stores/instance-table-store';
import { instanceColumns } from './instance-columns';

/** Checked when every selectable matching row is selected, mixed when some are. */
const SelectAllCheckbox = memo(function SelectAllCheckbox() {
  const t = useT();
  const selectable = useInstanceTableStore((state) => state.visibleSelectableCount);
  const selected = useInstanceTableStore((state) => state.selectedVisibleCount);
  const ref = useRef<HTMLInputElement>(null);
  const all = selectable > 0 && selected >= selectable;
  const some = selected > 0 && !all;

  // `indeterminate` is a DOM property only; React has no attribute for it.
  useEffect(() => {
    if (ref.current !== null) ref.current.indeterminate = some;
  }, [some]);

  const onClick = () => {
    const store = useInstanceTableStore.getState();
    if (all) store.deselectAllMatching();
    else store.selectAllMatching();
  };

  return (
    <input
      ref={ref}
      type="checkbox"
      className="instances-checkbox"
      checked={all}
      disabled={selectable === 0}
      readOnly
      aria-label={t('instances.selectAllMatching')}
      onClick={onClick}
    />
  );
});

/** Sticky column headers; a click on a title sorts by it (ascending, descending, then data order). */
export const InstanceTableHeader = memo(function InstanceTableHeader() {
  const t = useT();
  const sort = useInstanceTableStore((state) => state.sort);
  const cycleSort = useInstanceTableStore((state) => state.cycleSort);
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th scope="col" className="instances-cell-check">
          <SelectAllCheckbox />
        </th>
        {instanceColumns.map((column) => {
          const direction = sort?.column === column.id ? sort.direction : null;
          const title = t(column.title);
          return (
            <th
              key={column.id}
              scope="col"
              aria-sort={direction === null ? undefined : direction === 'asc' ? 'ascending' : 'descending'}
            >
              <button
                type="button"
                className="instances-sort"
                title={format(t('instances.sortBy'), { column: title })}
                onClick={() => cycleSort(column.id)}
              >
                <span>{title}</span>
                <span className="instances-sort-mark" aria-hidden="true">
                  {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                </span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
});
