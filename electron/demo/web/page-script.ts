import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles page/web-api.ts (createApi and the HTTP transport) for the browser, as build:electron bundles the
 * preload. Built when the demo starts, so the script always matches the contract the server answers.
 */
export async function bundleWebApiScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'page', 'web-api.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no window.api script');
  return output.text;
}
