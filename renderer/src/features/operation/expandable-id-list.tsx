import { Button } from '@arco-design/web-react';
import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';

/**
 * A list of instance IDs, closed until asked for. Rendered only when open and as one text block, so a group of
 * thousands costs nothing until someone looks at it.
 */
export function ExpandableIdList(props: { ids: readonly string[]; label: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="operation-id-list">
      <Button
        size="mini"
        type="text"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`${t(open ? 'operation.review.hideIds' : 'operation.review.showIds')}${t('common.colon')}${props.label}`}
        onClick={() => setOpen((current) => !current)}
      >
        {t(open ? 'operation.review.hideIds' : 'operation.review.showIds')}
      </Button>
      {open ? (
        <pre id={listId} className="operation-id-block" tabIndex={0} aria-label={props.label}>
          {props.ids.join('\n')}
        </pre>
      ) : null}
    </div>
  );
}
