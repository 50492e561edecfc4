import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPackageWithOptions } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
import { findAppAsarProblems, packageOf } from '../../packaging/asar-contents';

const base = await mkdtemp(path.join(tmpdir(), 'kpd-asar-'));
const expected = { main: 'dist/electron/main.cjs', devOnlyPackages: new Set(['react', 'zod', '@arco-design/web-react', 'vite', 'typescript']) };

/** The files of a right app, by path. */
const rightApp: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'keypair-desk', main: 'dist/electron/main.cjs' }),
  'dist/electron/main.cjs': '"use strict";',
  'dist/electron/preload.cjs': '"use strict";',
  'dist/renderer/index.html': '<!doctype html>',
  'dist/renderer/assets/index-abc.js': 'void 0;',
  'dist/renderer/assets/index-abc.css': 'body{}',
  'node_modules/keytar/package.json': '{"name":"keytar"}',
  'node_modules/keytar/lib/keytar.js': 'module.exports = {};',
  'node_modules/keytar/build/Release/keytar.node': 'native',
};

let counter = 0;

/** Packs `files` the way electron-builder does (`.node` files unpacked, unless told otherwise) and checks the result. */
async function problemsOf(files: Record<string, string | null>, options: { unpackNative?: boolean } = {}): Promise<string[]> {
  const dir = path.join(base, `app-${counter++}`);
  for (const [file, content] of Object.entries({ ...rightApp, ...files })) {
    if (content === null) continue;
    await mkdir(path.dirname(path.join(dir, 'src', file)), { recursive: true });
    await writeFile(path.join(dir, 'src', file), content);
  }
  const asarPath = path.join(dir, 'app.asar');
  await createPackageWithOptions(path.join(dir, 'src'), asarPath, options.unpackNative === false ? {} : { unpack: '*.node' });
  return findAppAsarProblems(asarPath, expected);
}

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the app.asar check', () => {
  it('passes the built main, preload, renderer and keytar with its native module unpacked', async () => {
    expect(await problemsOf({})).toEqual([]);
  });

  it('fails on a TypeScript source, even a declaration file', async () => {
    expect(await problemsOf({ 'dist/electron/main.ts': 'export {};' })).toEqual(['TypeScript file dist/electron/main.ts']);
    expect(await problemsOf({ 'node_modules/keytar/keytar.d.ts': 'export {};' })).toEqual(['TypeScript file node_modules/keytar/keytar.d.ts']);
  });

  it('fails on a source map', async () => {
    expect(await problemsOf({ 'dist/renderer/assets/index-abc.js.map': '{}' })).toEqual(['source map dist/renderer/assets/index-abc.js.map']);
  });

  it('fails on tests and on source folders', async () => {
    expect(await problemsOf({ 'dist/electron/main.test.js': '' })).toEqual(['test file dist/electron/main.test.js']);
    expect(await problemsOf({ 'electron/main.js': '' })).toEqual([
      'unexpected electron at the top of the archive (only package.json, dist, node_modules belong there)',
    ]);
    expect(await problemsOf({ 'dist/test/x.js': '' })).toEqual([
      'unexpected dist/test (only dist/electron and dist/renderer are packaged)',
      'test file dist/test/x.js',
    ]);
  });

  it('fails on dev dependencies, scoped or nested', async () => {
    expect(
      await problemsOf({
        'node_modules/react/index.js': '',
        'node_modules/@arco-design/web-react/index.js': '',
        'node_modules/keytar/node_modules/zod/index.js': '',
      }),
    ).toEqual(['dev dependency @arco-design/web-react is in node_modules', 'dev dependency react is in node_modules', 'dev dependency zod is in node_modules']);
  });

  it("fails when keytar's native module is inside the archive", async () => {
    expect(await problemsOf({}, { unpackNative: false })).toEqual([
      'native module node_modules/keytar/build/Release/keytar.node is inside the archive; it must be unpacked',
    ]);
  });

  it('fails when the built main, the renderer or keytar is missing', async () => {
    expect(await problemsOf({ 'dist/electron/main.cjs': null, 'dist/renderer/assets/index-abc.js': null, 'node_modules/keytar/build/Release/keytar.node': null })).toEqual([
      'missing dist/electron/main.cjs',
      'missing the renderer script (dist/renderer/assets/*.js)',
      "missing keytar's native module (node_modules/keytar/**/*.node)",
      "package.json's main dist/electron/main.cjs is not in the archive",
    ]);
  });

  it('fails when package.json starts something else', async () => {
    expect(await problemsOf({ 'package.json': JSON.stringify({ main: 'electron/main.ts' }) })).toEqual([
      `package.json's main is "electron/main.ts", not "dist/electron/main.cjs"`,
    ]);
  });
});

describe('packageOf', () => {
  it('names the package of the innermost node_modules', () => {
    expect(packageOf('node_modules/keytar/lib/keytar.js')).toBe('keytar');
    expect(packageOf('node_modules/@electron/asar/lib/x.js')).toBe('@electron/asar');
    expect(packageOf('node_modules/a/node_modules/b/index.js')).toBe('b');
    expect(packageOf('dist/electron/main.cjs')).toBeUndefined();
  });
});
