import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEcsSimulator, type EcsSimulator } from '../../../simulator/ecs-simulator';
import { createProxyDispatcher } from '../../../electron/volcengine/proxy-dispatcher';
import { createTestClient, testCredentials } from './support/ecs-test-client';
import { startLoopbackProxy, type LoopbackProxy } from './support/loopback-proxy';
import { buildFleet, instanceIds } from './support/simulator-fleet';

let simulator: EcsSimulator;
let proxy: LoopbackProxy;
let simulatorAuthority: string;

beforeAll(async () => {
  simulator = await startEcsSimulator({ credentials: [testCredentials], fleet: buildFleet({ boundLinux: 120 }) });
  proxy = await startLoopbackProxy();
  simulatorAuthority = `127.0.0.1:${simulator.port}`;
});

afterAll(async () => {
  await proxy.close();
  await simulator.close();
});

beforeEach(() => {
  proxy.tunnels.length = 0;
  proxy.forwarded.length = 0;
  simulator.clearRequests();
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the ECS client through a proxy', () => {
  it('sends every request through an explicitly configured proxy', async () => {
    const client = createTestClient(simulator.url, { proxy: { mode: 'explicit', url: proxy.url } });
    const instances = await client.describeInstances();
    const result = await client.detachKeyPair({ instanceIds: instanceIds(120), keyPair: { keyPairName: 'ops-key' } });
    await client.close();
    expect(instances).toHaveLength(120);
    expect(result.outcomes.every((outcome) => outcome.status === 'succeeded')).toBe(true);
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(proxy.tunnels.every((authority) => authority === simulatorAuthority)).toBe(true);
    expect(simulator.requests.length).toBe(4);
  });

  it('uses HTTP_PROXY from the given environment variables', async () => {
    const client = createTestClient(simulator.url, { proxy: { mode: 'environment', variables: { HTTP_PROXY: proxy.url } } });
    await client.describeRegions();
    await client.close();
    expect(proxy.tunnels).toEqual([simulatorAuthority]);
  });

  it('goes direct for a host listed in NO_PROXY', async () => {
    const client = createTestClient(simulator.url, { proxy: { mode: 'environment', variables: { http_proxy: proxy.url, NO_PROXY: '127.0.0.1' } } });
    await client.describeRegions();
    await client.close();
    expect(proxy.tunnels).toEqual([]);
    expect(simulator.requests).toHaveLength(1);
  });

  it('reports an unreachable proxy as a proxy failure without retrying', async () => {
    const client = createTestClient(simulator.url, { proxy: { mode: 'explicit', url: `http://127.0.0.1:${await closedPort()}` } });
    const error: unknown = await client.describeRegions().catch((caught: unknown) => caught);
    await client.close();
    expect(error).toMatchObject({ code: 'ECS_NETWORK_PROXY', attempts: 1 });
    expect(simulator.requests).toHaveLength(0);
  });

  it('knows where the environment proxies are, for both schemes', () => {
    const { dispatcher, proxies } = createProxyDispatcher(
      { mode: 'environment', variables: { HTTPS_PROXY: 'http://proxy.corp:3128', http_proxy: 'http://user:pw@10.0.0.9' } },
      { connectTimeoutMs: 1_000 },
    );
    void dispatcher.close();
    expect(proxies).toEqual([
      { hostname: 'proxy.corp', port: 3128 },
      { hostname: '10.0.0.9', port: 80 },
    ]);
  });
});
