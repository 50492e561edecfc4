import path from 'node:path';
import { expect, test } from '@playwright/test';
import { demoKeys, demoSharedKeyPairName } from '../../electron/demo/demo-cloud';
import { createEcsClient } from '../../electron/volcengine/ecs-client';
import { startWebDemoProcess, type WebDemoProcess } from '../support/web-demo-process';
import { confirmDetach } from './support/workspace-steps';

// `npm run demo:web` as someone without the desktop app meets it: the real script, started as the npm script starts
// it, its printed address opened in Chromium. Nothing is bridged by the test: the page talks to the demo over HTTP.

const root = path.resolve(import.meta.dirname, '../..');
const regionId = 'cn-beijing';

let demo: WebDemoProcess;

test.beforeAll(async () => {
  demo = await startWebDemoProcess(['--instances', '600', '--seed', '4', '--latency-ms', '0']);
});

test.afterAll(async () => {
  expect(await demo.stop('SIGTERM')).toBe(0);
});

test('opens the printed address, lists a region, detaches a key pair from three instances and reads the results', async ({ page }) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  await page.exposeFunction('__kpdCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      void (window as unknown as { __kpdCspViolation(text: string): Promise<void> }).__kpdCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`${demo.origin}/`)) foreign.push(request.url());
  });

  const response = await page.goto(demo.url);
  expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
  // The token leaves the address bar once read.
  await expect(page).toHaveURL(`${demo.origin}/`);
  await expect(page.getByTestId('demo-banner')).toContainText('Demo mode: the cloud is simulated on this computer.');

  await page.locator('.app-header').getByText('Instances', { exact: true }).click();
  await expect(page.getByTestId('last-refresh')).toBeVisible();
  await expect(page.getByText(/\d+ instances/).first()).toBeVisible();
  await page.getByRole('combobox', { name: 'Key pair to detach' }).click();
  await page.keyboard.type(demoSharedKeyPairName);
  await page.getByRole('option', { name: new RegExp(`^${demoSharedKeyPairName} ·`) }).click();
  await page.screenshot({ path: path.join(root, 'test', 'artifacts', 'screenshots', 'web-demo-instances.png'), fullPage: true, animations: 'disabled' });

  // The key pair's instances come first: pick three that can take part.
  const selectable = page.getByRole('checkbox', { name: /^Select (?!all)/ }).and(page.locator(':enabled'));
  for (let index = 0; index < 3; index += 1) await selectable.nth(index).click();
  await page.getByRole('button', { name: 'Review detach (3)', exact: true }).click();
  await confirmDetach(page, demoSharedKeyPairName, 3);

  await expect(page.getByText('Result: detach key pair')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('summary-succeeded')).toContainText('3');
  const succeeded = page.locator('[data-testid="outcome-row"][data-status="succeeded"]');
  await expect(succeeded).toHaveCount(3);
  await page.screenshot({ path: path.join(root, 'test', 'artifacts', 'screenshots', 'web-demo-results.png'), fullPage: true, animations: 'disabled' });

  // What the page says happened did happen, in the demo's simulator: asked directly, with the demo's keys.
  const instanceIds = (await succeeded.allInnerTexts()).map((text) => /\bi-[a-z0-9]+/.exec(text)?.[0] ?? '');
  const profiles = await page.request.post(`${demo.origin}/api/invoke/kpd:profiles.list`, {
    headers: { Authorization: `Bearer ${demo.token}`, 'Content-Type': 'application/json' },
    data: {},
  });
  const endpoint = ((await profiles.json()) as { value: { profiles: Array<{ endpoint: string }> } }).value.profiles[0]!.endpoint;
  const client = createEcsClient({ endpoint, region: regionId, credentials: async () => demoKeys });
  try {
    const instances = await client.describeInstances({ instanceIds });
    expect(instances.map((instance) => instance.instanceId).sort()).toEqual([...instanceIds].sort());
    for (const instance of instances) expect(instance.keyPairName ?? '', instance.instanceId).toBe('');
  } finally {
    await client.close();
  }

  // The Profiles screen does not promise a keychain the demo never uses.
  await page.locator('.app-header').getByText('Profiles', { exact: true }).click();
  await expect(page.getByText('In this demo they stay in memory and are forgotten when it stops')).toBeVisible();

  expect(violations).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('without the token, the page gets nothing from main and says the request was refused', async ({ page }) => {
  const refused: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/')) refused.push(response.status());
  });
  await page.goto(`${demo.origin}/`);
  await expect(page.getByText('Request refused: it did not come from the app window')).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toHaveCount(0);
  expect(refused.length).toBeGreaterThan(0);
  expect(new Set(refused)).toEqual(new Set([401]));
});
