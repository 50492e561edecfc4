import type { Instance, Tag } from '../../../../shared/domain/ecs';

function sameTags(a: readonly Tag[], b: readonly Tag[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    if (a[index]!.key !== b[index]!.key || a[index]!.value !== b[index]!.value) return false;
  }
  return true;
}

/**
 * Whether two readings of an instance say the same thing, so a re-read (a zone listing repeating a page, the
 * fresh listing replacing the copy on disk) keeps its search string, sort keys, counts and place. Compares every
 * field generically, so a field added to the schema is never missed; a future non-scalar field other than tags
 * would compare by reference and read as changed, which costs a re-placement, never a wrong result.
 */
export function sameInstance(a: Instance, b: Instance): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof Instance)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (key !== 'tags' && a[key] !== b[key]) return false;
  }
  return sameTags(a.tags, b.tags);
}
