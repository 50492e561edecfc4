import { memo } from 'react';
import { CopyIdButton } from './copy-id-button';
import { keyPairLabel } from './instance-facets';
import { blockerLabel, statusColor, statusLabel } from './instance-labels';
import type { RowLabels } from './instance-row-labels';
import type { InstanceRow } from './instance-rows';
import { tagsTextOf, tagText } from './instance-search';

const absent = '—';

/**
 * The key pair bound now; to attach, with the change below it: the first key an instance gets, or the old key →
 * the new one, so a rotation is never mistaken for a first attach.
 */
function KeyPairCell(props: { row: InstanceRow; labels: RowLabels; current: string | null }) {
  const { row, labels, current } = props;
  const now = current ?? labels.t('instances.noKeyPair');
  if (row.change === null) {
    return (
      <td className={current === null ? 'instances-absent' : undefined} title={current ?? undefined}>
        <span className="instances-text">{now}</span>
      </td>
    );
  }
  const replace = row.change === 'replace' && current !== null;
  const change = replace ? labels.replaceKey(current) : labels.firstKey;
  return (
    <td title={replace ? labels.replaceTitle(current) : change}>
      <div className={`instances-primary${current === null ? ' instances-absent' : ''}`}>{now}</div>
      {/* Focusable, so the keyboard can read a cut-off pair of names in full too (CellPeek shows it). */}
      <div className={`instances-secondary instances-peekable instances-change instances-change-${row.change}`} tabIndex={0} data-peek={change} data-testid="instance-change">
        {change}
      </div>
    </td>
  );
}

/**
 * An instance's data cells, after its checkbox. Its own memoized component so that selecting the row (or all of
 * them) re-renders the checkbox and the row's class, not these: they change only with the row itself.
 */
export const InstanceRowCells = memo(function InstanceRowCells(props: { row: InstanceRow; labels: RowLabels; reasonId: string }) {
  const { row, labels } = props;
  const { instance } = row;
  const { t } = labels;
  const name = instance.instanceName === '' ? instance.instanceId : instance.instanceName;
  const reason = row.blocker === null ? null : blockerLabel(t, row.blocker, labels.mode);
  const keyPair = keyPairLabel(instance);

  return (
    <>
      <td>
        <div className="instances-primary instances-name" title={name}>
          {name}
        </div>
        <div className="instances-secondary instances-id">
          <code title={instance.instanceId}>{instance.instanceId}</code>
          <CopyIdButton id={instance.instanceId} labels={labels} />
        </div>
      </td>
      <td>
        <div className="instances-primary">
          {/* Arco's Tag look, without the component: a row re-renders on every keystroke and page that reaches it. */}
          <span className={`arco-tag arco-tag-size-small arco-tag-checked arco-tag-${statusColor(instance.status)}`}>
            <span className="arco-tag-content">{statusLabel(t, instance.status)}</span>
          </span>
        </div>
        {reason === null ? null : (
          <div className="instances-secondary instances-reason" id={props.reasonId} title={reason}>
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
      <KeyPairCell row={row} labels={labels} current={keyPair} />
      <td title={instance.zoneId}>
        <span className="instances-text">{instance.zoneId}</span>
      </td>
      <td className="instances-mono">
        <span className="instances-text">{instance.privateIp ?? absent}</span>
      </td>
      <td className="instances-mono">
        <span className="instances-text">{instance.publicIp ?? absent}</span>
      </td>
      <td className="instances-tags">
        {instance.tags.length === 0 ? (
          absent
        ) : (
          <div className="instances-peekable" tabIndex={0} data-peek={instance.tags.map(tagText).join('\n')}>
            {tagsTextOf(instance)}
          </div>
        )}
      </td>
      <td title={instance.projectName}>
        <span className="instances-text">{instance.projectName === '' ? absent : instance.projectName}</span>
      </td>
    </>
  );
});
