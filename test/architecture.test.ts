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
