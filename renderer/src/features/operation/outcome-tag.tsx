import { Tag } from '@arco-design/web-react';
import { memo } from 'react';
import { useT } from '../../i18n/use-t';
import type { OutcomeStatus } from './outcome-facts';

/** Arco's palette names for what each outcome means: done, refused, never asked (neutral), "check before retrying". */
const outcomeColors: Record<OutcomeStatus, string> = { succeeded: 'green', failed: 'red', 'not-sent': 'gray', unknown: 'orange' };

export const OutcomeTag = memo(function OutcomeTag(props: { status: OutcomeStatus }) {
  const t = useT();
  return (
    <Tag color={outcomeColors[props.status]} size="small" data-status={props.status}>
      {t(`operation.outcome.${props.status}`)}
    </Tag>
  );
});
