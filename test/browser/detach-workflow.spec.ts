import { readFile } from 'node:fs/promises';
import { expect, test } from './support/app-fixture';
import { busiestKeyPair, chooseKeyPair } from './support/workspace-steps';

test.use({ fleet: { seed: 21, instances: 1200, regions: ['cn-beijing'] } });

test('the full path: region, key pair, select all that match, plan, detach, results, reboot', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await expect(page.getByTestId('last-refresh')).toBeVisible();
  const keyPairName = busiestKeyPair(app);
  await chooseKeyPair(page, keyPairName);
  // Narrow by a search first, then widen again: the count follows.
  await page.getByRole('textbox', { name: 'Search instances' }).fill('prod');
  await expect(page.getByText(/1,?200 instances · \d+ match/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Search instances' }).fill('');
  await page.getByRole('button', { name: 'Select all that match' }).click();
  const review = page.getByRole('button', { name: /Review detach \((\d+)\)/ });
  await expect(review).toBeEnabled();
  const selected = Number(/\((\d+)\)/.exec(await review.innerText())![1]);
  expect(selected).toBeGreaterThan(100);
  await app.screenshot('workspace-selected-en-US-light');
  await review.click();

  const dialog = page.getByRole('dialog', { name: 'Review: detach a key pair' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('reboot');
  const confirm = dialog.getByRole('button', { name: `Detach from ${selected} instances` });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type the key pair name to confirm').fill(keyPairName);
  await app.screenshot('plan-review-en-US-light');
  await confirm.click();

  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 20_000 });
  await app.screenshot('results-en-US-light');
  // Exports go through main, which asks where to save (the test's answer: its own folder) and writes the file.
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const saved = page.getByText(/^Saved to .*\.csv$/);
  await expect(saved).toBeVisible();
  const csv = await readFile((await saved.innerText()).replace(/^Saved to /, ''), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFinstanceId,status,errorCode,errorMessage,requestId,stillExposed,exposureDetail,exposureCheckedAt');
  expect(csv.split('\r\n').filter((line) => line.includes(',succeeded,')).length).toBeGreaterThan(0);
  const changed = [...app.simulator.changeCounts().values()];
  expect(changed.every((count) => count === 1)).toBe(true);
  expect(changed.length).toBeGreaterThan(0);

  const offer = page.getByTestId('reboot-offer');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: /Reboot \d+ running instances/ }).click();
  const rebootDialog = page.getByRole('dialog', { name: 'Review: reboot instances' });
  await expect(rebootDialog.getByTestId('plan-waves')).toBeVisible();
  const rebootCount = Number(/Reboot (\d+) instances?/.exec(await rebootDialog.getByRole('button', { name: /Reboot \d+ instances?/ }).innerText())![1]);
  // From 20 instances up, a reboot is confirmed by typing its count.
  if (rebootCount >= 20) await rebootDialog.getByLabel('Type the confirmation text to confirm').fill(`reboot ${rebootCount}`);
  await rebootDialog.getByRole('button', { name: /Reboot \d+ instances?/ }).click();
  await expect(page.getByText('Result: reboot')).toBeVisible({ timeout: 20_000 });
  expect(await app.cspViolations()).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});
