import { Fragment, useState, type ReactNode } from 'react';
import './plain-table.css';

export interface PlainColumn<Row> {
  /** Unique within the table. */
  key: string;
  title: ReactNode;
  width?: number;
  render: (row: Row) => ReactNode;
}

export interface PlainTableExpansion<Row> {
  /** The hidden header of the column of expand buttons, for screen readers. */
  title: string;
  canExpand: (row: Row) => boolean;
  render: (row: Row) => ReactNode;
  /** The name of the row's expand button. */
  buttonLabel: (row: Row) => string;
  icon: (expanded: boolean) => ReactNode;
}

export interface PlainTableProps<Row> {
  label: string;
  columns: ReadonlyArray<PlainColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  size?: 'default' | 'small';
  empty?: ReactNode;
  rowClassName?: (row: Row) => string;
  /** Rows that open a detail row beneath them, each with a named button. */
  expansion?: PlainTableExpansion<Row>;
}

/**
 * A semantic table with Arco's table look (plain-table.css), for the short lists of the profiles, history and sweep
 * screens: Arco's Table brought 15 KiB gzip of JavaScript and 3 of CSS for sorting, filters, fixed columns and
 * virtual scrolling that these lists never use. The instance table has its own, virtualized (features/instances).
 */
export function PlainTable<Row>(props: PlainTableProps<Row>) {
  const { columns, expansion } = props;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const span = columns.length + (expansion === undefined ? 0 : 1);
  return (
    <div className={`plain-table plain-table-${props.size ?? 'default'}`}>
      <table aria-label={props.label}>
        <colgroup>
          {expansion === undefined ? null : <col className="plain-table-expand-col" />}
          {columns.map((column) => (
            <col key={column.key} style={column.width === undefined ? undefined : { width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {expansion === undefined ? null : (
              <th scope="col">
                <span className="visually-hidden">{expansion.title}</span>
              </th>
            )}
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 ? (
            <tr>
              <td colSpan={span} className="plain-table-empty">
                {props.empty}
              </td>
            </tr>
          ) : null}
          {props.rows.map((row) => {
            const key = props.rowKey(row);
            const canExpand = expansion?.canExpand(row) === true;
            const open = canExpand && expanded.has(key);
            return (
              <Fragment key={key}>
                <tr className={props.rowClassName?.(row)}>
                  {expansion === undefined ? null : (
                    <td className="plain-table-expand-cell">
                      {canExpand ? (
                        <button type="button" aria-expanded={open} aria-label={expansion.buttonLabel(row)} onClick={() => toggle(key)}>
                          {expansion.icon(open)}
                        </button>
                      ) : null}
                    </td>
                  )}
                  {columns.map((column) => (
                    <td key={column.key}>{column.render(row)}</td>
                  ))}
                </tr>
                {open ? (
                  <tr className="plain-table-expanded">
                    <td colSpan={span}>{expansion.render(row)}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
