import { Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import type { OperationPlan } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { ExpandableIdList } from './expandable-id-list';
import { groupExclusions } from './plan-facts';

/** The instances asked for but left out, by reason, so none disappears from the operation silently. */
export const PlanExclusions = memo(function PlanExclusions(props: { excluded: OperationPlan['excluded'] }) {
  const t = useT();
  const groups = useMemo(() => groupExclusions(props.excluded), [props.excluded]);
  if (groups.length === 0) return null;
  return (
    <section className="operation-exclusions" aria-labelledby="operation-exclusions-title" data-testid="plan-exclusions">
      <Typography.Text bold id="operation-exclusions-title">
        {format(t('operation.review.excluded'), { count: props.excluded.length })}
      </Typography.Text>
      <ul className="operation-exclusion-groups">
        {groups.map((group) => {
          const label = t(`operation.exclusion.${group.reason}`);
          return (
            <li key={group.reason} data-reason={group.reason}>
              <span>
                {label}
                {t('common.colon')}
                <strong>{group.instanceIds.length}</strong>
              </span>
              <ExpandableIdList lines={group.instanceIds} label={label} />
            </li>
          );
        })}
      </ul>
    </section>
  );
});
