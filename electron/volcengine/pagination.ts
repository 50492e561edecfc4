import type { ListProgress } from '../../shared/domain/ecs';
import { EcsError } from './ecs-error';
import type { PacerPriority } from './request-pacer';

export interface Page<T> {
  items: T[];
  /** Empty or absent on the last page (spec: DescribeInstances paging). */
  nextToken: string | undefined;
  totalCount?: number | undefined;
}

export interface ListOptions {
  /** Called after each page with the counts so far. */
  onProgress?: ((progress: ListProgress) => void) | undefined;
  /** Stops the listing: the page in flight is abandoned and the list rejects with `ECS_CANCELLED`. */
  signal?: AbortSignal | undefined;
  /** Its place among the profile's reads when they are paced (see request-pacer.ts); `normal` by default. */
  priority?: PacerPriority | undefined;
}

/** One page as a streamed listing hands it over. */
export interface ListedPage<T> {
  items: T[];
  /** 1-based. */
  page: number;
  /** What the service says the whole listing holds, when it says (DescribeInstances' TotalCount). */
  totalCount: number | undefined;
}

export interface StreamOptions<T> extends ListOptions {
  /** Awaited before the next page is asked for; the listing keeps no page once this returns. */
  onPage: (page: ListedPage<T>) => void | Promise<void>;
}

/** How a streamed listing ended: every page was read. */
export interface StreamSummary {
  pages: number;
  items: number;
  totalCount: number | undefined;
}

/** Far more pages than any account has; only a server that keeps inventing tokens reaches it. */
const maxPages = 10_000;

function cancelled(action: string, pages: number): EcsError {
  return new EcsError({
    kind: 'cancelled',
    code: 'ECS_CANCELLED',
    message: `${action} was cancelled after ${pages} page(s).`,
    action,
    mayHaveTakenEffect: false,
  });
}

function looping(action: string, reason: string): EcsError {
  return new EcsError({
    kind: 'bad-response',
    code: 'ECS_BAD_RESPONSE',
    message: `${action} ${reason}; stopped paging instead of looping forever.`,
    action,
    mayHaveTakenEffect: false,
  });
}

/**
 * Follows NextToken from the first page (or from `startToken`) to the last, handing each page to `onPage` as it
 * arrives and keeping none: a listing of a whole region never exists as one list here.
 */
export async function forEachPage<T>(
  action: string,
  fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
  options: StreamOptions<T>,
  startToken?: string,
): Promise<StreamSummary> {
  const seenTokens = new Set<string>();
  let nextToken = startToken;
  let totalCount: number | undefined;
  let items = 0;
  for (let pages = 0; ; ) {
    if (options.signal?.aborted) throw cancelled(action, pages);
    const page = await fetchPage(nextToken);
    pages += 1;
    items += page.items.length;
    totalCount = page.totalCount ?? totalCount;
    await options.onPage({ items: page.items, page: pages, totalCount });
    options.onProgress?.({ pages, items, ...(totalCount === undefined ? {} : { totalCount }) });
    if (page.nextToken === undefined || page.nextToken === '') return { pages, items, totalCount };
    if (seenTokens.has(page.nextToken)) throw looping(action, 'returned a NextToken it had already returned');
    if (pages >= maxPages) throw looping(action, `returned more than ${maxPages} pages`);
    seenTokens.add(page.nextToken);
    nextToken = page.nextToken;
  }
}

/** Follows NextToken from the first page to the last and returns every item, in the order Volcengine sent them. */
export async function collectAllPages<T>(
  action: string,
  fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
  options: ListOptions = {},
): Promise<T[]> {
  const items: T[] = [];
  await forEachPage(action, fetchPage, { ...options, onPage: (page) => void items.push(...page.items) });
  return items;
}
