import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Rules of the codebase that a reviewer should not have to remember; each is a property of the source tree.
const root = path.resolve(import.meta.dirname, '..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|js|cjs|sh)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

async function filesMatching(dirs: string[], pattern: RegExp): Promise<string[]> {
  const found: string[] = [];
  for (const dir of dirs) {
    for (const file of await sourceFiles(dir)) {
      if (pattern.test(await readFile(path.join(root, file), 'utf8'))) found.push(file);
    }
  }
  return found.sort();
}

/** The module specifiers `source` loads at run time: not `import type`, nor imports whose every name is a type. */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    const [, typeOnly, names, from, bare, dynamic] = match;
    if (bare !== undefined || dynamic !== undefined) found.push((bare ?? dynamic)!);
    else if (typeOnly === undefined && !/^\{\s*(type\s+[\w$]+(\s+as\s+[\w$]+)?\s*,?\s*)+\}$/.test(names!)) found.push(from!);
  }
  return found;
}

/** Every chain of runtime imports from a renderer file to zod, as `file > module > ... > zod`. */
async function rendererPathsToZod(): Promise<string[]> {
  const chains: string[] = [];
  const seen = new Set<string>();
  const visit = async (file: string, chain: string[]): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(await readFile(path.join(root, file), 'utf8'))) {
      if (specifier === 'zod' || specifier.startsWith('zod/')) chains.push([...chain, file, specifier].join(' > '));
      if (!specifier.startsWith('.')) continue;
      const base = path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier));
      for (const candidate of [base, `${base}.ts`, `${base}.tsx`]) {
        if (/\.tsx?$/.test(candidate) && (await readFile(path.join(root, candidate)).then(() => true, () => false))) await visit(candidate, [...chain, file]);
      }
    }
  };
  for (const file of await sourceFiles('renderer')) await visit(file, []);
  return chains;
}

describe('architecture', () => {
  it('imports keytar in exactly one file', async () => {
    expect(await filesMatching(['electron', 'renderer', 'shared'], /from\s+['"]keytar['"]|import\(\s*['"]keytar['"]\s*\)|require\(\s*['"]keytar['"]\s*\)/)).toEqual([
      'electron/keychain/keytar-secret-store.ts',
    ]);
  });

  it('registers ipcMain handlers in exactly one file', async () => {
    expect(await filesMatching(['electron', 'renderer', 'shared'], /ipcMain\s*\.\s*(handle|handleOnce|on|once)\s*\(/)).toEqual([
      'electron/ipc/register-ipc.ts',
    ]);
  });

  it('never calls keytar findCredentials, which crashes the process on a locked Linux keyring', async () => {
    expect(await filesMatching(['electron'], /findCredentials/)).toEqual([]);
  });

  it('keeps the renderer away from Node, Electron and main', async () => {
    expect(await filesMatching(['renderer'], /from\s+['"](node:|electron['"]|keytar['"]|(\.\.\/)+electron\/)/)).toEqual([]);
  });

  it('lets only the renderer\'s stores (each beside its feature) call window.api: components render state and call store actions', async () => {
    const callers = await filesMatching(['renderer'], /windowApi\(|window\.api\b|from\s+['"][./]*api\/window-api['"]/);
    const isStore = (file: string) => file.endsWith('-store.ts');
    expect(callers.filter((file) => !isStore(file) && !file.startsWith('renderer/src/api/'))).toEqual([]);
  });

  it('keeps zod out of the renderer: its runtime imports never reach a module that imports zod (types are free)', async () => {
    expect(await rendererPathsToZod()).toEqual([]);
  });

  it('reads nothing outside the project (no ../shared of the workspace)', async () => {
    expect(
      await filesMatching(['electron', 'renderer', 'shared', 'test'], /['"`](\.\.\/)+shared\/(volcengine|style|perf)/),
    ).toEqual([]);
  });

  it('reaches the simulator from electron/ only through the demo, which main loads by dynamic import alone', async () => {
    // The bundle-level proof is test/electron/main-bundle.test.ts; this names the file that broke the rule.
    expect(await filesMatching(['electron'], /from\s+['"](\.\.\/)+simulator\//)).toEqual(['electron/demo/demo-cloud.ts']);
    // A type-only import is erased from the bundle, so it is allowed.
    expect(await filesMatching(['electron'], /^import\s+(?!type\b)[^;]*from\s+['"][./]+demo\/demo-cloud['"]/m)).toEqual([]);
  });
});
