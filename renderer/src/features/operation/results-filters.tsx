import { Select } from '@arco-design/web-react';
import { memo } from 'react';
import { SearchableSelect } from '../../common/searchable-select';
import { format } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import type { OutcomeFilter } from './outcome-filter';
import type { OutcomeSummary } from './outcome-summary';

const statuses = ['succeeded', 'failed', 'unknown'] as const;

/** Narrow the table by outcome and by error code; each choice shows how many instances it leaves. */
export const ResultsFilters = memo(function ResultsFilters(props: { summary: OutcomeSummary; filter: OutcomeFilter; onChange: (filter: OutcomeFilter) => void }) {
  const t = useT();
  const { summary, filter } = props;
  const codeCounts = new Map<string, number>();
  for (const entry of [...summary.failedByCode, ...summary.unknownByCode]) codeCounts.set(entry.code, (codeCounts.get(entry.code) ?? 0) + entry.count);
  const codes = [...codeCounts].sort((a, b) => b[1] - a[1]);
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
      <SearchableSelect
        label={t('operation.results.filter.code')}
        size="small"
        style={{ width: 320 }}
        value={filter.code ?? ''}
        onChange={(code: string) => props.onChange({ ...filter, code: code === '' ? null : code })}
        options={[
          { value: '', label: t('operation.results.filter.allCodes') },
          ...codes.map(([code, count]) => ({ value: code, label: `${code} (${count})` })),
        ]}
      />
    </div>
  );
});
