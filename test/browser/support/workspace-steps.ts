import { expect, type Page } from '@playwright/test';
import type { AppHarness } from './app-fixture';

// Imports nothing of app-fixture at run time, so the Electron end-to-end tests (test/e2e) share these steps too.

/** The key pair bound to the most instances of the simulator's region. */
export function busiestKeyPair(app: Pick<AppHarness, 'simulator'>, regionId = 'cn-beijing'): string {
  const counts = new Map<string, number>();
  for (const instance of app.simulator.fleet.region(regionId)!.instances) {
    if (instance.keyPairName !== '') counts.set(instance.keyPairName, (counts.get(instance.keyPairName) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

export async function chooseKeyPair(page: Page, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Key pair to detach' }).click();
  await page.keyboard.type(name);
  await page.getByRole('option', { name: new RegExp(`^${name} ·`) }).click();
}

/** Selects every detachable instance of the key pair and opens the review; returns how many were selected. */
export async function selectAllAndReview(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Select all that match' }).click();
  const review = page.getByRole('button', { name: /Review detach \((\d+)\)/ });
  await expect(review).toBeEnabled();
  const selected = Number(/\((\d+)\)/.exec(await review.innerText())![1]);
  await review.click();
  return selected;
}

/**
 * The instance IDs of each request the open review will send, in order, read from its "Show requests" listing:
 * the requests listed are exactly what will be sent, so a test can aim a fault at one of them.
 */
export async function plannedBatches(page: Page): Promise<string[][]> {
  const dialog = page.getByRole('dialog', { name: 'Review: detach a key pair' });
  await dialog.getByRole('button', { name: 'Show requests' }).click();
  const listing = await dialog.getByTestId('planned-requests').innerText();
  return listing
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => [...line.matchAll(/\bInstanceIds\.\d+=(\S+)/g)].map((match) => match[1]!));
}

/** Confirms a detach review (typing the key pair's name when asked). */
export async function confirmDetach(page: Page, keyPairName: string, count: number): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Review: detach a key pair' });
  const field = dialog.getByLabel('Type the key pair name to confirm');
  if (count >= 20) await field.fill(keyPairName);
  await dialog.getByRole('button', { name: new RegExp(`^Detach from ${count} instances?$`) }).click();
}
