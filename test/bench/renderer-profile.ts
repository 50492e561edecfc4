/**
 * `node --import tsx test/bench/renderer-profile.ts [sessions]` (after `npm run build:renderer`): the work behind the
 * renderer bench's keystroke, select-all and scroll numbers, counted rather than timed, so that two versions of the
 * table can be compared on a busy machine. Per keystroke of the bench's query and for select all and the scroll:
 * the DOM mutations it caused (nodes added and removed, attributes and text changed), and Chromium's own counters
 * (`Performance.getMetrics`: script, style and layout time, style recalcs and layouts). Latencies are printed too,
 * measured as the bench does, but on a loaded machine only the counts are comparable run to run.
 *
 * Not part of `npm run bench`: it prints, it judges nothing and writes no file.
 */
import type { CDPSession, Page } from '@playwright/test';
import { percentile, round } from './bench-results';
import { latencyOfLastInput, openLoadedRegion, pickBusiestKeyPair, settle, typedQuery } from './renderer-page-steps';

const metricNames = ['ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'TaskDuration', 'RecalcStyleCount', 'LayoutCount', 'Nodes'] as const;
type Metrics = Record<(typeof metricNames)[number], number>;

interface MutationCounts {
  added: number;
  removed: number;
  attributes: number;
  text: number;
}

interface Sample extends MutationCounts {
  label: string;
  /** Instance rows in the DOM afterwards. */
  rows: number;
  latencyMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  taskMs: number;
  styleRecalcs: number;
  layouts: number;
}

const countScript = `(() => {
  const counts = { added: 0, removed: 0, attributes: 0, text: 0 };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') {
        counts.added += record.addedNodes.length;
        counts.removed += record.removedNodes.length;
      } else if (record.type === 'attributes') counts.attributes += 1;
      else counts.text += 1;
    }
  });
  observer.observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true });
  window.__profileCounts = counts;
})()`;

async function metrics(session: CDPSession): Promise<Metrics> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  const byName = new Map(list.map((metric) => [metric.name, metric.value]));
  return Object.fromEntries(metricNames.map((name) => [name, byName.get(name) ?? 0])) as Metrics;
}

async function takeCounts(page: Page): Promise<MutationCounts> {
  return page.evaluate(() => {
    const counts = (window as unknown as { __profileCounts: MutationCounts }).__profileCounts;
    const taken = { ...counts };
    counts.added = 0;
    counts.removed = 0;
    counts.attributes = 0;
    counts.text = 0;
    return taken;
  });
}

/** Runs `act`, waits for the page to settle and returns what it cost. */
async function measured(page: Page, session: CDPSession, label: string, act: () => Promise<unknown>, quietMs = 150): Promise<Sample> {
  await takeCounts(page);
  const before = await metrics(session);
  await act();
  await settle(page, quietMs);
  const after = await metrics(session);
  const counts = await takeCounts(page);
  const ms = (name: keyof Metrics) => round((after[name] - before[name]) * 1000);
  const rows = await page.getByTestId('instance-row').count();
  return {
    label,
    rows,
    latencyMs: round(await latencyOfLastInput(page)),
    ...counts,
    scriptMs: ms('ScriptDuration'),
    styleMs: ms('RecalcStyleDuration'),
    layoutMs: ms('LayoutDuration'),
    taskMs: ms('TaskDuration'),
    styleRecalcs: after.RecalcStyleCount - before.RecalcStyleCount,
    layouts: after.LayoutCount - before.LayoutCount,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

/** Main-thread time by trace event over the typed keys (events nest: an EventDispatch holds its FunctionCalls). */
function printTrace(buffer: Buffer): void {
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };
  const main = traceEvents.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')?.tid;
  const totals = new Map<string, { ms: number; count: number }>();
  for (const event of traceEvents) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const key = event.tid === main ? event.name : `(other thread) ${event.name}`;
    const total = totals.get(key) ?? { ms: 0, count: 0 };
    total.ms += event.dur / 1000;
    total.count += 1;
    totals.set(key, total);
  }
  // The timeline of each key press: what ran on the main thread from its keydown until the next one's.
  if (process.env.PROFILE_TIMELINE === '1') {
    const names = new Set(['EventDispatch', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'FireAnimationFrame', 'RunMicrotasks', 'MinorGC', 'MajorGC']);
    const mainEvents = traceEvents
      .filter((event) => event.tid === main && event.ph === 'X' && names.has(event.name))
      .sort((a, b) => a.ts - b.ts);
    const keydowns = mainEvents.filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown');
    for (const [index, keydown] of keydowns.entries()) {
      const end = keydowns[index + 1]?.ts ?? Number.POSITIVE_INFINITY;
      const line = mainEvents
        .filter((event) => event.ts >= keydown.ts && event.ts < Math.min(end, keydown.ts + 80_000) && event.name !== 'FunctionCall')
        .map((event) => `${event.name === 'EventDispatch' ? event.args?.data?.type : event.name}@${round((event.ts - keydown.ts) / 1000)}+${round((event.dur ?? 0) / 1000)}`);
      console.log(`key ${index}: ${line.join(' ')}`);
    }
  }
  const top = [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
  console.table(top.map(([name, total]) => ({ name, ms: round(total.ms), count: total.count })));
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples?: number[];
  timeDeltas?: number[];
}

function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (const [index, id] of samples.entries()) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[index + 1] ?? 0) / 1000);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.table(top.map(([name, ms]) => ({ name, ms: round(ms) })));
  const appMs = [...self.entries()].filter(([name]) => name.includes('index-')).reduce((total, [, ms]) => total + ms, 0);
  console.log(`the app's own JavaScript (self time in its bundle): ${round(appMs)} ms`);
}

async function profileSession(): Promise<Sample[]> {
  const loaded = await openLoadedRegion();
  const { app, firstPaintMs } = loaded;
  try {
    const { page } = app;
    await page.evaluate(countScript);
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    await pickBusiestKeyPair(loaded);

    const search = page.getByRole('textbox', { name: 'Search instances' });
    await search.click();
    await settle(page, 150);
    const samples: Sample[] = [{ label: 'first paint', rows: 0, latencyMs: round(firstPaintMs), added: 0, removed: 0, attributes: 0, text: 0, scriptMs: 0, styleMs: 0, layoutMs: 0, taskMs: 0, styleRecalcs: 0, layouts: 0 }];
    // With PROFILE_JS=keys, select or scroll, a sampled JavaScript profile of that phase, self time by function
    // (build unminified to read it).
    const startProfile = async (phase: string) => {
      if (process.env.PROFILE_JS !== phase) return;
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 100 });
      await session.send('Profiler.start');
    };
    const stopProfile = async (phase: string) => {
      if (process.env.PROFILE_JS === phase) printProfile((await session.send('Profiler.stop')).profile);
    };
    await startProfile('keys');
    const tracing = process.env.PROFILE_TRACE === '1';
    if (tracing) await page.context().browser()!.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    // PROFILE_REPEAT=n types the query n times (cleared in between): the least a key cost over the n is the best
    // estimate of its work on a busy machine.
    const repeats = Number(process.env.PROFILE_REPEAT ?? 1);
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      if (repeat > 0) {
        await search.fill('');
        await settle(page, 300);
      }
      for (const key of typedQuery) samples.push(await measured(page, session, `key ${key}`, () => page.keyboard.type(key)));
    }
    if (tracing) printTrace(await page.context().browser()!.stopTracing());
    await stopProfile('keys');
    await search.fill('');
    await settle(page, 300);
    await startProfile('select');
    samples.push(await measured(page, session, 'select all', () => page.getByRole('button', { name: 'Select all that match' }).click(), 300));
    await stopProfile('select');
    await startProfile('scroll');
    samples.push(
      await measured(page, session, 'scroll 3 s', async () => {
        const scroll = await page.evaluate(() => window.__benchScroll(3000, 120));
        const p95 = percentile(scroll.frameMs, 95);
        console.log(`  scroll: ${scroll.frameMs.length} frames, p95 ${round(p95)} ms, p50 ${round(percentile(scroll.frameMs, 50))} ms, ${scroll.blankFrames} blank`);
      }),
    );
    await stopProfile('scroll');
    await session.detach();
    return samples;
  } finally {
    await app.close();
  }
}

const sessions = Number(process.argv[2] ?? 1);
const all: Sample[] = [];
for (let index = 0; index < sessions; index += 1) {
  const samples = await profileSession();
  if (process.env.PROFILE_REPEAT === undefined) console.table(samples);
  all.push(...samples);
}
const keys = all.filter((sample) => sample.label.startsWith('key') && Number.isFinite(sample.latencyMs));
const sum = (pick: (sample: Sample) => number) => round(keys.reduce((total, sample) => total + pick(sample), 0) / Math.max(1, keys.length));
console.log(
  `keys: latency p50 ${round(percentile(keys.map((sample) => sample.latencyMs), 50))} p95 ${round(percentile(keys.map((sample) => sample.latencyMs), 95))}; ` +
    `per key on average: script ${sum((sample) => sample.scriptMs)} ms, style ${sum((sample) => sample.styleMs)} ms, layout ${sum((sample) => sample.layoutMs)} ms, ` +
    `task ${sum((sample) => sample.taskMs)} ms, nodes added ${sum((sample) => sample.added)}, attributes ${sum((sample) => sample.attributes)}, text ${sum((sample) => sample.text)}`,
);

// The least each key cost over every repetition and session, by its place in the query.
const best = [...typedQuery].map((key, place) => {
  const ofKey = all.filter((sample) => sample.label.startsWith('key')).filter((_sample, index) => index % typedQuery.length === place);
  const least = (pick: (sample: Sample) => number) => round(Math.min(...ofKey.map(pick)));
  const median = (pick: (sample: Sample) => number) => round(percentile(ofKey.map(pick), 50));
  return { key, samples: ofKey.length, minScriptMs: least((s) => s.scriptMs), medScriptMs: median((s) => s.scriptMs), minLayoutMs: least((s) => s.layoutMs), minTaskMs: least((s) => s.taskMs), minLatencyMs: least((s) => s.latencyMs), medLatencyMs: median((s) => s.latencyMs), attributes: least((s) => s.attributes) };
});
console.table(best);
console.log(`best script over the query: ${round(best.reduce((total, key) => total + key.minScriptMs, 0))} ms; best task: ${round(best.reduce((total, key) => total + key.minTaskMs, 0))} ms`);
