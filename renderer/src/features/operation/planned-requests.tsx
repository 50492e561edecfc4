import { Button, Typography } from '@arco-design/web-react';
import { memo, useId, useMemo, useState } from 'react';
import type { PlannedRequest } from '../../../../shared/domain/operation';
import { useT } from '../../i18n/use-t';
import { formatPlannedRequest } from './plan-facts';
import './plan-review.css';

/** Requests under a heading: a sweep's regions each have their own (the region is signed, not in the query). */
export interface PlannedRequestSection {
  heading: string;
  requests: readonly PlannedRequest[];
}

function formatSections(sections: readonly PlannedRequestSection[]): string {
  return sections.map((section) => [`# ${section.heading}`, ...section.requests.map(formatPlannedRequest)].join('\n')).join('\n\n');
}

/** The exact API calls the operation will make, for the admin who wants to see what is sent, not a description. */
export const PlannedRequests = memo(function PlannedRequests(props: { requests: readonly PlannedRequest[] } | { sections: readonly PlannedRequestSection[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const blockId = useId();
  const text = useMemo(() => {
    if (!open) return '';
    return 'sections' in props ? formatSections(props.sections) : props.requests.map(formatPlannedRequest).join('\n');
  }, [open, props]);
  return (
    <div className="operation-requests">
      <Button size="small" aria-expanded={open} aria-controls={blockId} onClick={() => setOpen((current) => !current)}>
        {t(open ? 'operation.review.hideRequests' : 'operation.review.showRequests')}
      </Button>
      {open ? (
        <>
          <Typography.Text type="secondary" className="operation-requests-caption">
            {t('operation.review.requestsCaption')}
          </Typography.Text>
          <pre id={blockId} className="operation-requests-block" tabIndex={0} aria-label={t('operation.review.requestsCaption')} data-testid="planned-requests">
            {text}
          </pre>
        </>
      ) : null}
    </div>
  );
});
