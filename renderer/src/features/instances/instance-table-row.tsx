import { memo, useId, type MouseEvent } from 'react';
import { useInstanceTableStore } from './instance-table-store';
import { InstanceRowCells } from './instance-row-cells';
import { blockerLabel } from './instance-labels';
import type { RowLabels } from './instance-row-labels';
import type { InstanceRow } from './instance-rows';
import './instance-table.css';

function onCheckboxClick(id: string, event: MouseEvent<HTMLInputElement>) {
  const store = useInstanceTableStore.getState();
  if (event.shiftKey) store.selectRange(id);
  else store.toggle(id);
}

// Shift+mousedown would otherwise start a text selection across the rows between the two clicks.
function preventShiftTextSelection(event: MouseEvent<HTMLInputElement>) {
  if (event.shiftKey) event.preventDefault();
}

/**
 * One instance. It reads only its own selection state, so selecting one row (or all) re-renders the rows whose
 * checkbox changes, not the table; and of those rows only the checkbox and the row's class (the data cells are
 * memoized apart). Every word comes from `labels`, made once by the table.
 */
export const InstanceTableRow = memo(function InstanceTableRow(props: { row: InstanceRow; rowIndex: number; offset: number; labels: RowLabels }) {
  const { row, labels } = props;
  const { instance } = row;
  const selected = useInstanceTableStore((state) => state.selected.has(row.id));
  const reasonId = useId();
  const name = instance.instanceName === '' ? instance.instanceId : instance.instanceName;
  const reason = row.blocker === null ? null : blockerLabel(labels.t, row.blocker, labels.mode);
  const className = `instances-row${selected ? ' instances-row-selected' : ''}${row.selectable ? '' : ' instances-row-blocked'}${row.cached ? ' instances-row-cached' : ''}`;

  return (
    <tr
      className={className}
      aria-rowindex={props.rowIndex + 2}
      data-testid="instance-row"
      data-instance-id={row.id}
      data-cached={row.cached ? 'true' : undefined}
      data-change={row.change ?? undefined}
      title={row.cached ? labels.t('instances.cachedRow') : undefined}
      style={{ transform: `translateY(${props.offset}px)` }}
    >
      <td className="instances-cell-check">
        <input
          type="checkbox"
          className="instances-checkbox"
          checked={selected}
          disabled={!row.selectable}
          readOnly
          aria-label={labels.selectRow(name)}
          aria-describedby={reason === null ? undefined : reasonId}
          title={reason ?? (row.selectable ? undefined : labels.waitHint)}
          onMouseDown={preventShiftTextSelection}
          onClick={(event) => onCheckboxClick(row.id, event)}
        />
      </td>
      <InstanceRowCells row={row} labels={labels} reasonId={reasonId} />
    </tr>
  );
});
