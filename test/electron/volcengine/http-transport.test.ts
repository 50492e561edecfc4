import type { LookupOptions } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, ProxyAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { EcsError } from '../../../electron/volcengine/ecs-error';
import { createUndiciTransport } from '../../../electron/volcengine/http-transport';
import { startLoopbackProxy, type LoopbackProxy } from './support/loopback-proxy';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function agent(): Agent {
  const dispatcher = new Agent({ connect: { timeout: 1_000 } });
  cleanups.push(() => dispatcher.close());
  return dispatcher;
}

async function failureOf(promise: Promise<unknown>): Promise<EcsError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof EcsError)) throw new Error(`expected an EcsError, got ${String(error)}`);
  return error;
}

describe('the undici transport', () => {
  it('returns status, lowercase headers and the body', async () => {
    const port = await listen(
      createServer((request, response) => {
        response.writeHead(201, { 'X-Echo': request.headers['x-date'] ?? '' });
        response.end('héllo');
      }),
    );
    const answer = await createUndiciTransport({ dispatcher: agent() }).get(`http://127.0.0.1:${port}/?a=1`, { 'X-Date': 'd1' }, { timeoutMs: 1_000 });
    expect(answer).toMatchObject({ status: 201, body: 'héllo' });
    expect(answer.headers['x-echo']).toBe('d1');
  });

  it('reports a refused connection as such, certain that nothing was sent', async () => {
    const port = await freePort();
    const error = await failureOf(createUndiciTransport({ dispatcher: agent() }).get(`http://127.0.0.1:${port}/`, {}, { timeoutMs: 1_000 }));
    expect(error).toMatchObject({ kind: 'network', code: 'ECS_NETWORK_CONNECTION_REFUSED', mayHaveTakenEffect: false });
  });

  it('reports a connection dropped after the request as a reset that may have taken effect', async () => {
    const port = await listen(createServer((request) => request.socket.destroy()));
    const error = await failureOf(createUndiciTransport({ dispatcher: agent() }).get(`http://127.0.0.1:${port}/`, {}, { timeoutMs: 1_000 }));
    expect(error).toMatchObject({ code: 'ECS_NETWORK_CONNECTION_RESET', mayHaveTakenEffect: true });
  });

  it('times out a server that never answers, assuming the request may have arrived', async () => {
    const port = await listen(createServer(() => {}));
    const error = await failureOf(createUndiciTransport({ dispatcher: agent() }).get(`http://127.0.0.1:${port}/`, {}, { timeoutMs: 100 }));
    expect(error).toMatchObject({ code: 'ECS_NETWORK_TIMEOUT', mayHaveTakenEffect: true });
  });

  it('times out a body that trickles in too slowly', async () => {
    const port = await listen(
      createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"ResponseMetadata":');
      }),
    );
    const error = await failureOf(createUndiciTransport({ dispatcher: agent() }).get(`http://127.0.0.1:${port}/`, {}, { timeoutMs: 150 }));
    expect(error.code).toBe('ECS_NETWORK_TIMEOUT');
  });

  it('reports a failed TLS handshake as a TLS failure', async () => {
    const port = await listen(createServer((_request, response) => response.end('plain http')));
    const error = await failureOf(createUndiciTransport({ dispatcher: agent() }).get(`https://127.0.0.1:${port}/`, {}, { timeoutMs: 1_000 }));
    expect(error).toMatchObject({ code: 'ECS_NETWORK_TLS', mayHaveTakenEffect: false });
  });

  it('reports a name that does not resolve as a DNS failure', async () => {
    const dispatcher = new Agent({
      connect: {
        // Name resolution fails the way getaddrinfo reports it; everything after it is the real connect path.
        lookup: (hostname: string, _options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string, family: number) => void) => {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname }), '', 4);
        },
      },
    });
    cleanups.push(() => dispatcher.close());
    const error = await failureOf(createUndiciTransport({ dispatcher }).get('http://ecs.example.invalid/', {}, { timeoutMs: 1_000 }));
    expect(error).toMatchObject({ code: 'ECS_NETWORK_DNS', mayHaveTakenEffect: false });
  });

  it('reports an unreachable proxy as a proxy failure, not a refused server', async () => {
    const target = await listen(createServer((_request, response) => response.end('{}')));
    const proxyPort = await freePort();
    const dispatcher = new ProxyAgent({ uri: `http://127.0.0.1:${proxyPort}` });
    cleanups.push(() => dispatcher.close());
    const transport = createUndiciTransport({ dispatcher, proxies: [{ hostname: '127.0.0.1', port: proxyPort }] });
    const error = await failureOf(transport.get(`http://127.0.0.1:${target}/`, {}, { timeoutMs: 1_000 }));
    expect(error).toMatchObject({ code: 'ECS_NETWORK_PROXY', mayHaveTakenEffect: false });
  });

  it.each([407, 502])('reports a proxy that refuses the tunnel with %i as a proxy failure', async (status) => {
    const target = await listen(createServer((_request, response) => response.end('{}')));
    const proxy: LoopbackProxy = await startLoopbackProxy({ refuseConnectWith: status });
    cleanups.push(() => proxy.close());
    const dispatcher = new ProxyAgent({ uri: proxy.url });
    cleanups.push(() => dispatcher.close());
    const transport = createUndiciTransport({ dispatcher, proxies: [{ hostname: '127.0.0.1', port: proxy.port }] });
    const error = await failureOf(transport.get(`http://127.0.0.1:${target}/`, {}, { timeoutMs: 1_000 }));
    expect(error.code).toBe('ECS_NETWORK_PROXY');
    expect(proxy.tunnels).toEqual([`127.0.0.1:${target}`]);
  });

  it('reports cancellation as ECS_CANCELLED', async () => {
    const port = await listen(createServer(() => {}));
    const controller = new AbortController();
    const pending = createUndiciTransport({ dispatcher: agent() }).get(`http://127.0.0.1:${port}/`, {}, { timeoutMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await failureOf(pending)).code).toBe('ECS_CANCELLED');
  });
});
