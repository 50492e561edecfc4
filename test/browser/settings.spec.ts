import { expect, test } from './support/app-fixture';
import { closedPort } from '../support/closed-port';

test('settings: a fixed dark theme, and a proxy that main really uses', async ({ app }) => {
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  const drawer = page.getByRole('dialog', { name: 'Settings' });
  await drawer.getByText('Dark', { exact: true }).click();
  await drawer.getByText('This proxy', { exact: true }).click();
  await drawer.getByLabel('Proxy address').fill('not a proxy');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.getByText('Check this field')).toBeVisible();

  const port = await closedPort();
  await drawer.getByLabel('Proxy address').fill(`http://127.0.0.1:${port}`);
  await app.screenshot('settings-en-US-light');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.locator('body')).toHaveAttribute('arco-theme', 'dark');

  // Every request now goes through the (unreachable) proxy, and the test says so.
  await page.locator('.app-header').getByText('Profiles', { exact: true }).click();
  await page.getByRole('button', { name: 'Test prod' }).click();
  const result = page.getByRole('row', { name: /prod/ }).getByTestId('connection-test');
  await expect(result).toHaveAttribute('data-error-code', /ECS_NETWORK_PROXY|ECS_RETRIES_EXHAUSTED/);
  await expect(result).toContainText('ECS_NETWORK_PROXY');
  await app.screenshot('profiles-proxy-failed-en-US-dark');
});
