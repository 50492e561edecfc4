import { Message } from '@arco-design/web-react';
import { IconCopy } from '@arco-design/web-react/icon';
import { memo } from 'react';
import type { RowLabels } from './instance-row-labels';
import './instance-table.css';

/** Copies an instance ID. The clipboard may refuse (no permission, window not focused): the user is told. */
export const CopyIdButton = memo(function CopyIdButton(props: { id: string; labels: RowLabels }) {
  const { t } = props.labels;
  const copy = () => {
    // Through a promise so that a missing clipboard API (a throw, not a rejection) is reported the same way.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(props.id))
      .then(
        () => Message.success(t('instances.copied')),
        () => Message.error(t('instances.copyFailed')),
      );
  };
  const label = props.labels.copyId(props.id);
  return (
    <button type="button" className="instances-copy" aria-label={label} title={label} onClick={copy}>
      <IconCopy aria-hidden="true" />
    </button>
  );
});
