import { Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { groupLeftBehind, instanceLine, type LeftBehindEntry, type LeftBehindGroup } from './review-facts';
import { ReasonGroupList } from './reason-group-list';

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
          <ReasonGroupList
            groups={groups.map((group) => ({ reason: group.reason, label: reasonLabel(t, group.reason), lines: group.instances.map(instanceLine) }))}
            kind="instances"
          />
        </>
      )}
    </section>
  );
});
