/**
 * Run by the bench in a fresh Node process (node --expose-gc): loads a region of N instances through window.api
 * and prints, as JSON, how much the heap and RSS grew. The simulator's own fleet is in memory before the first
 * reading, so the difference is what main keeps (the inventory service's record of every instance), plus the
 * answer the load returned, which is only counted and let go (in the app it is copied to the renderer).
 */
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
const bench = await startBenchCore({ generate: { seed: 8, instances, regions: ['cn-beijing'] } });
const before = settledMemory();
const loaded = valueOf(await bench.api.inventory.load({ profileId: bench.profileId, regionId: 'cn-beijing', jobId: 'bench-memory' })).instances.length;
const after = settledMemory();
if (loaded !== instances) throw new Error(`loaded ${loaded} of ${instances} instances`);
await bench.close();
console.log(JSON.stringify({ heapBytes: after.heapUsed - before.heapUsed, rssBytes: after.rss - before.rss }));
