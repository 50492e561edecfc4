import type { QueryParams } from '../query-params';
import type { ResourceTag } from '../simulator-types';

export interface TagFilter {
  readonly key: string;
  /** Empty: any value of the key matches. */
  readonly values: readonly string[];
}

/** `TagFilters.N.Key` / `TagFilters.N.Values.M`; an entry without a Key is ignored. */
export function parseTagFilters(params: QueryParams): TagFilter[] {
  const filters: TagFilter[] = [];
  for (const index of params.nestedIndices('TagFilters')) {
    const key = params.get(`TagFilters.${index}.Key`);
    if (key !== undefined) filters.push({ key, values: params.list(`TagFilters.${index}.Values`) });
  }
  return filters;
}

/** Every filter must be satisfied by some tag of the resource. */
export function matchesTagFilters(tags: readonly ResourceTag[], filters: readonly TagFilter[]): boolean {
  return filters.every((filter) =>
    tags.some((tag) => tag.key === filter.key && (filter.values.length === 0 || filter.values.includes(tag.value))),
  );
}
