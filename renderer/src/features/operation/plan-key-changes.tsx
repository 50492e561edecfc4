import { Typography } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import type { OperationPlan } from '../../../../shared/domain/operation';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { changeLine, keyChangesOf } from './attach-facts';
import { ReasonGroupList } from './reason-group-list';
import './plan-review.css';

/**
 * An attach's planned instances by what happens to them: those that get their first key (in an undo, the key back),
 * and, for each old key, those that have it replaced (old → new), each line naming both keys, so a rotation is seen
 * for what it is.
 */
export const PlanKeyChanges = memo(function PlanKeyChanges(props: { plan: OperationPlan }) {
  const t = useT();
  const { plan } = props;
  const name = plan.keyPair?.keyPairName ?? '';
  const changes = useMemo(() => keyChangesOf(plan), [plan]);
  const groups = [
    ...(changes.first.length === 0
      ? []
      : [{ reason: 'first', label: format(t(plan.undoOf === undefined ? 'operation.review.change.first' : 'operation.review.change.back'), { name }), lines: changes.first.map((brief) => changeLine(brief, null, name)) }]),
    ...changes.replaced.map((group) => ({
      reason: `replace:${group.keyPairName}`,
      label: format(t('operation.review.change.replace'), { old: group.keyPairName, name }),
      lines: group.instances.map((brief) => changeLine(brief, group.keyPairName, name)),
    })),
  ];
  if (groups.length === 0) return null;
  return (
    <section className="operation-exclusions operation-key-changes" aria-labelledby="operation-key-changes-title" data-testid="plan-key-changes">
      <Typography.Text bold id="operation-key-changes-title">
        {t('operation.review.changes')}
      </Typography.Text>
      <ReasonGroupList groups={groups} kind="instances" />
    </section>
  );
});
