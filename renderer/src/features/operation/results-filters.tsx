import { Select } from '@arco-design/web-react';
import { memo } from 'react';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import type { OutcomeFilter } from './outcome-filter';
import type { CodeCount, OutcomeSummary } from './outcome-summary';

const statuses = ['succeeded', 'failed', 'unknown'] as const;

export interface ResultsFiltersProps {
  summary: OutcomeSummary;
  /** The codes to offer, from filterCodeChoices. */
  codes: readonly CodeCount[];
  filter: OutcomeFilter;
  onChange: (filter: OutcomeFilter) => void;
}

/** Narrow the table by outcome and by error code; each choice shows how many instances it leaves. */
export const ResultsFilters = memo(function ResultsFilters(props: ResultsFiltersProps) {
  const t = useT();
  const { summary, filter } = props;
  return (
    <div className="operation-filters">
      <Select
        aria-label={t('operation.results.filter.outcome')}
        size="small"
        style={{ width: 200 }}
        value={filter.status}
        onChange={(status: OutcomeFilter['status']) => props.onChange({ ...filter, status })}
        options={[
          { value: 'all', label: format(t('operation.results.filter.allOutcomes'), { count: summary.total }) },
          ...statuses.map((status) => ({ value: status, label: `${t(`operation.outcome.${status}`)} (${summary[status]})` })),
        ]}
      />
      <Select
        aria-label={t('operation.results.filter.code')}
        size="small"
        style={{ width: 320 }}
        showSearch
        value={filter.code ?? ''}
        onChange={(code: string) => props.onChange({ ...filter, code: code === '' ? null : code })}
        options={[
          { value: '', label: t('operation.results.filter.allCodes') },
          ...props.codes.map(({ code, count }) => ({ value: code, label: `${code} (${count})` })),
        ]}
      />
    </div>
  );
});
