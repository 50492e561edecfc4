import { describe, expect, it } from 'vitest';
import type { ListProgress } from '../../../shared/domain/ecs';
import { EcsError } from '../../../electron/volcengine/ecs-error';
import { collectAllPages, type Page } from '../../../electron/volcengine/pagination';

function pagesOf(pages: Array<Page<number>>) {
  const asked: Array<string | undefined> = [];
  return {
    asked,
    fetchPage: async (token: string | undefined) => {
      asked.push(token);
      const page = pages[asked.length - 1];
      if (!page) throw new Error('asked past the last page');
      return page;
    },
  };
}

describe('following NextToken', () => {
  it('reads every page in order, passing back each NextToken, and reports progress', async () => {
    const { asked, fetchPage } = pagesOf([
      { items: [1, 2], nextToken: 'a', totalCount: 5 },
      { items: [3, 4], nextToken: 'b', totalCount: 5 },
      { items: [5], nextToken: '', totalCount: 5 },
    ]);
    const progress: ListProgress[] = [];
    const items = await collectAllPages('DescribeInstances', fetchPage, { onProgress: (step) => progress.push(step) });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'a', 'b']);
    expect(progress).toEqual([
      { pages: 1, items: 2, totalCount: 5 },
      { pages: 2, items: 4, totalCount: 5 },
      { pages: 3, items: 5, totalCount: 5 },
    ]);
  });

  it('treats an absent NextToken as the last page and leaves TotalCount out when unknown', async () => {
    const { fetchPage } = pagesOf([{ items: [1], nextToken: undefined }]);
    const progress: ListProgress[] = [];
    expect(await collectAllPages('DescribeKeyPairs', fetchPage, { onProgress: (step) => progress.push(step) })).toEqual([1]);
    expect(progress).toEqual([{ pages: 1, items: 1 }]);
  });

  it('stops with a bad-response error when a NextToken comes back again', async () => {
    const { fetchPage } = pagesOf([
      { items: [1], nextToken: 'x' },
      { items: [2], nextToken: 'y' },
      { items: [3], nextToken: 'x' },
    ]);
    await expect(collectAllPages('DescribeRegions', fetchPage)).rejects.toMatchObject({ code: 'ECS_BAD_RESPONSE' });
  });

  it('stops on cancel without asking for another page', async () => {
    const controller = new AbortController();
    const { asked, fetchPage } = pagesOf([
      { items: [1], nextToken: 'a' },
      { items: [2], nextToken: 'b' },
    ]);
    const listing = collectAllPages('DescribeInstances', fetchPage, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(listing).rejects.toBeInstanceOf(EcsError);
    await expect(listing).rejects.toMatchObject({ code: 'ECS_CANCELLED' });
    expect(asked).toHaveLength(1);
  });
});
