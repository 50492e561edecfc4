import type { Instance } from '../../../../shared/domain/ecs';

/** One choice of a filter: a value present in the data and how many instances have it. */
export interface FacetValue {
  value: string;
  count: number;
}

/**
 * The distinct values of each filterable field, for the filter selects, each list in natural order. A list is a
 * new array only when its own counts changed, so a select whose field a merge did not touch keeps its options.
 */
export interface InstanceFacets {
  statuses: readonly FacetValue[];
  osTypes: readonly FacetValue[];
  zones: readonly FacetValue[];
  /** Key pair labels, plus `noKeyPairValue` when some instance has none. */
  keyPairs: readonly FacetValue[];
  /** `tagFilterValue` of each distinct tag. */
  tags: readonly FacetValue[];
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
