import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../../electron/app-core';
import { addDemoProfiles, demoKeys, demoSharedKeyPairName, startDemoCloud, type DemoCloud } from '../../../../electron/demo/demo-cloud';
import type { Sweep } from '../../../../shared/domain/sweep';
import { simulatorOnlyClients, simulatorOnlyDispatcher } from '../../../../electron/demo/web/simulator-only';
import type { IpcDispatcher } from '../../../../electron/ipc/dispatcher';
import { createMemorySecretStore } from '../../../../electron/keychain/secret-store';
import { createMemoryLogger } from '../../../../electron/logging/logger';
import { createEcsClient } from '../../../../electron/volcengine/ecs-client';
import { startEcsSimulator, type EcsSimulator } from '../../../../simulator/ecs-simulator';

// The web demo's core, built as start-web-demo.ts builds it, with a second server on loopback standing in for a real
// endpoint: it accepts the demo's keys, so the only thing that keeps requests from it is the lock under test.
let dir: string;
let cloud: DemoCloud;
/** The simulator of the demo's first account. */
let demoCloud: EcsSimulator;
let simulatorUrls: string[];
let elsewhere: EcsSimulator;
let core: AppCore;
let dispatcher: IpcDispatcher;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-web-demo-lock-'));
  cloud = await startDemoCloud({ instances: 50, seed: 2, latencyMs: 0 });
  demoCloud = cloud.accounts[0]!.simulator;
  simulatorUrls = cloud.accounts.map((account) => account.simulator.url);
  elsewhere = await startEcsSimulator({ credentials: [demoKeys], generate: { seed: 3, instances: 20 } });
  core = createAppCore({
    info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: true },
    userDataDir: path.join(dir, 'user-data'),
    homeDir: path.join(dir, 'home'),
    env: {},
    secretStore: createMemorySecretStore(),
    chooseSavePath: async () => undefined,
    eventSink: () => undefined,
    logger: createMemoryLogger(),
    createEcsClient: simulatorOnlyClients(simulatorUrls, createEcsClient),
  });
  await addDemoProfiles(core, cloud);
  dispatcher = simulatorOnlyDispatcher(core.dispatcher, simulatorUrls);
});

afterEach(async () => {
  await core.close();
  await Promise.all([cloud.close(), elsewhere.close()]);
  await rm(dir, { recursive: true, force: true });
});

const profileInput = (endpoint?: string) => ({ name: 'typed in', ...demoKeys, region: 'cn-beijing', ...(endpoint === undefined ? {} : { endpoint }) });

describe('the web demo reaches nothing but its simulator', () => {
  it('has three accounts, each a simulator of its own with its own key pair IDs, for a sweep across accounts', async () => {
    const profiles = (await core.profiles.list()).profiles;
    expect(profiles.map((profile) => [profile.name, profile.endpoint])).toEqual(cloud.accounts.map((account) => [account.profileName, account.simulator.url]));
    const sweep = await dispatcher.invoke('sweep.find', { profileIds: profiles.map((profile) => profile.id), keyPairName: demoSharedKeyPairName, jobId: 'demo-sweep-1' });
    if (!sweep.ok) throw new Error(sweep.error.code);
    const { accounts } = sweep.value as Sweep;
    expect(accounts.map((account) => account.state)).toEqual(['searched', 'searched', 'searched']);
    const keyPairIds = accounts.flatMap((account) => (account.state === 'searched' ? account.regions.flatMap((region) => (region.state === 'found' ? [region.keyPair.keyPairId] : [])) : []));
    expect(keyPairIds.length).toBeGreaterThan(3);
    expect(new Set(keyPairIds).size).toBe(keyPairIds.length);
  });

  it('refuses a profile for any other endpoint, or for none (Volcengine itself)', async () => {
    for (const input of [profileInput('https://open.volcengineapi.com'), profileInput(), profileInput(elsewhere.url)]) {
      const answer = await dispatcher.invoke('profiles.create', input);
      expect(answer).toMatchObject({ ok: false, error: { code: 'DEMO_SIMULATOR_ONLY', issues: [{ path: 'endpoint' }] } });
    }
    const listed = await dispatcher.invoke('profiles.list', undefined);
    // The demo's own three accounts, nothing more.
    expect(listed.ok && (listed.value as { profiles: unknown[] }).profiles).toHaveLength(3);
  });

  it('takes a second profile for the simulator, and lets the contract judge everything else', async () => {
    expect(await dispatcher.invoke('profiles.create', profileInput(demoCloud.url))).toMatchObject({ ok: true });
    expect(await dispatcher.invoke('profiles.create', { ...profileInput(demoCloud.url), surprise: 1 })).toMatchObject({
      ok: false,
      error: { code: 'IPC_VALIDATION_FAILED' },
    });
  });

  it('refuses to move the demo profile elsewhere, or back to the default endpoint', async () => {
    const [demo] = (await core.profiles.list()).profiles.filter((profile) => profile.endpoint === demoCloud.url);
    for (const endpoint of [null, 'https://ecs.cn-beijing.volcengineapi.com', elsewhere.url]) {
      expect(await dispatcher.invoke('profiles.update', { id: demo!.id, endpoint })).toMatchObject({ ok: false, error: { code: 'DEMO_SIMULATOR_ONLY' } });
    }
    expect(await dispatcher.invoke('profiles.update', { id: demo!.id, name: 'Renamed' })).toMatchObject({ ok: true });
    expect((await core.profiles.get(demo!.id)).endpoint).toBe(demoCloud.url);
  });

  it('imports no credentials', async () => {
    expect(await dispatcher.invoke('profiles.importSelected', { items: [] })).toMatchObject({ ok: false, error: { code: 'DEMO_SIMULATOR_ONLY' } });
  });

  it('sends nothing anywhere else, even for a profile that got past the first lock', async () => {
    // Straight into the profile service, around the dispatcher's lock: the client factory must still refuse.
    const stray = await core.profiles.create(profileInput(elsewhere.url));
    const answer = await dispatcher.invoke('regions.list', { profileId: stray.id, refresh: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'DEMO_SIMULATOR_ONLY' } });
    expect(elsewhere.requests).toHaveLength(0);
    // The demo profile, through the same core, does reach the simulator.
    const [demo] = (await core.profiles.list()).profiles.filter((profile) => profile.endpoint === demoCloud.url);
    expect(await dispatcher.invoke('regions.list', { profileId: demo!.id, refresh: true })).toMatchObject({ ok: true });
    expect(demoCloud.requests.length).toBeGreaterThan(0);
  });
});
