import { existsSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWebDemoToExit, startWebDemoProcess, type WebDemoProcess } from '../../../support/web-demo-process';

// The real `npm run demo:web` entry point, spawned as the script runs it, talked to over HTTP as a browser (or an
// attacker's page, or another program on this machine) would.

const root = path.resolve(import.meta.dirname, '../../../..');
if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
  throw new Error('The web demo serves the built renderer: run npm run build:renderer first.');
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Node's http, not fetch: fetch will not send a forged Host header. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string; readFor?: number }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      const done = () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      response.on('end', done);
      // An event stream never ends: read it for a while, then hang up.
      if (options.readFor !== undefined) setTimeout(() => (outgoing.destroy(), done()), options.readFor);
    });
    outgoing.on('error', (error) => (options.readFor === undefined ? reject(error) : undefined));
    outgoing.end(options.body);
  });
}

let demo: WebDemoProcess;
let port: number;
let host: string;
let auth: Record<string, string>;

function call(channel: string, requestValue: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send(port, {
    method: 'POST',
    path: `/api/invoke/kpd:${channel}`,
    headers: { Host: host, 'Content-Type': 'application/json', ...auth, ...headers },
    body: JSON.stringify({ request: requestValue }),
  });
}

beforeAll(async () => {
  demo = await startWebDemoProcess(['--instances', '120', '--seed', '6', '--latency-ms', '0']);
  port = Number(new URL(demo.origin).port);
  host = `127.0.0.1:${port}`;
  auth = { Authorization: `Bearer ${demo.token}` };
}, 60_000);

afterAll(async () => {
  await demo.stop('SIGKILL');
});

describe('npm run demo:web', () => {
  it('prints its address once, with a long random token in the fragment', () => {
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#[A-Za-z0-9_-]{43}$/);
  });

  it('answers a call that carries the token, through main\'s dispatcher and its contract', async () => {
    const info = await call('app.getInfo', undefined);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { name: 'KeyPair Desk', demoMode: true } });
    expect(info.headers['x-kpd-event-sequence']).toMatch(/^\d+$/);
    expect(JSON.parse((await call('profiles.create', { name: 'x' })).body)).toMatchObject({ ok: false, error: { code: 'IPC_VALIDATION_FAILED' } });
    expect(JSON.parse((await call('nothing.here', undefined)).body)).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    const headers = { Host: host, 'Content-Type': 'application/json', ...auth };
    expect((await send(port, { method: 'POST', path: '/api/invoke/%E0%A4%A', headers, body: '{}' })).status).toBe(400);
    expect((await send(port, { method: 'POST', path: '/api/invoke/kpd:app.getInfo', headers, body: 'not json' })).status).toBe(400);
    expect((await send(port, { method: 'POST', path: '/api/invoke/kpd:app.getInfo', headers: { ...headers, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
  });

  it('gives nothing but 401 to a call without the token or with a wrong one', async () => {
    for (const headers of [{ Authorization: '' }, { Authorization: 'Bearer not-the-token-at-all-0000000000000000000' }, { Authorization: `Bearer ${demo.token}x` }]) {
      const answer = await call('profiles.list', undefined, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toBe('');
    }
    const events = await send(port, { path: '/api/events', headers: { Host: host } });
    expect([events.status, events.body]).toEqual([401, '']);
  });

  it('refuses a request under another Host (DNS rebinding), token or not, files included', async () => {
    for (const name of ['evil.example', `evil.example:${port}`, `localhost:${port}`]) {
      expect((await call('profiles.list', undefined, { Host: name })).status).toBe(403);
      const file = await send(port, { path: '/', headers: { Host: name } });
      expect([file.status, file.body]).toEqual([403, '']);
    }
  });

  it('refuses a call from another site\'s page, even one that somehow had the token', async () => {
    expect((await call('profiles.list', undefined, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('profiles.list', undefined, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await call('profiles.list', undefined, { Origin: demo.origin, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200);
  });

  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address);
    for (const address of ['::1', ...others]) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port }, () => (socket.destroy(), resolve('connected')));
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });

  it('serves the built renderer with the app\'s CSP, connecting only to itself, and window.api before the app', async () => {
    const page = await send(port, { path: '/', headers: { Host: host } });
    expect(page.status).toBe(200);
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.body.indexOf('<script src="/kpd-web-api.js"></script>')).toBeGreaterThan(-1);
    expect(page.body.indexOf('/kpd-web-api.js')).toBeLessThan(page.body.indexOf('type="module"'));
    const script = await send(port, { path: '/kpd-web-api.js', headers: { Host: host } });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toContain('/api/invoke/');
    expect((await send(port, { path: '/../package.json', headers: { Host: host } })).status).toBe(404);
    expect((await send(port, { method: 'POST', path: '/index.html', headers: { Host: host } })).status).toBe(405);
  });

  it('streams main\'s events to a page with the token, numbered so calls can wait for them', async () => {
    const stream = send(port, { path: '/api/events', headers: { Host: host, ...auth }, readFor: 1500 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const changed = await call('settings.update', { language: 'zh-CN' });
    expect(JSON.parse(changed.body)).toMatchObject({ ok: true, value: { language: 'zh-CN' } });
    const events = await stream;
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toContain('text/event-stream');
    expect(events.body).toMatch(/^id: \d+\nevent: ready\n/);
    expect(events.body).toContain(`id: ${String(changed.headers['x-kpd-event-sequence'])}\nevent: kpd:settings.changed\ndata: {`);
  });

  it('refuses a profile for a real endpoint', async () => {
    const answer = await call('profiles.create', { name: 'real', accessKeyId: 'AKLTsomeRealLookingKey1', secretAccessKey: 'some-secret-0000000000', region: 'cn-beijing', endpoint: 'https://open.volcengineapi.com' });
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'DEMO_SIMULATOR_ONLY' } });
  });
});

describe('npm run demo:web, starting and stopping', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('stops on %s: exit 0, and the port closes', async (signal) => {
    const other = await startWebDemoProcess(['--instances', '10', '--latency-ms', '0']);
    const otherPort = Number(new URL(other.origin).port);
    expect(await other.stop(signal), other.stderr()).toBe(0);
    await expect(send(otherPort, { path: '/', headers: { Host: `127.0.0.1:${otherPort}` } })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 60_000);

  // Every other flag (--host, keys…) is refused by the same strict parser: web-demo-options.test.ts.
  it('refuses to start when asked for another endpoint', async () => {
    const run = await runWebDemoToExit(['--endpoint', 'https://open.volcengineapi.com']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("Unknown option '--endpoint'");
  }, 60_000);
});
