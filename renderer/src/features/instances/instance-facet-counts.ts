import type { Instance, Tag } from '../../../../shared/domain/ecs';
import { keyPairLabel, noKeyPairValue, tagFilterValue, type InstanceFacets } from './instance-facets';
import { FacetTally, type TallyEntry } from './instance-facet-tally';

/** Whether `tags[index]` repeats an earlier tag of the same instance: a tag counts once per instance. */
function repeatsEarlierTag(tags: readonly Tag[], index: number): boolean {
  const tag = tags[index]!;
  for (let earlier = 0; earlier < index; earlier += 1) {
    const seen = tags[earlier]!;
    if (seen.key === tag.key && seen.value === tag.value) return true;
  }
  return false;
}

/**
 * The filter choices of every filterable field, counted per instance and kept up to date as instances are added,
 * replaced (remove the old, add the new) and removed, so a streamed page costs its own size, not the region's.
 */
export class InstanceFacetCounts {
  private readonly statuses = new FacetTally();
  private readonly osTypes = new FacetTally();
  private readonly zones = new FacetTally();
  private readonly keyPairs = new FacetTally();
  private readonly tags = new FacetTally();
  /** Tag entries by key, then value: finding a tag's entry builds no string (this runs for every tag of every instance). */
  private readonly tagEntries = new Map<string, Map<string, TallyEntry>>();
  private facets: InstanceFacets | null = null;

  add(instance: Instance): void {
    this.change(instance, 1);
  }

  remove(instance: Instance): void {
    this.change(instance, -1);
  }

  /** The current choices; the same object (and each list the same array) until a count changes. */
  current(): InstanceFacets {
    this.facets ??= {
      statuses: this.statuses.values(),
      osTypes: this.osTypes.values(),
      zones: this.zones.values(),
      keyPairs: this.keyPairs.values(),
      tags: this.tags.values(),
    };
    return this.facets;
  }

  private change(instance: Instance, delta: 1 | -1): void {
    this.facets = null;
    const count = delta === 1 ? (tally: FacetTally, value: string) => tally.add(value) : (tally: FacetTally, value: string) => tally.remove(value);
    count(this.statuses, instance.status);
    count(this.osTypes, instance.osType);
    count(this.zones, instance.zoneId);
    count(this.keyPairs, keyPairLabel(instance) ?? noKeyPairValue);
    const { tags } = instance;
    for (let index = 0; index < tags.length; index += 1) {
      if (!repeatsEarlierTag(tags, index)) this.changeTag(tags[index]!, delta);
    }
  }

  private changeTag(tag: Tag, delta: 1 | -1): void {
    let values = this.tagEntries.get(tag.key);
    let entry = values?.get(tag.value);
    if (entry === undefined) {
      if (delta === -1) return;
      entry = this.tags.entry(tagFilterValue(tag), `${tag.key}\u0000${tag.value}`);
      if (values === undefined) {
        values = new Map();
        this.tagEntries.set(tag.key, values);
      }
      values.set(tag.value, entry);
    }
    this.tags.adjust(entry, delta);
    if (entry.count === 0) {
      values!.delete(tag.value);
      if (values!.size === 0) this.tagEntries.delete(tag.key);
    }
  }
}

/** The filter choices of `instances`, counted in one go. */
export function facetsOf(instances: readonly Instance[]): InstanceFacets {
  const counts = new InstanceFacetCounts();
  for (const instance of instances) counts.add(instance);
  return counts.current();
}
