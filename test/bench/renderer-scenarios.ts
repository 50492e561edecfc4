import type { Page } from '@playwright/test';
import { percentile, round, type Measurement } from './bench-results';
import { openBenchBrowserApp } from './bench-browser-app';
import type { ProbeState } from './page-probe';

const rowsInFleet = 50_000;
/** A query an admin might type, one key at a time: it narrows 50,000 rows step by step. */
const typedQuery = 'web-prod-12';
const scrollMs = 3_000;
/** Pixels per frame: 7,200 px/s at 60 fps, a fast wheel flick. */
const scrollStepPx = 120;

declare global {
  interface Window {
    __benchProbe: ProbeState;
    __benchScroll(durationMs: number, stepPx: number): Promise<{ frameMs: number[]; blankFrames: number }>;
  }
}

/** Waits until the page has made no DOM change for `quietMs` and has painted the last one it made. */
async function settle(page: Page, quietMs = 200): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const probe = window.__benchProbe;
      const last = probe.changes[probe.changes.length - 1] ?? 0;
      const painted = probe.paints[probe.paints.length - 1]?.changedAt ?? 0;
      return performance.now() - last > quiet && painted >= last;
    },
    quietMs,
    { polling: 50, timeout: 60_000 },
  );
}

/**
 * From the latest input (key press or click) to the paint of the last DOM change it caused. Call after `settle`.
 * NaN when the input changed nothing.
 */
async function latencyOfLastInput(page: Page): Promise<number> {
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

async function usedHeapBytes(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const usage = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usage.usedSize;
}

/** The key pair bound to the most instances, the one an admin with a big fleet would clean up first. */
function busiestKeyPair(instances: ReadonlyArray<{ keyPairName: string }>): string {
  const counts = new Map<string, number>();
  for (const instance of instances) {
    if (instance.keyPairName !== '') counts.set(instance.keyPairName, (counts.get(instance.keyPairName) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** The built renderer with 50,000 instances in Chromium, driven as a user would. */
export async function rendererScenarios(): Promise<Measurement[]> {
  const app = await openBenchBrowserApp({ seed: 9, instances: rowsInFleet });
  try {
    const { page } = app;
    await page.waitForFunction(() => window.__benchProbe.dataAt > 0, null, { timeout: 180_000, polling: 100 });
    await page.getByTestId('instance-row').first().waitFor({ timeout: 60_000 });
    await settle(page, 500);
    const firstPaintMs = await page.evaluate(() => {
      const probe = window.__benchProbe;
      const paint = probe.paints.find((candidate) => candidate.paintedAt > probe.dataAt && candidate.rows);
      return paint === undefined ? Number.NaN : paint.paintedAt - probe.dataAt;
    });
    const heapBytes = await usedHeapBytes(page);

    const keyPairName = busiestKeyPair(app.simulator.fleet.region('cn-beijing')!.instances);
    await page.getByRole('combobox', { name: 'Key pair to detach' }).click();
    await page.keyboard.type(keyPairName);
    await page.getByRole('option', { name: new RegExp(`^${keyPairName} ·`) }).click();
    await settle(page);

    const search = page.getByRole('textbox', { name: 'Search instances' });
    await search.click();
    await settle(page);
    const keystrokes: number[] = [];
    for (const key of typedQuery) {
      await page.keyboard.type(key);
      await settle(page, 150);
      keystrokes.push(await latencyOfLastInput(page));
    }
    const matched = await page.getByTestId('instance-row').count();
    await search.fill('');
    await settle(page, 300);

    await page.getByRole('button', { name: 'Select all that match' }).click();
    await settle(page, 300);
    const selectAllMs = await latencyOfLastInput(page);
    const review = await page.getByRole('button', { name: /Review detach \((\d+)\)/ }).innerText();
    const selected = Number(/\((\d+)\)/.exec(review)?.[1] ?? Number.NaN);

    const scroll = await page.evaluate(({ durationMs, stepPx }) => window.__benchScroll(durationMs, stepPx), { durationMs: scrollMs, stepPx: scrollStepPx });
    const measured = keystrokes.filter((value) => Number.isFinite(value));
    const label = 'Renderer 50k';
    return [
      { name: label, metric: 'data to first painted rows', value: round(firstPaintMs), unit: 'ms', target: { max: 150 }, baseline: null },
      {
        name: label,
        metric: 'keystroke to results painted, p50',
        value: round(percentile(measured, 50)),
        unit: 'ms',
        target: { max: 16 },
        baseline: null,
        note: `typed "${typedQuery}", ${measured.length} of ${typedQuery.length} keys changed the page; ${matched} rows in view at the end`,
      },
      { name: label, metric: 'keystroke to results painted, p95', value: round(percentile(measured, 95)), unit: 'ms', target: { max: 33 }, baseline: null },
      {
        name: label,
        metric: 'select all that match',
        value: round(selectAllMs),
        unit: 'ms',
        target: { max: 16 },
        baseline: null,
        note: `${selected} instances selected (every detachable one bound to the busiest key pair)`,
      },
      {
        name: label,
        metric: 'scroll frame time, p95',
        value: round(percentile(scroll.frameMs, 95)),
        unit: 'ms',
        target: { max: 17 },
        baseline: null,
        note: `${scroll.frameMs.length} frames at ${scrollStepPx} px per frame`,
      },
      { name: label, metric: 'scroll frames with blank rows', value: scroll.blankFrames, unit: 'frames', target: { equals: 0 }, baseline: null },
      { name: label, metric: 'JS heap after load', value: round(heapBytes / 2 ** 20), unit: 'MiB', target: null, baseline: null },
    ];
  } finally {
    await app.close();
  }
}
