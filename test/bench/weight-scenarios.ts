import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { round, type Measurement } from './bench-results';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const kib = (bytes: number) => round(bytes / 1024);

interface Weight {
  raw: number;
  gzip: number;
}

async function weigh(files: readonly string[]): Promise<Weight> {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = await readFile(file);
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

/**
 * The JavaScript the first screen waits for: the module scripts and module preloads index.html names, and every
 * chunk they import statically (`import ... from "./chunk.js"`), however deep; chunks only reached by `import()`
 * load on demand and are left out.
 */
export async function initialChunks(distDir: string): Promise<string[]> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((match) => match[1]!);
  const found = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (found.has(file)) return;
    found.add(file);
    const code = await readFile(path.join(distDir, file), 'utf8');
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) await visit(path.posix.join(path.posix.dirname(file), match[1]!));
  };
  for (const file of named) await visit(file);
  return [...found].sort();
}

/**
 * The built renderer's JavaScript and CSS (dist/renderer, from `npm run build`), raw and gzip level 9: all chunks
 * together, and the JavaScript loaded before the first screen (`initialChunks`).
 */
export async function bundleScenarios(): Promise<Measurement[]> {
  const distDir = path.join(root, 'dist', 'renderer');
  const assets = path.join(distDir, 'assets');
  const names = await readdir(assets);
  const js = names.filter((name) => name.endsWith('.js')).map((name) => path.join(assets, name));
  const css = names.filter((name) => name.endsWith('.css')).map((name) => path.join(assets, name));
  const initial = await initialChunks(distDir);
  const jsWeight = await weigh(js);
  const cssWeight = await weigh(css);
  const initialWeight = await weigh(initial.map((file) => path.join(distDir, file)));
  const label = 'Weight';
  return [
    { name: label, metric: 'renderer JS, gzip', value: kib(jsWeight.gzip), unit: 'KiB', target: { max: 200 }, baseline: null, note: `${js.length} file(s), each gzipped on its own` },
    { name: label, metric: 'renderer JS, raw', value: kib(jsWeight.raw), unit: 'KiB', target: null, baseline: null },
    {
      name: label,
      metric: 'renderer JS loaded before the first screen, gzip',
      value: kib(initialWeight.gzip),
      unit: 'KiB',
      target: { max: 120 },
      baseline: null,
      note: `${initial.length} file(s): what index.html loads and preloads, and their static imports; the rest loads on demand`,
    },
    { name: label, metric: 'renderer CSS, gzip', value: kib(cssWeight.gzip), unit: 'KiB', target: { max: 25 }, baseline: null },
    { name: label, metric: 'renderer CSS, raw', value: kib(cssWeight.raw), unit: 'KiB', target: null, baseline: null },
  ];
}

/**
 * What main holds for a loaded 50,000-instance region, measured in a fresh process (main-memory-probe.ts) so that
 * nothing the other scenarios left behind blurs it.
 */
export async function mainMemoryScenarios(instances: number): Promise<Measurement[]> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'main-memory-probe.ts'), String(instances)], {
    cwd: root,
    timeout: 120_000,
  });
  const { heapBytes, rssBytes, peakHeapBytes } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { heapBytes: number; rssBytes: number; peakHeapBytes: number };
  const label = `Main process ${instances / 1000}k`;
  const mib = (bytes: number) => round(bytes / 2 ** 20);
  return [
    { name: label, metric: 'heap held by the inventory', value: mib(heapBytes), unit: 'MiB', target: null, baseline: null, note: 'what main keeps of the region: its own record of every instance, which plans are checked against' },
    {
      name: label,
      metric: 'heap at most, while the pages streamed',
      value: mib(peakHeapBytes),
      unit: 'MiB',
      target: null,
      baseline: null,
      note: 'above the start, sampled every 20 ms; each page crosses IPC once and is not kept',
    },
    { name: label, metric: 'RSS growth over the load', value: mib(rssBytes), unit: 'MiB', target: null, baseline: null },
  ];
}
