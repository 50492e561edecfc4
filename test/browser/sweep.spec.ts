import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { bindSharedKeyPair } from '../../simulator/shared-key-pair';
import { expect, test } from './support/app-fixture';

const keyPairName = 'departed-admin';
const regions = ['cn-beijing', 'cn-shanghai', 'ap-southeast-1'];

test.use({ fleet: { seed: 41, instances: 1800, regions } });

test('sweeps three regions of one account: finds the key in each, reviews one plan, detaches everywhere, each instance once, exports one file', async ({ app }) => {
  const bound = bindSharedKeyPair(app.simulator.fleet, { keyPairName, instancesPerRegion: 60 });
  await app.addSimulatorProfile();
  await app.open();
  const { page } = app;
  await page.getByText('Sweep all accounts', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Key pair name (exact)' }).fill(keyPairName);
  // One profile: "all profiles" is it.
  await expect(page.getByTestId('sweep-profiles')).toContainText('All profiles (1)');
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  const findings = page.getByTestId('sweep-findings');
  await expect(findings).toBeVisible();
  await expect(page.getByTestId('sweep-summary')).toContainText('The key is on 180 instances in 3 regions of 1 account (3 regions searched)');
  const keyPairIds = new Map(regions.map((regionId) => [regionId, app.simulator.fleet.findKeyPairByName(regionId, keyPairName)!.keyPairId]));
  for (const keyPairId of keyPairIds.values()) await expect(findings.getByText(keyPairId)).toBeVisible();
  // Grouped by account, then region: a region's row opens onto the instances that carry its key.
  await findings.getByRole('row', { name: /cn-shanghai/ }).getByRole('button').first().click();
  const shanghai = page.getByTestId('sweep-instances-prod-cn-shanghai');
  await expect(shanghai.getByRole('row')).toHaveCount(61);
  await expect(shanghai).toContainText(bound.get('cn-shanghai')![0]!);
  await app.screenshot('sweep-findings-en-US-light');

  // Which instances can really be detached, as the simulator holds them (status, OS), region by region.
  const detachable = new Map(
    regions.map((regionId) => [
      regionId,
      bound.get(regionId)!.filter((instanceId) => ['RUNNING', 'STOPPED'].includes(app.simulator.fleet.findInstance(regionId, instanceId)!.status)),
    ]),
  );
  const total = [...detachable.values()].reduce((sum, ids) => sum + ids.length, 0);
  await page.getByRole('button', { name: `Review the plan: ${total} instances in 3 regions of 1 account` }).click();
  const dialog = page.getByRole('dialog', { name: 'Review: detach a key pair in every account and region' });
  await expect(dialog.getByTestId('sweep-plan-counts')).toContainText(`${total} instances in 3 requests, in 3 regions of 1 account`);
  for (const regionId of regions) {
    const row = dialog.getByTestId('sweep-plan-regions').locator(`tr[data-region="${regionId}"]`);
    await expect(row).toContainText(keyPairIds.get(regionId)!);
    await expect(row.locator('td').nth(2)).toHaveText(String(detachable.get(regionId)!.length));
  }
  await expect(dialog.getByTestId('plan-warnings')).toContainText('reboot');
  await dialog.getByRole('button', { name: 'Show requests' }).click();
  const requests = dialog.getByTestId('planned-requests');
  for (const regionId of regions) await expect(requests).toContainText(`# prod · ${regionId} (${keyPairIds.get(regionId)!})`);
  await expect(requests).toContainText(`KeyPairId=${keyPairIds.get('ap-southeast-1')!}`);
  const confirm = dialog.getByRole('button', { name: `Detach from ${total} instances` });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('Type the key pair name to confirm').fill(keyPairName);
  await app.screenshot('sweep-review-en-US-light');
  await confirm.click();

  // The password-reset agent is invisible to DescribeInstances: instances without it fail, with the reason.
  const withAgent = (regionId: string) => detachable.get(regionId)!.filter((instanceId) => app.simulator.fleet.findInstance(regionId, instanceId)!.hasResetAgent);
  const results = page.getByTestId('sweep-results');
  await expect(results).toBeVisible({ timeout: 40_000 });
  for (const regionId of regions) {
    const cells = results.getByTestId('sweep-results-regions').locator(`tr[data-region="${regionId}"] td`);
    await expect(cells.nth(1)).toHaveText(String(withAgent(regionId).length));
    await expect(cells.nth(2)).toHaveText(String(detachable.get(regionId)!.length - withAgent(regionId).length));
  }
  await app.screenshot('sweep-results-en-US-light');
  for (const regionId of regions) {
    for (const instanceId of withAgent(regionId)) {
      expect(app.simulator.fleet.findInstance(regionId, instanceId)!.keyPairId, `${instanceId} in ${regionId}`).toBe('');
    }
  }
  expect(app.simulator.changeCounts().size).toBe(regions.reduce((sum, regionId) => sum + withAgent(regionId).length, 0));
  expect([...app.simulator.changeCounts().values()].every((count) => count === 1)).toBe(true);

  // One file for the whole sweep, the profile and region on every row.
  await results.getByTestId('sweep-export').click();
  const folder = path.dirname(app.userDataDir);
  await expect.poll(async () => (await readdir(folder)).filter((name) => name.startsWith(`sweep-${keyPairName}-`))).toHaveLength(1);
  const [fileName] = (await readdir(folder)).filter((name) => name.startsWith(`sweep-${keyPairName}-`));
  const lines = (await readFile(path.join(folder, fileName!), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^profileName,accountId,regionId,instanceId,status,/);
  const rows = lines.slice(1).map((line) => line.split(','));
  expect(rows.every((row) => row[0] === 'prod' && row[1] === '' && regions.includes(row[2]!))).toBe(true);
  // Each detached instance once, under its region (then the exposure check's left-out ones, with an empty status).
  for (const regionId of regions) {
    const outcomes = rows.filter((row) => row[2] === regionId && row[4] !== '').map((row) => row[3]);
    expect(outcomes.sort()).toEqual([...detachable.get(regionId)!].sort());
  }

  // The reboot offer of the shown part (prod, cn-beijing): the succeeded instances that were running at the search.
  const rebootable = withAgent('cn-beijing').filter((instanceId) => app.simulator.fleet.findInstance('cn-beijing', instanceId)!.status === 'RUNNING');
  const offer = results.getByTestId('reboot-offer');
  await offer.scrollIntoViewIfNeeded();
  await app.screenshot('sweep-reboot-offer-en-US-light');
  await offer.getByRole('button', { name: `Reboot ${rebootable.length} running instances` }).click();
  // Reviewed on the Instances screen, as any plan.
  const review = page.getByRole('dialog', { name: 'Review: reboot instances' });
  await expect(review).toBeVisible();
  await expect(review).toContainText('cn-beijing');
  expect(await app.cspViolations()).toEqual([]);
});
