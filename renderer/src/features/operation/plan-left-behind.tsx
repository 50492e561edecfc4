import { Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { ExpandableIdList } from './expandable-id-list';
import { groupLeftBehind, instanceLine, type LeftBehindEntry, type LeftBehindGroup } from './review-facts';

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
                  <ExpandableIdList lines={group.instances.map(instanceLine)} label={label} kind="instances" />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
});
