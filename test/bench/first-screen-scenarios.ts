import type { Page } from '@playwright/test';
import { percentile, round, type Measurement } from './bench-results';
import { openBenchBrowserApp } from './bench-browser-app';

/** The workspace's first control, in reading order: the profile picker. */
const firstControl = '[role="combobox"][aria-label="Profile"]';

/**
 * Watches, from the first DOM of the page, for the first screen's first control (marked `firstScreen`) and then
 * for its answer to a click, the open list of profiles (marked `answered`). Times are from navigation start:
 * `performance.now()` counts from the page's time origin, the start of the navigation.
 */
const watchFirstScreen = `document.addEventListener('DOMContentLoaded', () => {
  window.__benchWatch('firstScreen', () => document.querySelector(${JSON.stringify(firstControl)}) !== null);
  window.__benchWatch('answered', () => [...document.querySelectorAll('[role="listbox"]')].some((list) => list.getBoundingClientRect().height > 0));
});`;

interface FirstScreenSession {
  /** Navigation start to the paint of the frame with the first screen's first control. */
  shownMs: number;
  /** Navigation start to the paint of the control's answer to a click given as soon as it was shown. */
  interactiveMs: number;
}

/** The first paint at or after `at` (a time from navigation start). */
async function paintAfter(page: Page, watch: string): Promise<number> {
  await page.waitForFunction((name) => {
    const probe = window.__benchProbe;
    const at = probe.watches[name];
    return at !== undefined && probe.paints.some((paint) => paint.paintedAt >= at);
  }, watch, { polling: 'raf', timeout: 30_000 });
  return page.evaluate((name) => {
    const probe = window.__benchProbe;
    const at = probe.watches[name]!;
    return probe.paints.find((paint) => paint.paintedAt >= at)!.paintedAt;
  }, watch);
}

/** One fresh browser, one navigation: the built renderer as the packaged app loads it (all its files local). */
async function firstScreenSession(): Promise<FirstScreenSession> {
  const app = await openBenchBrowserApp({ fleet: { seed: 3, instances: 1_000 }, initScript: watchFirstScreen });
  try {
    const { page } = app;
    // As soon as the control is there (checked every frame), the user clicks it: a real input, through the browser.
    await page.waitForFunction(() => window.__benchProbe.watches.firstScreen !== undefined, null, { polling: 'raf', timeout: 30_000 });
    const box = await page.locator(firstControl).boundingBox();
    if (box === null) throw new Error('the first control has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => window.__benchProbe.watches.answered !== undefined, null, { polling: 'raf', timeout: 30_000 });
    return { shownMs: await paintAfter(page, 'firstScreen'), interactiveMs: await paintAfter(page, 'answered') };
  } finally {
    await app.close();
  }
}

/**
 * "Navigation to first screen interactive", in `sessions` fresh browsers: from navigation start to the paint of the
 * workspace's answer to its first control (the profile picker's list, open), the control clicked as soon as it is
 * in the page. What it includes: loading and running the JavaScript and CSS index.html asks for, main's first
 * answers (app info, settings, profiles) and the first render, then the click's own handling and paint.
 */
export async function firstScreenScenarios(sessions = 5): Promise<Measurement[]> {
  const results: FirstScreenSession[] = [];
  for (let session = 0; session < sessions; session += 1) results.push(await firstScreenSession());
  const median = (pick: (result: FirstScreenSession) => number) => round(percentile(results.map(pick), 50));
  const each = (pick: (result: FirstScreenSession) => number) => results.map((result) => round(pick(result))).join(', ');
  return [
    {
      name: 'Renderer',
      metric: 'navigation to first screen interactive',
      value: median((result) => result.interactiveMs),
      unit: 'ms',
      target: { max: 250 },
      baseline: null,
      note: `median of ${sessions} fresh pages (${each((result) => result.interactiveMs)} ms); the first control shown at ${median((result) => result.shownMs)} ms (median), the rest is the click and its answer`,
    },
  ];
}
