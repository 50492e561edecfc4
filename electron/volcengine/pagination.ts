import type { ListProgress } from '../../shared/domain/ecs';
import { EcsError } from './ecs-error';

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

/** Follows NextToken from the first page to the last and returns every item, in the order Volcengine sent them. */
export async function collectAllPages<T>(
  action: string,
  fetchPage: (nextToken: string | undefined) => Promise<Page<T>>,
  options: ListOptions = {},
): Promise<T[]> {
  const items: T[] = [];
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  let totalCount: number | undefined;
  for (let pages = 0; ; ) {
    if (options.signal?.aborted) throw cancelled(action, pages);
    const page = await fetchPage(nextToken);
    pages += 1;
    items.push(...page.items);
    totalCount = page.totalCount ?? totalCount;
    options.onProgress?.({ pages, items: items.length, ...(totalCount === undefined ? {} : { totalCount }) });
    if (page.nextToken === undefined || page.nextToken === '') return items;
    if (seenTokens.has(page.nextToken)) throw looping(action, 'returned a NextToken it had already returned');
    if (pages >= maxPages) throw looping(action, `returned more than ${maxPages} pages`);
    seenTokens.add(page.nextToken);
    nextToken = page.nextToken;
  }
}
