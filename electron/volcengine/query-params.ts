export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | readonly QueryValue[]
  | { readonly [key: string]: QueryValue };

function flattenInto(target: Record<string, string>, key: string, value: QueryValue): void {
  if (value === undefined || value === null || value === '') return;
  if (Array.isArray(value)) {
    value.forEach((item: QueryValue, index) => flattenInto(target, `${key}.${index + 1}`, item));
    return;
  }
  if (typeof value === 'object') {
    for (const [name, inner] of Object.entries(value as { readonly [key: string]: QueryValue })) {
      flattenInto(target, `${key}.${name}`, inner);
    }
    return;
  }
  target[key] = typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}

/**
 * Volcengine's query form of structured parameters (spec: "Transport"): lists are 1-based (`InstanceIds.1`),
 * nesting joins with dots (`TagFilters.1.Values.1`), booleans are `true`/`false`, and absent values (undefined,
 * null, empty strings, empty lists) are left out rather than sent empty.
 */
export function toQueryParams(params: { readonly [key: string]: QueryValue }): Record<string, string> {
  const target: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) flattenInto(target, key, value);
  return target;
}
