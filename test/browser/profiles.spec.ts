import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createKeytarSecretStore } from '../../electron/keychain/keytar-secret-store';
import { expect, simulatorKeys, test, type AppHarness } from './support/app-fixture';

async function fillProfileForm(page: Page, values: { name: string; accessKeyId: string; secretAccessKey: string; endpoint: string }) {
  const form = page.getByRole('dialog');
  await form.getByLabel('Profile name').fill(values.name);
  await form.getByLabel('AccessKey ID').fill(values.accessKeyId);
  await form.getByLabel('Secret Access Key').fill(values.secretAccessKey);
  await form.getByLabel('Endpoint').fill(values.endpoint);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

async function filesUnder(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

async function addSimulatorProfile(app: AppHarness, name = 'prod') {
  await app.open();
  await app.page.getByRole('button', { name: 'Add a profile' }).click();
  await fillProfileForm(app.page, { name, ...simulatorKeys, endpoint: app.simulator.url });
  await expect(app.page.getByRole('row', { name: new RegExp(name) })).toBeVisible();
}

test('adds a profile from the welcome screen, tests it against the simulator, and never shows the secret', async ({ app }) => {
  await addSimulatorProfile(app);
  const { page } = app;
  const row = page.getByRole('row', { name: /prod/ });
  await expect(row).toContainText('AKLT…0001');
  await expect(row.getByTestId('connection-test')).toContainText('Connected');
  await expect(row.getByTestId('connection-test')).toContainText(/\d+ regions are available/);
  expect(app.simulator.requests.some((request) => request.action === 'DescribeRegions')).toBe(true);

  expect(await page.content()).not.toContain(simulatorKeys.secretAccessKey);
  expect(await filesUnder(app.userDataDir)).not.toContain(simulatorKeys.secretAccessKey);
  expect(await filesUnder(app.userDataDir)).not.toContain(simulatorKeys.accessKeyId);
  expect(app.logLines.join('\n')).not.toContain(simulatorKeys.secretAccessKey);
  await app.screenshot('profiles-en-US-light');
});

test('explains a wrong secret with the catalogue entry and the request id', async ({ app }) => {
  await app.open();
  const { page } = app;
  await page.getByRole('button', { name: 'Add a profile' }).click();
  await fillProfileForm(page, { name: 'staging', accessKeyId: simulatorKeys.accessKeyId, secretAccessKey: 'not-the-right-secret', endpoint: app.simulator.url });
  const result = page.getByRole('row', { name: /staging/ }).getByTestId('connection-test');
  await expect(result).toHaveAttribute('data-error-code', 'SignatureDoesNotMatch');
  await expect(result).toContainText('Connection failed');
  await expect(result).toContainText('Request ID');
  await app.screenshot('profiles-connection-failed-en-US');
});

test('marks invalid fields instead of sending them', async ({ app }) => {
  await app.open();
  const { page } = app;
  await page.getByRole('button', { name: 'Add a profile' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Profile name').fill('prod');
  await form.getByLabel('AccessKey ID').fill('short');
  await form.getByLabel('Endpoint').fill('http://example.com');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Check this field')).toHaveCount(3);
  await expect(form).toBeVisible();
  await expect(readFile(path.join(app.userDataDir, 'profiles.json'))).rejects.toMatchObject({ code: 'ENOENT' });
});

test('deletes a profile and its keychain item, and returns to the welcome screen', async ({ app }) => {
  await addSimulatorProfile(app, 'to-delete');
  const { page } = app;
  const ids = JSON.parse(await readFile(path.join(app.userDataDir, 'profiles.json'), 'utf8')) as { profiles: Array<{ id: string }> };
  const id = ids.profiles[0]!.id;
  const keychain = createKeytarSecretStore('com.keypairdesk.browser-test');
  expect(await keychain.get(id)).toContain(simulatorKeys.secretAccessKey);

  await page.getByRole('button', { name: 'Delete to-delete' }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: 'Add a Volcengine profile to begin' })).toBeVisible();
  expect(await keychain.get(id)).toBeNull();
});

test.describe('import', () => {
  test.use({
    cliConfig: {
      current: 'default',
      profiles: {
        default: {
          name: 'default',
          mode: 'ak',
          'access-key': simulatorKeys.accessKeyId,
          'secret-key': simulatorKeys.secretAccessKey,
          region: 'cn-beijing',
          endpoint: 'SIMULATOR_URL',
        },
        sso: { name: 'sso', mode: 'sso', region: 'cn-shanghai' },
        halfway: { name: 'halfway', mode: 'ak', 'access-key': 'AKLTonlyTheId00000001', region: 'cn-beijing' },
      },
    },
    env: { VOLCENGINE_ACCESS_KEY: 'AKLTfromEnvironment001', VOLCENGINE_SECRET_KEY: 'env-secret-value-0001' },
  });

  test('lists what it found with secrets masked, imports the chosen one, and warns about the plaintext file', async ({ app }) => {
    await app.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Import from the Volcengine CLI' }).click();
    const drawer = page.getByRole('dialog');
    await expect(drawer.getByTestId('import-candidate')).toHaveCount(4);
    await expect(drawer).toContainText('Uses a sign-in mode without stored keys');
    await expect(drawer).toContainText('No access key in this profile');
    await expect(drawer.getByLabel('CLI profile default')).toBeChecked();
    await expect(drawer.getByLabel('CLI profile sso')).toBeDisabled();
    expect(await drawer.innerText()).not.toContain(simulatorKeys.secretAccessKey);
    expect(await drawer.innerText()).not.toContain('env-secret-value-0001');
    await app.screenshot('import-en-US');

    await drawer.getByRole('button', { name: 'Import selected' }).click();
    await expect(drawer).toContainText('Moved 1 profile into the keychain.');
    await expect(drawer.getByTestId('plaintext-warning')).toContainText(path.join(app.homeDir, '.volcengine', 'config.json'));
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(page.getByRole('row', { name: /default/ }).getByTestId('connection-test')).toContainText('Connected');
  });
});

test.describe('import from a damaged CLI file', () => {
  test.use({ cliConfig: '{"profiles": {"default": ' });

  test('reports the file as unreadable and carries on', async ({ app }) => {
    await app.open();
    await app.page.getByRole('button', { name: 'Import from the Volcengine CLI' }).click();
    const drawer = app.page.getByRole('dialog');
    await expect(drawer).toContainText('not valid JSON: it was skipped');
    await expect(drawer).toContainText('Nothing to import');
  });
});
