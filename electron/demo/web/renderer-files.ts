import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createAppProtocolHandler, appOrigin, securityHeaders } from '../../security/app-protocol';
import { contentSecurityPolicyDirectives } from '../../security/content-security-policy';

/** Where the page's `window.api` script is served, in place of the preload. */
const webApiScriptPath = '/kpd-web-api.js';

/**
 * The app's own CSP, with one change: the page may connect to its own origin, where main now answers over HTTP.
 * Still no remote anything, no eval, no inline script.
 */
const webDemoContentSecurityPolicy = Object.entries({ ...contentSecurityPolicyDirectives, 'connect-src': "'self'" })
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join('; ');

export const webDemoSecurityHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  'Content-Security-Policy': webDemoContentSecurityPolicy,
};

export interface ServedFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * The built renderer, unchanged, as the app's app:// protocol handler serves it (same folder rules, same types),
 * except that index.html loads the `window.api` script just before the renderer's: a classic script runs as it
 * is parsed, before any module script, as the preload runs before the page.
 */
export async function createRendererFiles(rendererDir: string, webApiScript: string): Promise<(method: string, pathname: string) => Promise<ServedFile>> {
  const serve = createAppProtocolHandler(rendererDir);
  const index = await readFile(path.join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`The built renderer is missing (${rendererDir}): run npm run build:renderer first.`);
  });
  if (!index.includes('<script')) throw new Error('The built index.html loads no script: is it the renderer?');
  const indexHtml = Buffer.from(index.replace('<script', `<script src="${webApiScriptPath}"></script>\n    <script`));
  const script = Buffer.from(webApiScript);
  const own = (contentType: string, body: Buffer): ServedFile => ({
    status: 200,
    headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache', ...webDemoSecurityHeaders },
    body,
  });
  return async (method, pathname) => {
    if (method === 'GET' && (pathname === '/' || pathname === '/index.html')) return own('text/html; charset=utf-8', indexHtml);
    if (method === 'GET' && pathname === webApiScriptPath) return own('text/javascript; charset=utf-8', script);
    const response = await serve(new Request(`${appOrigin}${pathname}`, { method }));
    return {
      status: response.status,
      headers: { ...Object.fromEntries(response.headers), ...webDemoSecurityHeaders },
      body: Buffer.from(await response.arrayBuffer()),
    };
  };
}
