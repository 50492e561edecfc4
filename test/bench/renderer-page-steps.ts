import type { Page } from '@playwright/test';
import { openBenchBrowserApp, type BenchBrowserApp } from './bench-browser-app';
import type { ProbeState } from './page-probe';

declare global {
  interface Window {
    __benchProbe: ProbeState;
    __benchScroll(durationMs: number, stepPx: number): Promise<{ frameMs: number[]; blankFrames: number }>;
    __benchDeliver(wire: string, payloadJson: string): void;
    __benchWatch(name: string, holds: () => boolean): void;
    __benchWatchButton(name: string, pattern: string): void;
    __benchExpectResults(text: string): void;
    __benchResultsLatency(text: string): number;
  }
}

/**
 * The steps the renderer bench (renderer-scenarios.ts) and its profiler (renderer-profile.ts) share, so the profile
 * looks at exactly the page the bench measures.
 */

/** The fleet both use: 50,000 instances in one region, read as fast as the simulator answers. */
const rowsInFleet = 50_000;
/** A query an admin might type, one key at a time: it narrows 50,000 rows step by step. */
export const typedQuery = 'web-prod-12';

/** Waits until the page has had no input and made no DOM change for `quietMs`, and has painted its last change. */
export async function settle(page: Page, quietMs = 200): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const probe = window.__benchProbe;
      const last = probe.changes[probe.changes.length - 1] ?? 0;
      const lastInput = probe.inputs[probe.inputs.length - 1]?.at ?? 0;
      const painted = probe.paints[probe.paints.length - 1]?.changedAt ?? 0;
      // Quiet since the last input too: right after a key press, the change it causes may not have happened yet.
      return performance.now() - Math.max(last, lastInput) > quiet && painted >= last;
    },
    quietMs,
    { polling: 50, timeout: 60_000 },
  );
}

/**
 * From the latest input (key press or click) to the paint of the last DOM change it caused. Call after `settle`.
 * NaN when the input changed nothing.
 */
export async function latencyOfLastInput(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = window.__benchProbe;
    const input = probe.inputs[probe.inputs.length - 1];
    if (input === undefined) return Number.NaN;
    const changes = probe.changes.filter((at) => at >= input.at);
    const lastChange = changes[changes.length - 1];
    if (lastChange === undefined) return Number.NaN;
    const paint = probe.paints.find((candidate) => candidate.changedAt >= lastChange);
    return paint === undefined ? Number.NaN : paint.paintedAt - input.at;
  });
}

/** The key pair bound to the most instances, the one an admin with a big fleet would clean up first. */
function busiestKeyPair(instances: ReadonlyArray<{ keyPairName: string }>): string {
  const counts = new Map<string, number>();
  for (const instance of instances) {
    if (instance.keyPairName !== '') counts.set(instance.keyPairName, (counts.get(instance.keyPairName) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

export interface LoadedBenchPage {
  app: BenchBrowserApp;
  /** From the first page of data to the paint of its first rows. */
  firstPaintMs: number;
}

/** A fresh page with the whole 50,000-instance region listed and painted, and nothing happening. */
export async function openLoadedRegion(): Promise<LoadedBenchPage> {
  const app = await openBenchBrowserApp({ fleet: { seed: 9, instances: rowsInFleet }, settings: { readRequestsPerSecond: 100 } });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.__benchProbe.dataAt > 0, null, { timeout: 180_000, polling: 100 });
    await page.getByTestId('instance-row').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="inventory-progress"][data-state="complete"]').waitFor({ timeout: 180_000 });
    await settle(page, 500);
    const firstPaintMs = await page.evaluate(() => {
      const probe = window.__benchProbe;
      const paint = probe.paints.find((candidate) => candidate.paintedAt > probe.dataAt && candidate.rows);
      return paint === undefined ? Number.NaN : paint.paintedAt - probe.dataAt;
    });
    return { app, firstPaintMs };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** Picks the busiest key pair to detach and waits for its own listing, as an admin starts a clean-up. */
export async function pickBusiestKeyPair(loaded: LoadedBenchPage): Promise<void> {
  const { page, simulator } = loaded.app;
  const keyPairName = busiestKeyPair(simulator.fleet.region('cn-beijing')!.instances);
  await page.getByRole('combobox', { name: 'Key pair to detach' }).click();
  await page.keyboard.type(keyPairName);
  await page.getByRole('option', { name: new RegExp(`^${keyPairName} ·`) }).click();
  await page.locator('[data-testid="key-listing"][data-state="complete"]').waitFor({ timeout: 60_000 });
  await settle(page);
}
