import { Button } from '@arco-design/web-react';
import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import './plan-review.css';

/** What the list holds, which names its button: bare IDs, or instance lines (ID, name, address). */
export type ExpandableListKind = 'ids' | 'instances';

const toggleLabels = {
  ids: { show: 'operation.review.showIds', hide: 'operation.review.hideIds' },
  instances: { show: 'operation.review.showInstances', hide: 'operation.review.hideInstances' },
} as const;

/**
 * A list of instances, one per line, closed until asked for. Rendered only when open and as one text block, so a
 * group of thousands costs nothing until someone looks at it.
 */
export function ExpandableIdList(props: { lines: readonly string[]; label: string; kind?: ExpandableListKind }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const labels = toggleLabels[props.kind ?? 'ids'];
  const toggle = t(open ? labels.hide : labels.show);
  return (
    <div className="operation-id-list">
      <Button
        size="mini"
        type="text"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`${toggle}${t('common.colon')}${props.label}`}
        onClick={() => setOpen((current) => !current)}
      >
        {toggle}
      </Button>
      {open ? (
        <pre id={listId} className="operation-id-block" tabIndex={0} aria-label={props.label}>
          {props.lines.join('\n')}
        </pre>
      ) : null}
    </div>
  );
}
