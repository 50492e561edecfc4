import { Message } from '@arco-design/web-react';
import { IconCopy } from '@arco-design/web-react/icon';
import { memo } from 'react';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import './instance-table.css';

/** Copies an instance ID. The clipboard may refuse (no permission, window not focused): the user is told. */
export const CopyIdButton = memo(function CopyIdButton(props: { id: string }) {
  const t = useT();
  const copy = () => {
    // Through a promise so that a missing clipboard API (a throw, not a rejection) is reported the same way.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(props.id))
      .then(
        () => Message.success(t('instances.copied')),
        () => Message.error(t('instances.copyFailed')),
      );
  };
  const label = format(t('instances.copyId'), { id: props.id });
  return (
    <button type="button" className="instances-copy" aria-label={label} title={label} onClick={copy}>
      <IconCopy aria-hidden="true" />
    </button>
  );
});
