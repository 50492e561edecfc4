import { useT } from '../../i18n/use-t';
import { ExpandableIdList, type ExpandableListKind } from './expandable-id-list';
import './plan-review.css';

export interface ReasonGroup {
  reason: string;
  label: string;
  lines: readonly string[];
}

/** Instances grouped by why they are where they are: each reason, its count, and its instances behind a toggle. */
export function ReasonGroupList(props: { groups: readonly ReasonGroup[]; kind: ExpandableListKind }) {
  const t = useT();
  return (
    <ul className="operation-exclusion-groups">
      {props.groups.map((group) => (
        <li key={group.reason} data-reason={group.reason}>
          <span>
            {group.label}
            {t('common.colon')}
            <strong>{group.lines.length}</strong>
          </span>
          <ExpandableIdList lines={group.lines} label={group.label} kind={props.kind} />
        </li>
      ))}
    </ul>
  );
}
