import { existsSync } from 'node:fs';
import path from 'node:path';
import { extractFile, getRawHeader, uncache, type DirectoryRecord, type FileRecord } from '@electron/asar';

/** One entry of an archive, by its path inside it (forward slashes, no leading slash). */
export interface AsarEntry {
  path: string;
  kind: 'file' | 'directory' | 'link';
  /** True when the file lives in `app.asar.unpacked` beside the archive instead of inside it. */
  unpacked: boolean;
}

/** Every entry of an asar archive, read from its header. */
export function listAsarEntries(asarPath: string): AsarEntry[] {
  const entries: AsarEntry[] = [];
  const walk = (directory: DirectoryRecord, prefix: string) => {
    for (const [name, record] of Object.entries(directory.files)) {
      const entryPath = prefix === '' ? name : `${prefix}/${name}`;
      if ('files' in record) {
        entries.push({ path: entryPath, kind: 'directory', unpacked: false });
        walk(record, entryPath);
      } else {
        const file: Partial<FileRecord> & { link?: string } = record;
        entries.push({ path: entryPath, kind: file.link === undefined ? 'file' : 'link', unpacked: file.unpacked === true });
      }
    }
  };
  try {
    walk(getRawHeader(asarPath).header, '');
  } finally {
    uncache(asarPath);
  }
  return entries;
}

export interface AppAsarExpectations {
  /** `package.json`'s `main`: the file the packaged app starts. */
  main: string;
  /** Packages only dev dependencies need (from the lockfile); none may be in the archive. */
  devOnlyPackages: ReadonlySet<string>;
}

/** The app's own files that must be in the archive; renderer assets are matched by pattern since Vite hashes names. */
const requiredFiles = ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'node_modules/keytar/package.json', 'node_modules/keytar/lib/keytar.js'];
const requiredPatterns: ReadonlyArray<[RegExp, string]> = [
  [/^dist\/renderer\/assets\/[^/]+\.js$/, 'the renderer script (dist/renderer/assets/*.js)'],
  [/^dist\/renderer\/assets\/[^/]+\.css$/, 'the renderer styles (dist/renderer/assets/*.css)'],
  [/^node_modules\/keytar\/.+\.node$/, "keytar's native module (node_modules/keytar/**/*.node)"],
];

/** Only these may sit at the top of the archive: everything else (sources, tests, configs) stays out. */
const allowedTopLevel = new Set(['package.json', 'dist', 'node_modules']);
const allowedInDist = new Set(['electron', 'renderer']);

const typeScriptFile = /\.(ts|tsx|mts|cts)$/;
const sourceMap = /\.map$/;
const testFile = /(^|\/)(test|tests|__tests__)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/** The package a `node_modules/...` path belongs to (scoped or not), for the innermost node_modules. */
export function packageOf(entryPath: string): string | undefined {
  const parts = entryPath.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at === -1 || at + 1 >= parts.length) return undefined;
  const first = parts[at + 1]!;
  if (!first.startsWith('@')) return first;
  return at + 2 < parts.length ? `${first}/${parts[at + 2]}` : undefined;
}

/**
 * What is wrong with a packaged `app.asar`, as sentences; empty when it is right. Right means: the built main,
 * preload and renderer and the production dependencies are in; keytar's `.node` file is unpacked (a native module
 * cannot be loaded from inside an archive) and present on disk; and no TypeScript, source map, test, source folder
 * or dev dependency came along.
 */
export function findAppAsarProblems(asarPath: string, expected: AppAsarExpectations): string[] {
  const entries = listAsarEntries(asarPath);
  const files = entries.filter((entry) => entry.kind !== 'directory');
  const paths = new Set(entries.map((entry) => entry.path));
  const problems: string[] = [];

  for (const file of requiredFiles) if (!paths.has(file)) problems.push(`missing ${file}`);
  for (const [pattern, what] of requiredPatterns) {
    if (!files.some((entry) => pattern.test(entry.path))) problems.push(`missing ${what}`);
  }
  if (paths.has('package.json')) {
    const main = (JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main?: unknown }).main;
    if (main !== expected.main) problems.push(`package.json's main is ${JSON.stringify(main)}, not ${JSON.stringify(expected.main)}`);
    else if (!paths.has(expected.main)) problems.push(`package.json's main ${expected.main} is not in the archive`);
  }
  uncache(asarPath);

  for (const entry of entries) {
    const segments = entry.path.split('/');
    if (segments.length === 1 && !allowedTopLevel.has(entry.path)) {
      problems.push(`unexpected ${entry.path} at the top of the archive (only ${[...allowedTopLevel].join(', ')} belong there)`);
    }
    if (segments.length === 2 && segments[0] === 'dist' && !allowedInDist.has(segments[1]!)) {
      problems.push(`unexpected ${entry.path} (only dist/electron and dist/renderer are packaged)`);
    }
  }
  for (const file of files) {
    if (typeScriptFile.test(file.path)) problems.push(`TypeScript file ${file.path}`);
    if (sourceMap.test(file.path)) problems.push(`source map ${file.path}`);
    if (!file.path.startsWith('node_modules/') && testFile.test(file.path)) problems.push(`test file ${file.path}`);
    if (file.path.endsWith('.node')) {
      if (!file.unpacked) problems.push(`native module ${file.path} is inside the archive; it must be unpacked`);
      else if (!existsSync(path.join(`${asarPath}.unpacked`, ...file.path.split('/')))) {
        problems.push(`native module ${file.path} is marked unpacked but missing from app.asar.unpacked`);
      }
    }
  }
  const devPackages = new Set(
    entries.map((entry) => packageOf(entry.path)).filter((name): name is string => name !== undefined && expected.devOnlyPackages.has(name)),
  );
  for (const name of [...devPackages].sort()) problems.push(`dev dependency ${name} is in node_modules`);
  return problems;
}
