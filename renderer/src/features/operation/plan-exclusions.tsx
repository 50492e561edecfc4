import { Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import type { OperationPlan } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { groupExclusions } from './plan-facts';
import { ReasonGroupList } from './reason-group-list';

/**
 * The instances asked for but left out, by reason, so none disappears from the operation silently. `undo`: another
 * key bound now reads as what it is there, a binding an undo never overwrites.
 */
export const PlanExclusions = memo(function PlanExclusions(props: { excluded: OperationPlan['excluded']; undo?: boolean }) {
  const t = useT();
  const groups = useMemo(() => groupExclusions(props.excluded), [props.excluded]);
  if (groups.length === 0) return null;
  return (
    <section className="operation-exclusions" aria-labelledby="operation-exclusions-title" data-testid="plan-exclusions">
      <Typography.Text bold id="operation-exclusions-title">
        {format(t('operation.review.excluded'), { count: props.excluded.length })}
      </Typography.Text>
      <ReasonGroupList groups={groups.map((group) => ({ reason: group.reason, label: t(props.undo === true && group.reason === 'other-key' ? 'operation.exclusion.other-key.undo' : `operation.exclusion.${group.reason}`), lines: group.instanceIds }))} kind="ids" />
    </section>
  );
});
