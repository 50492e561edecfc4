import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixture';
import { busiestKeyPair, chooseKeyPair } from './support/workspace-steps';

// The instance table draws each rendered row at its own offset (instance-table.css): after a scroll, the rows in the
// DOM must be the list's next ones, in order on screen, each showing the instance it is marked with.
test.use({ fleet: { seed: 21, instances: 600, regions: ['cn-beijing'] } });

interface ShownRow {
  rowIndex: number;
  id: string;
  idText: string;
  name: string;
  checkboxLabel: string;
  top: number;
}

/**
 * Every row in the DOM: its position in the list, the instance it says it is, and where it is drawn. Found and read
 * in one synchronous call: a locator's evaluateAll finds the rows first and reads them in a later task, by when a
 * render (the overscan shrinking as the scroll ends) may have taken some out of the document.
 */
async function shownRows(page: Page): Promise<ShownRow[]> {
  return page.getByTestId('instance-table').evaluate((table) =>
    [...table.querySelectorAll('[data-testid="instance-row"]')].map((row) => ({
      rowIndex: Number(row.getAttribute('aria-rowindex')),
      id: row.getAttribute('data-instance-id') ?? '',
      idText: row.querySelector('.instances-id code')?.textContent ?? '',
      name: row.querySelector('.instances-name')?.textContent ?? '',
      checkboxLabel: row.querySelector('input[type="checkbox"]')?.getAttribute('aria-label') ?? '',
      top: row.getBoundingClientRect().top,
    })),
  );
}

async function scrollTableTo(page: Page, where: 'middle' | 'end') {
  await page.getByTestId('instance-table').evaluate((scroller, to) => {
    scroller.scrollTop = to === 'end' ? scroller.scrollHeight : scroller.scrollHeight / 2;
  }, where);
}

test('after a scroll, the rows shown are the next ones of the list, in order on screen, each its own instance', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await chooseKeyPair(page, busiestKeyPair(app));
  const firstId = await page.getByTestId('instance-row').first().getAttribute('data-instance-id');

  for (const where of ['middle', 'end'] as const) {
    await scrollTableTo(page, where);
    await expect(page.getByTestId('instance-row').first()).not.toHaveAttribute('data-instance-id', firstId!);
    const rows = await shownRows(page);
    expect(rows.length).toBeGreaterThan(5);
    for (const [index, row] of rows.entries()) {
      // The instance the row is marked with is the one it shows and names to a screen reader.
      expect(row.idText).toBe(row.id);
      expect(row.checkboxLabel).toBe(`Select ${row.name}`);
      if (index === 0) continue;
      // One after another in the list, in the DOM and on screen.
      expect(row.rowIndex).toBe(rows[index - 1]!.rowIndex + 1);
      expect(row.top).toBeGreaterThan(rows[index - 1]!.top);
    }
    if (where === 'end') expect(rows.at(-1)!.rowIndex).toBe(601);
  }

});
