/**
 * Run by the bench in a fresh Node process (node --expose-gc): lists a region of N instances through window.api
 * and prints, as JSON, how much the heap and RSS grew, and the most the heap held above the start while the pages
 * streamed. The simulator's own fleet is in memory before the first reading, so the difference is what main keeps
 * (its record of every instance, which plans are checked against). The page events go to the harness, which lets
 * them go (in the app they cross IPC, once each).
 */
import type { InventoryPage } from '../../shared/domain/inventory';
import { valueOf } from '../electron/support/app-under-test';
import { startBenchCore } from './bench-core';

function settledMemory(): NodeJS.MemoryUsage {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with node --expose-gc');
  collect();
  collect();
  return process.memoryUsage();
}

const instances = Number(process.argv[2] ?? 50_000);
let pages = 0;
let delivered = 0;
const bench = await startBenchCore(
  { generate: { seed: 8, instances, regions: ['cn-beijing'] } },
  {},
  {
    recordEvents: false,
    // Each page is counted and let go, as the IPC layer hands it to the renderer and keeps nothing.
    onEvent: (wire, payload) => {
      if (!wire.endsWith('inventory.page')) return;
      pages += 1;
      delivered += (payload as InventoryPage).instances.length;
    },
  },
);
// Reads as fast as the simulator answers: the memory, not the pace, is measured here.
await bench.api.settings.update({ readRequestsPerSecond: 100 });
const before = settledMemory();
let peakHeap = before.heapUsed;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
const listed = valueOf(await bench.api.inventory.list({ profileId: bench.profileId, regionId: 'cn-beijing', jobId: 'bench-memory-1', scope: { kind: 'region' } }));
await bench.core.inventory.settled();
clearInterval(sampler);
const after = settledMemory();
if (listed.state !== 'complete' || delivered !== instances) throw new Error(`listed ${delivered} of ${instances} instances (${listed.state}, ${pages} pages)`);
await bench.close();
console.log(JSON.stringify({ heapBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss - before.rss, peakHeapBytes: peakHeap - before.heapUsed }));
