import { Button, Typography } from '@arco-design/web-react';
import { memo, useId, useMemo, useState } from 'react';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { groupLeftBehind, instanceLine, type LeftBehindEntry, type LeftBehindGroup } from './review-facts';

/** One reason's instances, closed until asked for, then as one text block (thousands cost nothing until opened). */
function GroupInstances(props: { group: LeftBehindGroup; label: string }) {
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
        aria-label={`${t(open ? 'operation.review.hideInstances' : 'operation.review.showInstances')}: ${props.label}`}
        onClick={() => setOpen((current) => !current)}
      >
        {t(open ? 'operation.review.hideInstances' : 'operation.review.showInstances')}
      </Button>
      {open ? (
        <pre id={listId} className="operation-id-block" tabIndex={0} aria-label={props.label}>
          {props.group.instances.map(instanceLine).join('\n')}
        </pre>
      ) : null}
    </div>
  );
}

function reasonLabel(t: ReturnType<typeof useT>, reason: LeftBehindGroup['reason']): string {
  return reason === 'not-selected' ? t('operation.leftBehind.not-selected') : t(`operation.exclusion.${reason}`);
}

/**
 * What a detach leaves behind: every instance of the key pair's listing that will still carry the key, by reason,
 * so the admin sees the exposure that remains before confirming, not after.
 */
export const PlanLeftBehind = memo(function PlanLeftBehind(props: { leftBehind: readonly LeftBehindEntry[] }) {
  const t = useT();
  const groups = useMemo(() => groupLeftBehind(props.leftBehind), [props.leftBehind]);
  return (
    <section className="operation-exclusions operation-left-behind" aria-labelledby="operation-left-behind-title" data-testid="plan-left-behind">
      <Typography.Text bold id="operation-left-behind-title">
        {format(t('operation.review.leftBehind'), { count: props.leftBehind.length })}
      </Typography.Text>
      {groups.length === 0 ? (
        <div className="muted">{t('operation.review.leftBehindNone')}</div>
      ) : (
        <>
          <div className="muted">{t('operation.review.leftBehindNote')}</div>
          <ul className="operation-exclusion-groups">
            {groups.map((group) => {
              const label = reasonLabel(t, group.reason);
              return (
                <li key={group.reason} data-reason={group.reason}>
                  <span>
                    {label}
                    {t('operation.review.colon')}
                    <strong>{group.instances.length}</strong>
                  </span>
                  <GroupInstances group={group} label={label} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
});
