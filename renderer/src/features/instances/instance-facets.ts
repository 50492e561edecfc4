import type { Instance } from '../../../../shared/domain/ecs';
import { naturalKey } from './natural-key';

/** One choice of a filter: a value present in the data and how many instances have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/** The distinct values of each filterable field, for the filter selects. */
export interface InstanceFacets {
  statuses: FacetValue[];
  osTypes: FacetValue[];
  zones: FacetValue[];
  /** Key pair labels, plus `noKeyPairValue` when some instance has none. */
  keyPairs: FacetValue[];
  /** `tagFilterValue` of each distinct tag. */
  tags: FacetValue[];
}

/** The key pair filter's value for "no key pair bound" (a name cannot hold a NUL character). */
export const noKeyPairValue = '\u0000none';

/** What identifies an instance's key pair to a person: its name, or its ID when Volcengine sent no name. */
export function keyPairLabel(instance: Pick<Instance, 'keyPairName' | 'keyPairId'>): string | null {
  return instance.keyPairName ?? instance.keyPairId;
}

/** A tag as one filter value; JSON so a key or value holding `=` still reads back exactly. */
export function tagFilterValue(tag: { key: string; value: string }): string {
  return JSON.stringify([tag.key, tag.value]);
}

export function parseTagFilterValue(value: string): { key: string; value: string } | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { key: parsed[0], value: parsed[1] };
    }
  } catch {
    // Not one of ours: ignored like an unknown value.
  }
  return null;
}

function facetOf(counts: Map<string, number>, sortText: (value: string) => string = (value) => value): FacetValue[] {
  return [...counts]
    .map(([value, count]) => ({ value, count, sortKey: naturalKey(sortText(value)) }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map(({ value, count }) => ({ value, count }));
}

function add(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1);
}

/** Counts each tag once per instance, keyed without building a string per tag (this runs on every load). */
function addTags(counts: Map<string, Map<string, number>>, tags: Instance['tags']): void {
  tags.forEach((tag, index) => {
    for (let earlier = 0; earlier < index; earlier += 1) {
      const seen = tags[earlier]!;
      if (seen.key === tag.key && seen.value === tag.value) return;
    }
    let values = counts.get(tag.key);
    if (values === undefined) {
      values = new Map();
      counts.set(tag.key, values);
    }
    add(values, tag.value);
  });
}

export function facetsOf(instances: readonly Instance[]): InstanceFacets {
  const statuses = new Map<string, number>();
  const osTypes = new Map<string, number>();
  const zones = new Map<string, number>();
  const keyPairs = new Map<string, number>();
  const tagCounts = new Map<string, Map<string, number>>();
  for (const instance of instances) {
    add(statuses, instance.status);
    add(osTypes, instance.osType);
    add(zones, instance.zoneId);
    add(keyPairs, keyPairLabel(instance) ?? noKeyPairValue);
    if (instance.tags.length > 0) addTags(tagCounts, instance.tags);
  }
  const tags = new Map<string, number>();
  const tagSortTexts = new Map<string, string>();
  for (const [key, values] of tagCounts) {
    for (const [value, count] of values) {
      const filterValue = tagFilterValue({ key, value });
      tags.set(filterValue, count);
      tagSortTexts.set(filterValue, `${key}\u0000${value}`);
    }
  }
  return {
    statuses: facetOf(statuses),
    osTypes: facetOf(osTypes),
    zones: facetOf(zones),
    keyPairs: facetOf(keyPairs),
    tags: facetOf(tags, (value) => tagSortTexts.get(value) ?? value),
  };
}
