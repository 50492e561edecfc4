import { apiError } from './api-error';
import type { ApiError } from './api-error';

/** Where the next page starts: an index into the list being paged, and how many matches came before it. */
export interface PageCursor {
  readonly offset: number;
  readonly matched: number;
}

export type PagedList = 'instances' | 'key-pairs' | 'regions';

const firstPage: PageCursor = { offset: 0, matched: 0 };

/**
 * NextToken is opaque to clients, like the real one. It holds a position rather than a page number so each page
 * costs only what it scans, and paging through 50,000 instances stays linear.
 */
function encodeNextToken(list: PagedList, cursor: PageCursor): string {
  return Buffer.from(`${list}:${cursor.offset}:${cursor.matched}`, 'utf8').toString('base64url');
}

export function decodeNextToken(list: PagedList, token: string | undefined): PageCursor | ApiError {
  if (token === undefined) return firstPage;
  const match = /^([a-z-]+):(\d{1,9}):(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!match || match[1] !== list) return apiError('InvalidArgument', 'The NextToken is not valid for this request.');
  return { offset: Number(match[2]), matched: Number(match[3]) };
}

export interface Page<T> {
  readonly items: T[];
  /** Empty on the last page, as the spec says. */
  readonly nextToken: string;
}

/**
 * Collects up to `pageSize` matches from `candidates` starting at the cursor, then looks ahead for one more match
 * so that the last page says so (an empty NextToken) instead of leading to an empty page. `limit` caps the total
 * matches over all pages (DescribeInstances with tag filters returns at most 1,000).
 */
export function collectPage<T>(
  list: PagedList,
  candidates: readonly T[],
  matches: (item: T) => boolean,
  cursor: PageCursor,
  pageSize: number,
  limit = Number.POSITIVE_INFINITY,
): Page<T> {
  const items: T[] = [];
  let matched = cursor.matched;
  let index = cursor.offset;
  for (; index < candidates.length && items.length < pageSize && matched < limit; index += 1) {
    const candidate = candidates[index] as T;
    if (matches(candidate)) {
      items.push(candidate);
      matched += 1;
    }
  }
  if (matched >= limit) return { items, nextToken: '' };
  while (index < candidates.length && !matches(candidates[index] as T)) index += 1;
  return {
    items,
    nextToken: index < candidates.length ? encodeNextToken(list, { offset: index, matched }) : '',
  };
}
