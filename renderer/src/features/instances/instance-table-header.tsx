import { memo, useEffect, useRef } from 'react';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useInstanceTableStore } from './instance-table-store';
import { ColumnResizer } from './column-resizer';
import { instanceColumns } from './instance-columns';
import type { SortColumn } from './instance-sort-columns';
import './instance-table.css';

/**
 * Checked only when every matching row is selected; mixed when some are, including when every row that can be
 * selected is but others cannot be (176 of 1,200 is not "all"). A click selects every selectable matching row, or,
 * when they all are already, clears them.
 */
const SelectAllCheckbox = memo(function SelectAllCheckbox() {
  const t = useT();
  const matching = useInstanceTableStore((state) => state.visibleRows.length);
  const selectable = useInstanceTableStore((state) => state.visibleSelectableCount);
  const selected = useInstanceTableStore((state) => state.selectedVisibleCount);
  const ref = useRef<HTMLInputElement>(null);
  const allSelectable = selectable > 0 && selected >= selectable;
  const all = selected > 0 && selected >= matching;
  const some = selected > 0 && !all;

  // `indeterminate` is a DOM property only; React has no attribute for it. Set after every render: a click clears
  // it in the browser even when the state it stands for has not changed.
  useEffect(() => {
    if (ref.current !== null && ref.current.indeterminate !== some) ref.current.indeterminate = some;
  });

  const onClick = () => {
    const store = useInstanceTableStore.getState();
    if (allSelectable) store.deselectAllMatching();
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

export interface InstanceTableHeaderProps {
  widths: Readonly<Record<SortColumn, number>>;
  onResize: (column: SortColumn, width: number) => void;
}

/**
 * Sticky column headers; a click on a title sorts by it (ascending, descending, then data order), and the handle
 * at each header's right edge resizes its column.
 */
export const InstanceTableHeader = memo(function InstanceTableHeader(props: InstanceTableHeaderProps) {
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
              <ColumnResizer
                label={format(t('instances.resizeColumn'), { column: title })}
                width={props.widths[column.id]}
                onResize={(width) => props.onResize(column.id, width)}
              />
            </th>
          );
        })}
      </tr>
    </thead>
  );
});
