import type { Page } from '@playwright/test';
import { percentile, round, type Measurement } from './bench-results';
import { openBenchBrowserApp } from './bench-browser-app';

/** The workspace's first control, in reading order: the profile picker. */
const firstControl = '[role="combobox"][aria-label="Profile"]';
/** What the app asks main for before its first screen (app/app-store.ts, `start`). */
const firstAnswers = ['app.getInfo', 'settings.get', 'profiles.list'];

/**
 * Watches, from the first DOM of the page, for the first screen's first control (marked `firstScreen`) and then
 * for its answer to a click, the open list of profiles (marked `answered`). Times are from navigation start:
 * `performance.now()` counts from the page's time origin, the start of the navigation.
 */
const watchFirstScreen = `document.addEventListener('DOMContentLoaded', () => {
  window.__benchWatch('firstScreen', () => document.querySelector(${JSON.stringify(firstControl)}) !== null);
  window.__benchWatch('answered', () => [...document.querySelectorAll('[role="listbox"]')].some((list) => list.getBoundingClientRect().height > 0));
});
// Where the time goes: main's first answers (asked together, through the test bridge) and when the click arrives.
window.__benchFirstScreen = { firstAnswers: [], longTasks: [] };
new PerformanceObserver((list) => {
  for (const task of list.getEntries()) window.__benchFirstScreen.longTasks.push([task.startTime, task.startTime + task.duration]);
}).observe({ type: 'longtask', buffered: true });
const invoke = window.__kpdInvoke;
window.__kpdInvoke = async (wire, request) => {
  const askedAt = performance.now();
  const answer = await invoke(wire, request);
  if (${JSON.stringify(firstAnswers)}.some((name) => wire.endsWith(name))) window.__benchFirstScreen.firstAnswers.push([askedAt, performance.now()]);
  return answer;
};
addEventListener('mousedown', () => { window.__benchFirstScreen.mousedownAt ??= performance.now(); }, true);`;

interface FirstScreenSession {
  /** Navigation start to the paint of the frame with the first screen's first control. */
  shownMs: number;
  /** Navigation start to the paint of the control's answer to a click given as soon as it was shown. */
  interactiveMs: number;
  /** From asking main for the first screen's facts to the last answer, through the test bridge. */
  firstAnswersMs: number;
  /** From the control's paint to the click's mousedown in the page: Playwright's round trips, and the page's own work. */
  clickArrivalMs: number;
  /** How much of `clickArrivalMs` the page's main thread spent in long tasks (over 50 ms each), its own work. */
  clickArrivalBusyMs: number;
  /** From the mousedown to the paint of the open list: the app's answer to the click. */
  clickAnswerMs: number;
}

declare global {
  interface Window {
    __benchFirstScreen: { firstAnswers: Array<[number, number]>; longTasks: Array<[number, number]>; mousedownAt?: number };
  }
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
    const shownMs = await paintAfter(page, 'firstScreen');
    const interactiveMs = await paintAfter(page, 'answered');
    const { firstAnswers, longTasks, mousedownAt } = await page.evaluate(() => window.__benchFirstScreen);
    if (firstAnswers.length !== 3 || mousedownAt === undefined) throw new Error('the first answers or the click were not seen');
    const firstAnswersMs = Math.max(...firstAnswers.map(([, answeredAt]) => answeredAt)) - Math.min(...firstAnswers.map(([askedAt]) => askedAt));
    const busy = longTasks.reduce((sum, [from, to]) => sum + Math.max(0, Math.min(to, mousedownAt) - Math.max(from, shownMs)), 0);
    return { shownMs, interactiveMs, firstAnswersMs, clickArrivalMs: mousedownAt - shownMs, clickArrivalBusyMs: busy, clickAnswerMs: interactiveMs - mousedownAt };
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
      note:
        `median of ${sessions} fresh pages (${each((result) => result.interactiveMs)} ms); medians: the first control painted at ${median((result) => result.shownMs)} ms, ` +
        `of which ${median((result) => result.firstAnswersMs)} ms waiting for main's first three answers through the test bridge; ` +
        `the click reached the page ${median((result) => result.clickArrivalMs)} ms after that paint (Playwright's round trips; ` +
        `the page was in long tasks for ${median((result) => result.clickArrivalBusyMs)} ms of it), ` +
        `and its list was painted ${median((result) => result.clickAnswerMs)} ms after the mousedown`,
    },
  ];
}
