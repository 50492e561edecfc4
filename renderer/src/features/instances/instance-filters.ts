import type { Instance } from '../../../../shared/domain/ecs';
import { keyPairLabel, noKeyPairValue, parseTagFilterValue } from './instance-facets';
import { matchesTerms } from './instance-search';
import type { InstanceRow } from './instance-rows';

/**
 * The filter selects' values; an empty list does not filter. Within one filter any value matches (RUNNING or
 * STOPPED); across filters all must. Tags with the same key are alternatives, different keys must all be present
 * (`env=prod`, `env=test` and `team=web` finds the web team's prod and test machines).
 */
export interface InstanceFilters {
  statuses: readonly string[];
  osTypes: readonly string[];
  zones: readonly string[];
  /** Key pair labels (name, else ID), or `noKeyPairValue`. */
  keyPairs: readonly string[];
  /** `tagFilterValue`s. */
  tags: readonly string[];
}

export type FilterName = keyof InstanceFilters;

export const emptyFilters: InstanceFilters = { statuses: [], osTypes: [], zones: [], keyPairs: [], tags: [] };

export type InstancePredicate = (instance: Instance) => boolean;

function oneOf(values: readonly string[], read: (instance: Instance) => string): InstancePredicate | null {
  if (values.length === 0) return null;
  const allowed = new Set(values);
  return (instance) => allowed.has(read(instance));
}

function tagsPredicate(values: readonly string[]): InstancePredicate | null {
  const valuesByKey = new Map<string, Set<string>>();
  for (const value of values) {
    const tag = parseTagFilterValue(value);
    if (tag === null) continue;
    const forKey = valuesByKey.get(tag.key) ?? new Set<string>();
    forKey.add(tag.value);
    valuesByKey.set(tag.key, forKey);
  }
  if (valuesByKey.size === 0) return null;
  const groups = [...valuesByKey];
  return (instance) => groups.every(([key, allowed]) => instance.tags.some((tag) => tag.key === key && allowed.has(tag.value)));
}

/** One predicate for all active filters, or null when none is active (so the hot loop skips it). */
export function compileFilters(filters: InstanceFilters): InstancePredicate | null {
  const predicates = [
    oneOf(filters.statuses, (instance) => instance.status),
    oneOf(filters.osTypes, (instance) => instance.osType),
    oneOf(filters.zones, (instance) => instance.zoneId),
    oneOf(filters.keyPairs, (instance) => keyPairLabel(instance) ?? noKeyPairValue),
    tagsPredicate(filters.tags),
  ].filter((predicate) => predicate !== null);
  if (predicates.length === 0) return null;
  return (instance) => predicates.every((predicate) => predicate(instance));
}

/** The rows, in the given order, that contain every search term and pass every filter. */
export function matchingRows(candidates: readonly InstanceRow[], terms: readonly string[], predicate: InstancePredicate | null): InstanceRow[] {
  const matching: InstanceRow[] = [];
  // The hot loop of every keystroke over up to 100,000 rows: indexed, and the usual one-term query tested inline.
  const onlyTerm = terms.length === 1 ? terms[0]! : null;
  for (let index = 0; index < candidates.length; index += 1) {
    const row = candidates[index]!;
    if (onlyTerm !== null) {
      if (!row.searchText.includes(onlyTerm)) continue;
    } else if (terms.length > 1 && !matchesTerms(row.searchText, terms)) continue;
    if (predicate !== null && !predicate(row.instance)) continue;
    matching.push(row);
  }
  return matching;
}

export function sameFilterValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
