import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/security/app-protocol';

let base: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kpd-protocol-'));
  const root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'notes.txt'), 'not a web asset');
  await writeFile(path.join(base, 'secret.json'), '{"outside":"the renderer folder"}');
  handler = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves index.html for the root, with its content type and the security headers', async () => {
    const response = await get('app://keypair-desk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>app</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves a built asset', async () => {
    const response = await get('app://keypair-desk/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it.each([
    ['a path that climbs out of the folder', 'app://keypair-desk/../secret.json'],
    ['an encoded climb', 'app://keypair-desk/%2e%2e/secret.json'],
    ['an encoded separator climb', 'app://keypair-desk/assets%2f..%2f..%2fsecret.json'],
    ['a NUL byte', 'app://keypair-desk/index.html%00.js'],
    ['broken percent-encoding', 'app://keypair-desk/%E0%A4%A'],
    ['another host', 'app://other-host/index.html'],
    ['a file that does not exist', 'app://keypair-desk/missing.js'],
    ['a type that is not a web asset', 'app://keypair-desk/assets/notes.txt'],
    ['a folder', 'app://keypair-desk/assets'],
  ])('answers 404 for %s', async (_name, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://keypair-desk/index.html', 'POST')).status).toBe(404);
    const head = await get('app://keypair-desk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
