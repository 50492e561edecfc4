import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/use-t';
import { useInstanceTableStore } from './instance-table-store';
import { checkboxColumnWidth, headerHeight, instanceColumns, rowHeight } from './instance-columns';
import { CellPeek } from './cell-peek';
import { InstanceTableHeader } from './instance-table-header';
import { rowLabelsOf } from './instance-row-labels';
import { InstanceTableRow } from './instance-table-row';
import type { SortColumn } from './instance-sort-columns';
import './instance-table.css';

const defaultWidths = Object.fromEntries(instanceColumns.map((column) => [column.id, column.width])) as Record<SortColumn, number>;

/**
 * While scrolling: enough rows beyond the viewport that a fast wheel or scrollbar drag paints rows, not blank
 * space, before the next render catches up.
 */
const scrollingOverscanRows = 12;
/**
 * At rest, where a keystroke or a selection re-renders every row in the DOM: only enough rows to cover the first
 * frame of a scroll (3 rows, 156 px, beyond a fast flick's 120 px a frame) until scrolling brings back the rest.
 */
const restingOverscanRows = 3;

/**
 * The instances that match the search and filters, as a <table> whose body renders only the rows in view (plus
 * overscan), each at its own offset in a body as tall as all the rows (instance-table.css says why it is laid out
 * as a grid). Fixed row height and fixed column widths mean nothing is measured while scrolling. The scroll
 * container grows into the space a flex-column parent gives it (480px elsewhere).
 */
export const InstanceTable = memo(function InstanceTable(props: { label?: string }) {
  const t = useT();
  const rows = useInstanceTableStore((state) => state.visibleRows);
  const total = useInstanceTableStore((state) => state.rows.length);
  const scrollRef = useRef<HTMLDivElement>(null);
  const locale = useLocale();
  // Why nothing can be selected yet (no key pair, its instances still being listed): one value for every row.
  const selectionWait = useInstanceTableStore((state) => state.selectionWait);
  const mode = useInstanceTableStore((state) => state.mode);
  const attachName = useInstanceTableStore((state) => (state.mode === 'attach' ? (state.keyPair?.keyPairName ?? '') : ''));
  const labels = useMemo(() => rowLabelsOf(locale, selectionWait, mode, attachName), [locale, selectionWait, mode, attachName]);
  // Column widths the admin dragged; only the table's track list uses them, so a resize never re-renders a row.
  const [widths, setWidths] = useState(defaultWidths);
  const resize = useCallback((column: SortColumn, width: number) => setWidths((current) => ({ ...current, [column]: width })), []);
  const tableWidth = instanceColumns.reduce((sum, column) => sum + widths[column.id], checkboxColumnWidth);

  const [scrolling, setScrolling] = useState(false);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: scrolling ? scrollingOverscanRows : restingOverscanRows,
    onChange: (instance) => setScrolling(instance.isScrolling),
    // Rows start below the sticky header, inside the same scroll container.
    scrollMargin: headerHeight,
  });
  // A new search, filter or sort shows its result from the first row; a key pair change or a refresh
  // keeps the place.
  const terms = useInstanceTableStore((state) => state.terms);
  // On the element, so a test or the benchmark can tell the table has rendered the results of what was typed.
  const query = useInstanceTableStore((state) => state.query);
  const filters = useInstanceTableStore((state) => state.filters);
  const sort = useInstanceTableStore((state) => state.sort);
  useEffect(() => {
    // Reading scrollTop is cheap; writing it, even to the same 0, forces a layout on every keystroke.
    if (scrollRef.current !== null && scrollRef.current.scrollTop !== 0) scrollRef.current.scrollTop = 0;
  }, [terms, filters, sort]);

  const items = virtualizer.getVirtualItems();
  // Each column's share of a wider window follows its width, as a fixed-layout table shares it out.
  const gridColumns = `${checkboxColumnWidth}px ${instanceColumns.map((column) => `minmax(${widths[column.id]}px, ${widths[column.id]}fr)`).join(' ')}`;

  return (
    <div ref={scrollRef} className="instances-scroll" data-testid="instance-table" data-query={query}>
      <table
        className="instances-table"
        aria-label={props.label ?? t('instances.tableLabel')}
        aria-rowcount={rows.length + 1}
        style={{ minWidth: tableWidth, ['--instances-grid' as string]: gridColumns }}
      >
        <InstanceTableHeader widths={widths} onResize={resize} />
        {/* As tall as every row; each rendered row is placed at its own offset, so rows that stay never move. */}
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index];
            // Keyed by slot, not by instance: when the search changes the rows, React updates the DOM rows in
            // place instead of tearing them down and building new ones.
            return row === undefined ? null : <InstanceTableRow key={item.key} row={row} rowIndex={item.index} offset={item.start - headerHeight} labels={labels} />;
          })}
        </tbody>
      </table>
      <CellPeek containerRef={scrollRef} />
      {rows.length === 0 ? (
        <div className="instances-empty" role="status">
          {total === 0 ? t('instances.empty.noData') : t('instances.empty.noMatch')}
        </div>
      ) : null}
    </div>
  );
});
