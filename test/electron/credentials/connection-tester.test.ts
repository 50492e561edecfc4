import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClientForProfile } from '../../../electron/cloud/profile-clients';
import { createConnectionTester } from '../../../electron/credentials/connection-tester';
import { createCredentialVault } from '../../../electron/credentials/credential-vault';
import { createProfileService, type ProfileService } from '../../../electron/credentials/profile-service';
import { createMemorySecretStore } from '../../../electron/keychain/secret-store';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { startEcsSimulator, type EcsSimulator } from '../../../simulator/ecs-simulator';
import { createEcsClient } from '../../../electron/volcengine/ecs-client';
import { defaultSettings } from '../../../shared/domain/settings';
import { closedPort } from '../../support/closed-port';

const keys = { accessKeyId: 'AKLTconnectionTest0001', secretAccessKey: 'connection-test-secret-01' };
let simulator: EcsSimulator;
let skewedSimulator: EcsSimulator;
let skewedPlatformSimulator: EcsSimulator;
let dir: string;
let profiles: ProfileService;

beforeAll(async () => {
  simulator = await startEcsSimulator({ credentials: [keys], generate: { seed: 3, instances: 20 } });
  // A server whose clock is 20 minutes ahead of this machine's: the signature's X-Date is then too old.
  skewedSimulator = await startEcsSimulator({ credentials: [keys], now: () => new Date(Date.now() + 20 * 60_000) });
  // The same, answering with the platform page's status (400) for InvalidTimestamp rather than the ECS page's 403.
  skewedPlatformSimulator = await startEcsSimulator({ credentials: [keys], now: () => new Date(Date.now() + 20 * 60_000), invalidTimestampStatus: 400 });
});
afterAll(async () => {
  await simulator.close();
  await skewedSimulator.close();
  await skewedPlatformSimulator.close();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-conn-'));
  let id = 0;
  profiles = createProfileService({
    file: path.join(dir, 'profiles.json'),
    vault: createCredentialVault({ store: createMemorySecretStore(), platform: 'linux', cacheTtlMs: () => 0 }),
    logger: createMemoryLogger(),
    newId: () => `profile-000${++id}`,
    now: () => new Date(),
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tester = () =>
  createConnectionTester({
    profiles,
    clientFor: createClientForProfile({
      profiles,
      // One attempt: these tests are about what a failure says, not about patience.
      createClient: (dependencies) => createEcsClient({ ...dependencies, options: { ...dependencies.options, retry: { maxAttempts: 1 } } }),
      env: {},
      settings: async () => defaultSettings,
    }),
    now: () => new Date(),
  });

async function profile(endpoint: string, secretAccessKey = keys.secretAccessKey) {
  return profiles.create({ name: 'p', accessKeyId: keys.accessKeyId, secretAccessKey, region: 'cn-beijing', endpoint });
}


describe('test connection', () => {
  it('lists the regions with a signed DescribeRegions and records when the keys last worked', async () => {
    const { id } = await profile(simulator.url);
    const result = await tester()(id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.regions.length).toBeGreaterThan(0);
    expect(result.profile.lastVerifiedAt).not.toBeNull();
    expect((await profiles.list()).profiles[0]?.lastVerifiedAt).toBe(result.profile.lastVerifiedAt);
  });

  it('explains a wrong secret as SignatureDoesNotMatch with the request id', async () => {
    const { id } = await profile(simulator.url, 'a-wrong-secret-value');
    const result = await tester()(id);
    expect(result).toMatchObject({ ok: false, error: { code: 'SignatureDoesNotMatch', httpStatus: 401 } });
    expect(result.ok ? undefined : result.error.requestId).toBeTruthy();
  });

  it.each([
    [403, () => skewedSimulator],
    [400, () => skewedPlatformSimulator],
  ])('says by how much the clock is off when the server rejects the timestamp with HTTP %i', async (status, server) => {
    const { id } = await profile(server().url);
    const result = await tester()(id);
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidTimestamp', httpStatus: status } });
    const skew = result.ok ? 0 : (result.clockSkewSeconds ?? 0);
    expect(skew).toBeGreaterThan(-1210);
    expect(skew).toBeLessThan(-1190);
  });

  it('reports an unreachable endpoint as a refused connection, without the clock', async () => {
    const { id } = await profile(`http://127.0.0.1:${await closedPort()}`);
    expect(await tester()(id)).toMatchObject({
      ok: false,
      error: { code: 'ECS_NETWORK_CONNECTION_REFUSED' },
      clockSkewSeconds: null,
    });
  });
});
