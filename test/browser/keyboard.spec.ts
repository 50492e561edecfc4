import type { Locator, Page } from '@playwright/test';
import { expect, simulatorKeys, test } from './support/app-fixture';
import { busiestKeyPair, chooseKeyPair } from './support/workspace-steps';

// The keyboard half of the issue: Ctrl/Cmd+F and Ctrl/Cmd+A in the instance table, Esc for every dialog, and
// focus that always lands somewhere useful.
test.use({ fleet: { seed: 21, instances: 300, regions: ['cn-beijing'] } });

/** The review button's count: how many instances are selected. */
async function selectedCount(page: Page): Promise<number> {
  const review = page.getByRole('button', { name: /Review detach \(\d+\)/ });
  return Number(/\((\d+)\)/.exec(await review.innerText())![1]);
}

/**
 * Opens a dialog from its opener and presses Esc as soon as it shows, before its slide-in has ended: it must
 * close, and focus must be back on the opener.
 */
async function expectEscToClose(page: Page, opener: Locator, dialogName: string, open: 'click' | 'Enter' = 'click') {
  if (open === 'click') await opener.click();
  else {
    await opener.focus();
    await page.keyboard.press('Enter');
  }
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
}

test('Ctrl/Cmd+F focuses the search box; Ctrl/Cmd+A selects every instance that matches, or the text in a text field', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await chooseKeyPair(page, busiestKeyPair(app));
  const search = page.getByRole('textbox', { name: 'Search instances' });
  const counts = page.getByTestId('instances-count');

  // From anywhere that is not a text field (a click on plain text leaves the focus on the page itself).
  await counts.click();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(search).toBeFocused();
  await page.keyboard.type('prod');
  await expect(counts).toHaveText(/^300 instances · \d+ match · 0 selected$/);

  // In the search box, Ctrl+A is the text field's own: it selects the text, not the instances.
  await page.keyboard.press('ControlOrMeta+a');
  expect(await search.evaluate((input: HTMLInputElement) => [input.selectionStart, input.selectionEnd])).toEqual([0, 4]);
  await expect(counts).toContainText('· 0 selected');

  await counts.click();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(counts).not.toContainText('· 0 selected');
  const byShortcut = await selectedCount(page);
  expect(byShortcut).toBeGreaterThan(0);

  // The same selection as the button makes.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(counts).toContainText('· 0 selected');
  await page.getByRole('button', { name: 'Select all that match' }).click();
  await expect(counts).not.toContainText('· 0 selected');
  expect(await selectedCount(page)).toBe(byShortcut);
});

test('Esc closes every drawer and dialog, and focus returns to the control that opened it', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await expect(page.getByTestId('last-refresh')).toBeVisible();

  await expectEscToClose(page, page.getByRole('button', { name: 'Settings' }), 'Settings', 'Enter');

  const review = page.getByRole('button', { name: /Review detach/ });
  await chooseKeyPair(page, busiestKeyPair(app));
  await page.getByRole('button', { name: 'Select all that match' }).click();
  await expectEscToClose(page, review, 'Review: detach a key pair');

  await page.locator('.app-header').getByText('Profiles', { exact: true }).click();
  await expectEscToClose(page, page.getByRole('button', { name: 'Add profile' }), 'Add a profile');
  await expectEscToClose(page, page.getByRole('button', { name: 'Edit prod' }), 'Edit profile', 'Enter');
  await expectEscToClose(page, page.getByRole('button', { name: 'Import', exact: true }), 'Import profiles');
});

test('in a drawer, Esc first closes an open list, then the drawer; the × is a named button', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await page.locator('.app-header').getByText('Profiles', { exact: true }).click();
  const add = page.getByRole('button', { name: 'Add profile' });
  await add.click();
  const drawer = page.getByRole('dialog', { name: 'Add a profile' });
  await drawer.getByRole('combobox', { name: 'Region' }).click();
  const list = page.getByRole('listbox');
  await expect(list).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(add).toBeFocused();

  await add.click();
  await drawer.getByRole('button', { name: 'Close dialog' }).click();
  await expect(drawer).toBeHidden();
  await expect(add).toBeFocused();
});

test.describe('a new install', () => {
  test('focus returns to the welcome screen, and to the main content once the first profile has replaced it', async ({ app }) => {
    await app.open();
    const { page } = app;
    const add = page.getByRole('button', { name: 'Add a profile' });
    await expectEscToClose(page, add, 'Add a profile');

    await add.click();
    const drawer = page.getByRole('dialog', { name: 'Add a profile' });
    await drawer.getByLabel('Profile name').fill('prod');
    await drawer.getByLabel('AccessKey ID').fill(simulatorKeys.accessKeyId);
    await drawer.getByLabel('Secret Access Key').fill(simulatorKeys.secretAccessKey);
    await drawer.getByLabel('Endpoint').fill(app.simulator.url);
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('row', { name: /prod/ })).toBeVisible();
    await expect(page.getByRole('main')).toBeFocused();
  });
});

test('searchable lists hold no keyboard trap, and their text field carries the list name', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await expect(page.getByTestId('last-refresh')).toBeVisible();
  const focused = page.locator(':focus');
  await page.getByRole('button', { name: 'Refresh', exact: true }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(focused).toHaveAccessibleName('Region');
  await expect(focused).toHaveRole('textbox');
  // Arco's outer element used to take this step and hand focus straight back to the field.
  await page.keyboard.press('Shift+Tab');
  await expect(focused).toHaveAccessibleName('Profile');
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAccessibleName('Region');
  await page.keyboard.press('Tab');
  await expect(focused).toHaveAccessibleName('Refresh');
});
