import { Select } from '@arco-design/web-react';
import { memo, useMemo } from 'react';
import { progressCountOf } from '../../../../shared/domain/outcome-counts';
import { describeEcsError, isAppOwnEcsCode } from '../../../../shared/errors/ecs-error-catalogue';
import { SearchableSelect } from '../../common/searchable-select';
import { format } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { outcomeStatuses } from './outcome-facts';
import type { OutcomeFilter } from './outcome-filter';
import type { CodeCount, OutcomeSummary } from './outcome-summary';
import './operation-results.css';


export interface ResultsFiltersProps {
  summary: OutcomeSummary;
  /** The codes to offer, from filterCodeChoices. */
  codes: readonly CodeCount[];
  filter: OutcomeFilter;
  onChange: (filter: OutcomeFilter) => void;
}

/**
 * Narrow the table by outcome and by error code; each choice shows how many instances it leaves. A run can end
 * with twenty codes, so each code is listed with what it means and can be found by either.
 */
export const ResultsFilters = memo(function ResultsFilters(props: ResultsFiltersProps) {
  const t = useT();
  const locale = useLocale();
  const { summary, filter, codes } = props;
  const allCodesLabel = t('operation.results.filter.allCodes');

  const codeOptions = useMemo(
    () =>
      codes.map(({ code, count }) => ({
        value: code,
        label: (
          <span className="operation-code-option">
            {isAppOwnEcsCode(code) ? (
              <>
                {describeEcsError(code, locale).title} ({count}) <code className="muted">{code}</code>
              </>
            ) : (
              <>
                <code>{code}</code> ({count}) <span className="muted">{describeEcsError(code, locale).title}</span>
              </>
            )}
          </span>
        ),
      })),
    [codes, locale],
  );
  const searchText = useMemo(
    () => new Map(codes.map(({ code }) => [code, `${code} ${describeEcsError(code, locale).title}`.toLowerCase()])),
    [codes, locale],
  );
  // The closed select shows the code and count only: the meaning does not fit, and the table below shows it.
  const countOf = useMemo(() => new Map(codes.map(({ code, count }) => [code, count])), [codes]);

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
          ...outcomeStatuses.map((status) => ({ value: status, label: `${t(`operation.outcome.${status}`)} (${summary[progressCountOf[status]]})` })),
        ]}
      />
      <SearchableSelect
        label={t('operation.results.filter.code')}
        size="small"
        style={{ width: 400 }}
        value={filter.code ?? ''}
        onChange={(code: string) => props.onChange({ ...filter, code: code === '' ? null : code })}
        renderFormat={(_option, value) => {
          const code = typeof value === 'object' ? String(value.value) : String(value);
          const count = countOf.get(code);
          if (count === undefined) return allCodesLabel;
          // The app's own codes by their meaning, Volcengine's verbatim (as in the table).
          return isAppOwnEcsCode(code) ? `${describeEcsError(code, locale).title} (${count})` : `${code} (${count})`;
        }}
        filterOption={(input, option) => {
          const value = String((option as { props?: { value?: unknown } }).props?.value);
          return value === '' || (searchText.get(value)?.includes(input.toLowerCase()) ?? false);
        }}
        // Wider than the select when the meanings need it, and tall enough to show a run's many codes at once.
        triggerProps={{ autoAlignPopupWidth: false, autoAlignPopupMinWidth: true }}
        dropdownMenuStyle={{ maxHeight: 420 }}
        options={[{ value: '', label: allCodesLabel }, ...codeOptions]}
      />
    </div>
  );
});
