/**
 * `npm run bench`: every scenario of issues 8 and 12 against the simulator and the built renderer, one after another
 * (never in parallel, so none skews another). Prints the table and writes test/bench/results.json.
 *
 * BENCH_FULL=1 also measures the 50,000-instance inventory baseline (4 more minutes) instead of scaling the 10,000
 * one. BENCH_ONLY=inventory,detach,renderer,stream,weight runs some groups only (the file then holds only those).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatTable, judged, type BenchResults, type Measurement } from './bench-results';
import { machineInfo } from './machine-info';
import { detachScenarios, inventoryScenarios, zoneParallelScenarios } from './main-process-scenarios';
import { firstScreenScenarios } from './first-screen-scenarios';
import { rendererScenarios } from './renderer-scenarios';
import { streamScenarios } from './stream-scenarios';
import { bundleScenarios, mainMemoryScenarios } from './weight-scenarios';

const groups = new Set((process.env.BENCH_ONLY ?? 'inventory,detach,renderer,stream,weight').split(','));
const full = process.env.BENCH_FULL === '1';

async function timed<T>(title: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  process.stdout.write(`${title} ... `);
  const result = await run();
  process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

const started = performance.now();
const measurements: Measurement[] = [];
if (groups.has('inventory')) {
  const small = await timed('inventory 10k (and its page-size-10 baseline)', () => inventoryScenarios(10_000, { measureBaseline: true }));
  measurements.push(...small.measurements);
  const large = await timed(`inventory 50k${full ? ' (and its baseline)' : ''}`, () =>
    inventoryScenarios(50_000, { measureBaseline: full, ...(small.baseline ? { baselineFrom: small.baseline } : {}) }),
  );
  measurements.push(...large.measurements);
  measurements.push(...(await timed('inventory 50k in 4 uneven zones', () => zoneParallelScenarios(50_000))));
}
if (groups.has('detach')) measurements.push(...(await timed('detach 10k (and its one-batch-at-a-time baseline)', () => detachScenarios(10_000))));
if (groups.has('renderer')) {
  measurements.push(...(await timed('navigation to first screen interactive, in Chromium', () => firstScreenScenarios())));
  measurements.push(...(await timed('renderer with 50k rows in Chromium', () => rendererScenarios())));
}
if (groups.has('stream')) measurements.push(...(await timed('50k streamed, key-scoped and cached, in Chromium', () => streamScenarios())));
if (groups.has('weight')) {
  measurements.push(...(await timed('bundle weight', () => bundleScenarios())));
  measurements.push(...(await timed('main-process memory, 50k (in a fresh process)', () => mainMemoryScenarios(50_000))));
}

const results: BenchResults = { machine: await machineInfo(), scenarios: measurements.map(judged) };
const file = path.join(import.meta.dirname, 'results.json');
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${formatTable(results.scenarios)}\n`);
const missed = results.scenarios.filter((scenario) => scenario.met === false);
console.log(`${results.scenarios.length - missed.length} of ${results.scenarios.length} judged scenarios met their target; ${missed.length} missed.`);
console.log(`Wrote ${path.relative(process.cwd(), file)} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
