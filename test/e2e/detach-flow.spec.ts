import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startEcsSimulator, type EcsSimulator } from '../../simulator/ecs-simulator';
import { busiestKeyPair, chooseKeyPair, confirmDetach } from '../browser/support/workspace-steps';
import { electronSkipReason, launchBuiltApp } from './launch-app';

const skipReason = electronSkipReason();
test.skip(skipReason !== undefined, skipReason ?? '');

/** The keys the test simulator accepts. Not secrets: they open nothing but the loopback simulator. */
const simulatorKeys = { accessKeyId: 'AKLTelectronE2eKey0001', secretAccessKey: 'electron-e2e-secret-key-0001' };
const regionId = 'cn-beijing';

/** Instances the detach will succeed on: Linux, running or stopped, bound to the key pair, with the reset agent. */
function detachableInstances(simulator: EcsSimulator, keyPairName: string) {
  return simulator.fleet
    .region(regionId)!
    .instances.filter(
      (instance) =>
        instance.osType === 'Linux' &&
        (instance.status === 'RUNNING' || instance.status === 'STOPPED') &&
        instance.keyPairName === keyPairName &&
        instance.hasResetAgent,
    );
}

test('adds a profile, lists the instances, detaches a key pair from three, exports the results, opens History and Sweep, and quits', async () => {
  const simulator = await startEcsSimulator({ credentials: [simulatorKeys], generate: { seed: 11, instances: 60, regions: [regionId] } });
  const userData = await mkdtemp(path.join(tmpdir(), 'kpd-e2e-'));
  const app = await launchBuiltApp(userData);
  let quit = false;
  try {
    const page = await app.firstWindow();

    // A profile for the simulator, added through the welcome screen's form (as test/browser/profiles.spec.ts does).
    await page.getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Profile name').fill('e2e');
    await form.getByLabel('AccessKey ID').fill(simulatorKeys.accessKeyId);
    await form.getByLabel('Secret Access Key').fill(simulatorKeys.secretAccessKey);
    await form.getByLabel('Endpoint').fill(simulator.url);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('row', { name: /e2e/ }).getByTestId('connection-test')).toContainText('Connected');

    // The instances of the profile's region, and the key pair to take off.
    await page.locator('.app-header').getByText('Instances', { exact: true }).click();
    await expect(page.getByTestId('last-refresh')).toBeVisible();
    const keyPairName = busiestKeyPair({ simulator }, regionId);
    await chooseKeyPair(page, keyPairName);

    // Three instances, each found by its ID and ticked.
    const chosen = detachableInstances(simulator, keyPairName).slice(0, 3);
    expect(chosen).toHaveLength(3);
    const search = page.getByRole('textbox', { name: 'Search instances' });
    for (const instance of chosen) {
      await search.fill(instance.instanceId);
      await page.getByRole('checkbox', { name: `Select ${instance.instanceName || instance.instanceId}`, exact: true }).click();
    }
    await search.fill('');
    await page.getByRole('button', { name: 'Review detach (3)', exact: true }).click();
    await confirmDetach(page, keyPairName, 3);

    // The results: three successes, and the simulator agrees.
    await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('summary-succeeded')).toContainText('3');
    await expect(page.locator('[data-testid="outcome-row"][data-status="succeeded"]')).toHaveCount(3);
    const instances = simulator.fleet.region(regionId)!.instances;
    for (const { instanceId } of chosen) expect(instances.find((instance) => instance.instanceId === instanceId)?.keyPairName, instanceId).toBe('');
    expect(simulator.changeCounts().size).toBe(3);

    // An export through the real preload and ipcMain: main asks the OS where to save. The native dialog cannot be
    // driven, so only its answer is replaced, in the main process; main writes the file.
    const exportFile = path.join(userData, 'exports', 'results.csv');
    await mkdir(path.dirname(exportFile));
    await app.evaluate(({ dialog }, filePath) => {
      dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath });
    }, exportFile);
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect(page.getByText(`Saved to ${exportFile}`)).toBeVisible();
    const csv = (await readFile(exportFile, 'utf8')).split('\r\n');
    expect(csv.filter((line) => line.includes(',succeeded,')).map((line) => line.replace(/^\uFEFF/, '').split(',')[0]).sort()).toEqual(
      chosen.map((instance) => instance.instanceId).sort(),
    );

    // The History screen, from the journal main wrote: the operation, and its results when opened.
    await page.locator('.app-header').getByText('History', { exact: true }).click();
    const historyRow = page.getByRole('row').filter({ hasText: keyPairName });
    await expect(historyRow).toContainText('3 succeeded');
    await historyRow.getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('operation-results')).toBeVisible();

    // The Sweep screen: the key pair is still on other instances of the region, and the sweep finds it there.
    await page.locator('.app-header').getByText('Sweep all accounts', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Key pair name (exact)' }).fill(keyPairName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const findings = page.getByTestId('sweep-findings');
    await expect(findings).toBeVisible({ timeout: 30_000 });
    await expect(findings).toContainText(simulator.fleet.findKeyPairByName(regionId, keyPairName)!.keyPairId);

    // Quit the way the menu does (app.quit): the app holds the quit until what it must write is on disk.
    await app.close();
    quit = true;
    expect(JSON.parse(await readFile(path.join(userData, 'profiles.json'), 'utf8'))).toMatchObject({ profiles: [{ name: 'e2e' }] });
    expect(JSON.parse(await readFile(path.join(userData, 'window-state.json'), 'utf8'))).toMatchObject({ maximized: false });
  } finally {
    if (!quit) await app.close();
    await simulator.close();
    await rm(userData, { recursive: true, force: true });
  }
});
