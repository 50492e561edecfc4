import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../electron/app-core';
import { createMemorySecretStore } from '../../electron/keychain/secret-store';
import { createMemoryLogger } from '../../electron/logging/logger';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-core-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the core before a quit', () => {
  it('flush resolves only once the settings and profile changes asked for have been written', async () => {
    const core = createAppCore({
      info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
      userDataDir: dir,
      homeDir: path.join(dir, 'home'),
      env: {},
      secretStore: createMemorySecretStore(),
      chooseSavePath: async () => undefined,
      eventSink: () => undefined,
      logger: createMemoryLogger(),
    });
    // Asked for and not awaited, as when the user changes something and quits at once.
    void core.dispatcher.invoke('settings.update', { theme: 'dark' });
    void core.profiles.create({ name: 'prod', accessKeyId: 'AKLTcoreFlushTest0001', secretAccessKey: 'core-flush-secret-01', region: 'cn-beijing' });
    await core.flush();
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
    expect(JSON.parse(await readFile(path.join(dir, 'profiles.json'), 'utf8'))).toMatchObject({ profiles: [{ name: 'prod' }] });
  });
});
