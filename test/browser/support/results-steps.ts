import type { Locator, Page } from '@playwright/test';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Narrows the results table to one error code through the code filter (null: every code again). */
export async function filterResultsByCode(page: Page, code: string | null): Promise<void> {
  const filter = page.getByRole('combobox', { name: 'Filter by error code' });
  await filter.click();
  if (code === null) {
    await page.getByRole('option', { name: 'All error codes' }).click();
    return;
  }
  // Filled, not typed: the search box may still hold the previous search.
  await filter.getByRole('textbox').fill(code);
  // Anchored: MissingParameter must not pick MissingParameter.InstanceIds.
  await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(code)} \\(\\d+\\)`) }).click();
}

/**
 * One instance's row of the results table. The table is virtualized: only rows near the top of the scroll area
 * exist in the page, so filter first to bring the row there.
 */
export function outcomeRow(page: Page, instanceId: string): Locator {
  return page.getByTestId('outcome-row').filter({ hasText: instanceId });
}
