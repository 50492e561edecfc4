// A child process for test/electron/main-bundle.test.ts: loads a built main.cjs (the esbuild bundle Electron runs)
// with the recording stand-in for `electron`, waits until it has created its window, and prints one JSON line:
// every function of the bundle that comes from simulator/ with the number of times it ran (V8's precise
// coverage, taken in this process), the lifecycle calls main made in order, and the paths it set.
//
//   tsx run-built-main.ts <main.cjs> <userData> [--demo]
import Module, { createRequire } from 'node:module';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { createFakeElectron } from './fake-electron';

const [mainPath, userDataDir, ...flags] = process.argv.slice(2);
if (mainPath === undefined || userDataDir === undefined) throw new Error('usage: run-built-main.ts <main.cjs> <userData> [--demo]');

const session = new Session();
session.connect();
await session.post('Profiler.enable');
// Started before the bundle is compiled, so every function in it is counted, including those that never run.
await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });

const fake = createFakeElectron(userDataDir);
// The bundle leaves `electron` external: answer its require with the stand-in, and nothing else changes.
const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = moduleWithLoad._load;
moduleWithLoad._load = (request, ...rest) => (request === 'electron' ? fake : load(request, ...rest));
// main reads `--demo` from its own argv, as Electron passes it.
process.argv = [process.execPath, mainPath, ...flags];
console.log = () => undefined;

createRequire(import.meta.url)(mainPath);
const deadline = Date.now() + 30_000;
while (fake.BrowserWindow.instances.length === 0) {
  if (Date.now() > deadline) throw new Error('main created no window within 30 s');
  await new Promise((resolve) => setTimeout(resolve, 50));
}

const { result } = await session.post('Profiler.takePreciseCoverage');
const bundle = result.find((script) => script.url === pathToFileURL(mainPath).href || script.url === mainPath);
if (bundle === undefined) throw new Error(`no coverage for ${mainPath}`);
const simulatorFunctions = bundle.functions
  .filter((fn) => fn.functionName.startsWith('simulator/'))
  .map((fn) => ({ name: fn.functionName, runs: fn.ranges[0]?.count ?? 0 }));

process.stdout.write(
  `${JSON.stringify({ simulatorFunctions, lifecycle: fake.app.lifecycle, paths: Object.fromEntries(fake.app.paths) })}\n`,
);
process.exit(0);
