import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './support/app-fixture';

// Runs only in the `locked` project: the private keyring exists but is locked, as after a screen lock.
test('the first screen says the keychain is locked and how to unlock it, and will not take credentials', async ({ app }) => {
  await app.open();
  const status = app.page.getByTestId('keychain-status');
  await expect(status).toContainText('The keychain is locked');
  await expect(status).toContainText('Unlock your keychain (usually with your login password), then try again.');
  await expect(app.page.getByRole('button', { name: 'Add a profile' })).toBeDisabled();
  await app.screenshot('welcome-keychain-locked-en-US');
});

test('a saved profile reports the locked keychain, never "no credentials"', async ({ app }) => {
  await mkdir(app.userDataDir, { recursive: true });
  await writeFile(
    path.join(app.userDataDir, 'profiles.json'),
    JSON.stringify({
      version: 1,
      profiles: [
        {
          id: 'f3b1c2d4-0000-4000-8000-000000000001',
          name: 'prod',
          accessKeyHint: 'AKLT…0001',
          region: 'cn-beijing',
          endpoint: app.simulator.url,
          hasSessionToken: false,
          lastVerifiedAt: null,
          createdAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    }),
  );
  await app.open();
  // The instances screen tries to load the region first, and says why it cannot.
  await expect(app.page.getByTestId('app-error').first()).toHaveAttribute('data-error-code', 'KEYCHAIN_LOCKED');
  await app.page.locator('.app-header').getByText('Profiles', { exact: true }).click();
  await app.page.getByRole('button', { name: 'Test prod' }).click();
  const alert = app.page.getByRole('row', { name: /prod/ }).getByTestId('app-error');
  await expect(alert).toHaveAttribute('data-error-code', 'KEYCHAIN_LOCKED');
  await expect(alert).toContainText('The keychain is locked');
  expect(app.simulator.requests).toEqual([]);
  await app.screenshot('profiles-keychain-locked-en-US');
});
