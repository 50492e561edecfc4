import { apiError } from './api-error';
import type { ApiError } from './api-error';

export type QueryPair = readonly [string, string];

/**
 * Splits a raw query into decoded pairs, keeping duplicates and order: the signature is verified over exactly
 * what arrived. `+` decodes to a space, as Go's net/url (and most gateways) do; a conforming client never sends
 * one, since the spec encodes a space as `%20`.
 */
export function parseQueryPairs(rawQuery: string): QueryPair[] | ApiError {
  if (rawQuery === '') return [];
  const pairs: QueryPair[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const equals = part.indexOf('=');
    const rawKey = equals === -1 ? part : part.slice(0, equals);
    const rawValue = equals === -1 ? '' : part.slice(equals + 1);
    try {
      pairs.push([decodeURIComponent(rawKey.replace(/\+/g, ' ')), decodeURIComponent(rawValue.replace(/\+/g, ' '))]);
    } catch {
      return apiError('InvalidArgument', 'The query string holds a malformed percent-encoding.');
    }
  }
  return pairs;
}

export interface QueryParams {
  readonly pairs: readonly QueryPair[];
  /** The first value of `name`; an empty value counts as absent, as the real API treats it. */
  get(name: string): string | undefined;
  /** `Prefix.1`, `Prefix.2` ... in numeric order, skipping empty values. */
  list(prefix: string): string[];
  /** Indices N that have any `Prefix.N.*` key, in numeric order (for nested lists such as TagFilters). */
  nestedIndices(prefix: string): number[];
}

function listIndex(key: string, prefix: string): number | undefined {
  if (!key.startsWith(`${prefix}.`)) return undefined;
  const rest = key.slice(prefix.length + 1);
  if (!/^[1-9]\d{0,5}$/.test(rest)) return undefined;
  return Number(rest);
}

export function createQueryParams(pairs: readonly QueryPair[]): QueryParams {
  const firstValues = new Map<string, string>();
  for (const [key, value] of pairs) if (!firstValues.has(key)) firstValues.set(key, value);
  return {
    pairs,
    get(name) {
      const value = firstValues.get(name);
      return value === '' ? undefined : value;
    },
    list(prefix) {
      const indexed: Array<[number, string]> = [];
      for (const [key, value] of firstValues) {
        const index = listIndex(key, prefix);
        if (index !== undefined && value !== '') indexed.push([index, value]);
      }
      return indexed.sort((a, b) => a[0] - b[0]).map(([, value]) => value);
    },
    nestedIndices(prefix) {
      const indices = new Set<number>();
      for (const key of firstValues.keys()) {
        const match = key.startsWith(`${prefix}.`) ? /^([1-9]\d{0,5})\./.exec(key.slice(prefix.length + 1)) : null;
        if (match?.[1]) indices.add(Number(match[1]));
      }
      return [...indices].sort((a, b) => a - b);
    },
  };
}

/** An integer parameter in [min, max], or `fallback` when absent; anything else is InvalidArgument. */
export function integerParam(
  params: QueryParams,
  name: string,
  range: { min: number; max: number; fallback: number },
): number | ApiError {
  const raw = params.get(name);
  if (raw === undefined) return range.fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= range.min && value <= range.max)) {
    return apiError('InvalidArgument', `${name} must be an integer from ${range.min} to ${range.max}.`);
  }
  return value;
}

/** `true` / `false` as the spec writes booleans, or `fallback` when absent. */
export function booleanParam(params: QueryParams, name: string, fallback: boolean): boolean | ApiError {
  const raw = params.get(name);
  if (raw === undefined) return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return apiError('InvalidArgument', `${name} must be true or false.`);
}

export function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'httpStatus' in value && 'code' in value;
}
