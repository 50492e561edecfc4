import { memo, useId, type MouseEvent } from 'react';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { useInstanceTableStore } from './instance-table-store';
import { CopyIdButton } from './copy-id-button';
import { keyPairLabel } from './instance-facets';
import { blockerLabel, statusColor, statusLabel } from './instance-labels';
import type { InstanceRow } from './instance-rows';
import { tagsTextOf, tagText } from './instance-search';
import './instance-table.css';

const absent = '—';

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
 * checkbox changes, not the table.
 */
export const InstanceTableRow = memo(function InstanceTableRow(props: { row: InstanceRow; rowIndex: number }) {
  const { row } = props;
  const { instance } = row;
  const t = useT();
  const selected = useInstanceTableStore((state) => state.selected.has(row.id));
  // Why nothing can be selected yet (no key pair, its instances still being listed): one value for every row.
  const selectionWait = useInstanceTableStore((state) => state.selectionWait);
  const reasonId = useId();
  const name = instance.instanceName === '' ? instance.instanceId : instance.instanceName;
  const reason = row.blocker === null ? null : blockerLabel(t, row.blocker);
  const keyPair = keyPairLabel(instance);
  const status = statusLabel(t, instance.status);
  const className = `instances-row${selected ? ' instances-row-selected' : ''}${row.selectable ? '' : ' instances-row-blocked'}${row.cached ? ' instances-row-cached' : ''}`;
  const waitHint = selectionWait === 'key-listing' ? t('instances.waitKeyListing') : selectionWait === 'key-listing-incomplete' ? t('instances.keyListingIncomplete') : t('instances.chooseKeyPairFirst');

  return (
    <tr
      className={className}
      aria-rowindex={props.rowIndex + 2}
      data-testid="instance-row"
      data-instance-id={row.id}
      data-cached={row.cached ? 'true' : undefined}
      title={row.cached ? t('instances.cachedRow') : undefined}
    >
      <td className="instances-cell-check">
        <input
          type="checkbox"
          className="instances-checkbox"
          checked={selected}
          disabled={!row.selectable}
          readOnly
          aria-label={format(t('instances.selectRow'), { name })}
          aria-describedby={reason === null ? undefined : reasonId}
          title={reason ?? (row.selectable ? undefined : waitHint)}
          onMouseDown={preventShiftTextSelection}
          onClick={(event) => onCheckboxClick(row.id, event)}
        />
      </td>
      <td>
        <div className="instances-primary instances-name" title={name}>
          {name}
        </div>
        <div className="instances-secondary instances-id">
          <code title={instance.instanceId}>{instance.instanceId}</code>
          <CopyIdButton id={instance.instanceId} />
        </div>
      </td>
      <td>
        <div className="instances-primary">
          {/* Arco's Tag look, without the component: a row re-renders on every keystroke and page that reaches it. */}
          <span className={`arco-tag arco-tag-size-small arco-tag-checked arco-tag-${statusColor(instance.status)}`}>
            <span className="arco-tag-content">{status}</span>
          </span>
        </div>
        {reason === null ? null : (
          <div className="instances-secondary instances-reason" id={reasonId} title={reason}>
            {reason}
          </div>
        )}
      </td>
      <td>
        <div className="instances-primary">{instance.osType === '' ? absent : instance.osType}</div>
        {/* Focusable, so the keyboard can read a cut-off name in full too (CellPeek shows it). */}
        <div className="instances-secondary instances-peekable" tabIndex={0} data-peek={instance.osName}>
          {instance.osName}
        </div>
      </td>
      <td className={keyPair === null ? 'instances-absent' : undefined} title={keyPair ?? undefined}>
        {keyPair ?? t('instances.noKeyPair')}
      </td>
      <td title={instance.zoneId}>{instance.zoneId}</td>
      <td className="instances-mono">{instance.privateIp ?? absent}</td>
      <td className="instances-mono">{instance.publicIp ?? absent}</td>
      <td className="instances-tags">
        {instance.tags.length === 0 ? (
          absent
        ) : (
          <div className="instances-peekable" tabIndex={0} data-peek={instance.tags.map(tagText).join('\n')}>
            {tagsTextOf(instance)}
          </div>
        )}
      </td>
      <td title={instance.projectName}>{instance.projectName === '' ? absent : instance.projectName}</td>
    </tr>
  );
});
