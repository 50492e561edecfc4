import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { valueOf } from '../electron/support/app-under-test';
import { round, type Measurement } from './bench-results';
import { startBenchCore } from './bench-core';

const root = path.resolve(import.meta.dirname, '../..');
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
 * The built renderer's JavaScript and CSS (dist/renderer, from `npm run build`), raw and gzip level 9, all chunks
 * together; the JavaScript index.html loads at start is shown on its own when code is split.
 */
export async function bundleScenarios(): Promise<Measurement[]> {
  const distDir = path.join(root, 'dist', 'renderer');
  const assets = path.join(distDir, 'assets');
  const names = await readdir(assets);
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const js = names.filter((name) => name.endsWith('.js')).map((name) => path.join(assets, name));
  const css = names.filter((name) => name.endsWith('.css')).map((name) => path.join(assets, name));
  const initialJs = names.filter((name) => name.endsWith('.js') && html.includes(name)).map((name) => path.join(assets, name));
  const jsWeight = await weigh(js);
  const cssWeight = await weigh(css);
  const initialWeight = await weigh(initialJs);
  const label = 'Weight';
  return [
    { name: label, metric: 'renderer JS, gzip', value: kib(jsWeight.gzip), unit: 'KiB', target: { max: 200 }, baseline: null, note: `${js.length} file(s)` },
    { name: label, metric: 'renderer JS, raw', value: kib(jsWeight.raw), unit: 'KiB', target: null, baseline: null },
    { name: label, metric: 'renderer JS loaded at start, gzip', value: kib(initialWeight.gzip), unit: 'KiB', target: null, baseline: null },
    { name: label, metric: 'renderer CSS, gzip', value: kib(cssWeight.gzip), unit: 'KiB', target: { max: 25 }, baseline: null },
    { name: label, metric: 'renderer CSS, raw', value: kib(cssWeight.raw), unit: 'KiB', target: null, baseline: null },
  ];
}

function settledMemory(): NodeJS.MemoryUsage {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run the bench with node --expose-gc (npm run bench does)');
  collect();
  collect();
  return process.memoryUsage();
}

/**
 * What main holds for a loaded 50,000-instance region: the heap and RSS of this process after a full inventory
 * load, minus before it, with the simulator's own fleet already in memory on both sides. Only the count of the answered
 * inventory is kept (in the app it is copied to the renderer and let go); main keeps its own record.
 */
export async function mainMemoryScenarios(instances: number): Promise<Measurement[]> {
  const bench = await startBenchCore({ generate: { seed: 8, instances, regions: ['cn-beijing'] } });
  try {
    const before = settledMemory();
    const loaded = valueOf(await bench.api.inventory.load({ profileId: bench.profileId, regionId: 'cn-beijing', jobId: 'bench-memory' })).instances.length;
    const after = settledMemory();
    if (loaded !== instances) throw new Error(`loaded ${loaded} of ${instances} instances`);
    const label = `Main process ${instances / 1000}k`;
    const mib = (bytes: number) => round(bytes / 2 ** 20);
    return [
      { name: label, metric: 'heap held by the inventory', value: mib(after.heapUsed - before.heapUsed), unit: 'MiB', target: null, baseline: null },
      { name: label, metric: 'RSS growth', value: mib(after.rss - before.rss), unit: 'MiB', target: null, baseline: null },
    ];
  } finally {
    await bench.close();
  }
}
