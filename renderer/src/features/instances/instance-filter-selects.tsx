import { memo, useMemo } from 'react';
import { useAfterPaint } from '../../common/use-after-paint';
import { useThrottledValue } from '../../common/use-throttled-value';
import { SearchableSelect } from '../../common/searchable-select';
import { messages, type MessageKey } from '../../i18n/messages';
import { useLocale, useT } from '../../i18n/use-t';
import { facetsAt, useInstanceTableStore } from './instance-table-store';
import { noKeyPairValue, parseTagFilterValue, type FacetValue, type InstanceFacets } from './instance-facets';
import type { FilterName } from './instance-filters';
import { statusLabel } from './instance-labels';
import { tagText } from './instance-search';

type Translate = (key: MessageKey) => string;

interface FilterSpec {
  name: FilterName;
  facet: keyof InstanceFacets;
  title: MessageKey;
  testId: string;
  width: number;
  label: (t: Translate, value: string) => string;
}

const asIs = (_t: Translate, value: string) => value;

const filterSpecs: readonly FilterSpec[] = [
  { name: 'statuses', facet: 'statuses', title: 'instances.filter.status', testId: 'instances-filter-status', width: 150, label: statusLabel },
  { name: 'osTypes', facet: 'osTypes', title: 'instances.filter.os', testId: 'instances-filter-os', width: 140, label: asIs },
  { name: 'zones', facet: 'zones', title: 'instances.filter.zone', testId: 'instances-filter-zone', width: 170, label: asIs },
  {
    name: 'keyPairs',
    facet: 'keyPairs',
    title: 'instances.filter.keyPair',
    testId: 'instances-filter-key-pair',
    width: 180,
    label: (t, value) => (value === noKeyPairValue ? t('instances.noKeyPair') : value),
  },
  {
    name: 'tags',
    facet: 'tags',
    title: 'instances.filter.tag',
    testId: 'instances-filter-tag',
    width: 200,
    label: (_t, value) => {
      const tag = parseTagFilterValue(value);
      return tag === null ? value : tagText(tag);
    },
  },
];

const FilterSelect = memo(function FilterSelect(props: { spec: FilterSpec; facet: readonly FacetValue[] }) {
  const { spec, facet } = props;
  const t = useT();
  const locale = useLocale();
  const values = useInstanceTableStore((state) => state.filters[spec.name]);
  const setFilter = useInstanceTableStore((state) => state.setFilter);
  // Built once per data load and language, not per render: a tag facet can hold thousands of values.
  const options = useMemo(() => {
    const translate: Translate = (key) => messages[locale][key];
    return facet.map((entry) => ({ value: entry.value, label: `${spec.label(translate, entry.value)} (${entry.count})` }));
  }, [facet, spec, locale]);
  const title = t(spec.title);
  return (
    <div role="group" aria-label={title} className="instances-filter">
      <SearchableSelect
        label={title}
        mode="multiple"
        allowClear
        maxTagCount={1}
        placeholder={title}
        value={[...values]}
        options={options}
        onChange={(next: string[]) => setFilter(spec.name, next)}
        style={{ width: spec.width }}
        data-testid={spec.testId}
      />
    </div>
  );
});

/** One multi-select per filterable field, offering the values present in the data so far. */
export const InstanceFilterSelects = memo(function InstanceFilterSelects() {
  // The table paints first; the choices follow after that frame, and at most twice a second while pages stream in.
  const dataVersion = useAfterPaint(useThrottledValue(useInstanceTableStore((state) => state.dataVersion), 500));
  const facets = useMemo(() => facetsAt(dataVersion), [dataVersion]);
  return (
    <>
      {filterSpecs.map((spec) => (
        <FilterSelect key={spec.name} spec={spec} facet={facets[spec.facet]} />
      ))}
    </>
  );
});
