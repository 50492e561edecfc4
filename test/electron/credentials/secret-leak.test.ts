import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../../electron/app-core';
import { createKeytarSecretStore } from '../../../electron/keychain/keytar-secret-store';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { startEcsSimulator, type EcsSimulator } from '../../../simulator/ecs-simulator';
import type { KeyPairDeskApi } from '../../../shared/ipc/api-types';
import type { IpcResult } from '../../../shared/ipc/result';
import { apiOverDispatcher } from '../support/api-over-dispatcher';

// Drives every credentials channel, and every error path we can reach, with marked secrets, then searches
// everything that could carry them out of main: IPC answers, events, log lines, error messages, and every file
// under the user-data folder. The real keychain is used, so this runs inside test/with-keychain.sh.
if (process.env.KPD_KEYCHAIN_SANDBOX === undefined) throw new Error('Run inside test/with-keychain.sh (npm run test:unit).');

const canary = {
  accessKeyId: 'AKLTleakCanaryAccessKey0001',
  secretAccessKey: 'LEAK-CANARY-SECRET-7f3a9c',
  sessionToken: 'LEAK-CANARY-STS-TOKEN-5d2e',
  cliSecret: 'LEAK-CANARY-CLI-SECRET-91bb',
  envSecret: 'LEAK-CANARY-ENV-SECRET-44c0',
  rotated: 'LEAK-CANARY-ROTATED-SECRET-0a1b',
};
const markers = [canary.secretAccessKey, canary.sessionToken, canary.cliSecret, canary.envSecret, canary.rotated];

let base: string;
let simulator: EcsSimulator;
let core: AppCore;
const logger = createMemoryLogger();
const answers: unknown[] = [];
const events: unknown[] = [];

let api: KeyPairDeskApi;

/** The value of a call that must succeed. */
function value<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}`);
  return result.value;
}
const codeOf = (result: IpcResult<unknown>) => (result.ok ? 'ok' : result.error.code);

async function allFileText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kpd-leak-'));
  const home = path.join(base, 'home');
  await mkdir(path.join(home, '.volcengine'), { recursive: true });
  simulator = await startEcsSimulator({
    credentials: [{ accessKeyId: canary.accessKeyId, secretAccessKey: canary.secretAccessKey, sessionToken: canary.sessionToken }],
  });
  await writeFile(
    path.join(home, '.volcengine', 'config.json'),
    JSON.stringify({
      profiles: {
        cli: { mode: 'ak', 'access-key': 'AKLTleakCanaryCliKey00001', 'secret-key': canary.cliSecret, region: 'cn-beijing' },
        'cli-broken': { mode: 'ak', 'access-key': 'bad id with spaces', 'secret-key': canary.cliSecret },
      },
    }),
  );
  core = createAppCore({
    info: { name: 'KeyPair Desk', version: '0', platform: 'linux', osLanguages: ['en-US'], demoMode: false },
    userDataDir: path.join(base, 'user-data'),
    homeDir: home,
    env: { VOLCENGINE_ACCESS_KEY: 'AKLTleakCanaryEnvKey00001', VOLCENGINE_SECRET_KEY: canary.envSecret },
    secretStore: createKeytarSecretStore('com.keypairdesk.leak-test'),
    chooseSavePath: async () => undefined,
    eventSink: (_channel, payload) => events.push(payload),
    logger,
  });
  // The renderer's own API object, over a transport that records every answer.
  api = apiOverDispatcher(core.dispatcher, { onAnswer: (answer) => answers.push(answer) });
});

afterAll(async () => {
  await simulator.close();
  await rm(base, { recursive: true, force: true });
});

describe('no secret leaves main', () => {
  it('goes through every credentials channel and error path', async () => {
    const profileInput = {
      name: 'prod',
      accessKeyId: canary.accessKeyId,
      secretAccessKey: canary.secretAccessKey,
      sessionToken: canary.sessionToken,
      region: 'cn-beijing',
      endpoint: simulator.url,
    };
    const { id } = value(await api.profiles.create(profileInput));
    const malformed = api.profiles as unknown as Record<string, (request: unknown) => Promise<IpcResult<unknown>>>;

    // Error paths: duplicate name, malformed payloads carrying the secret in the wrong place or shape.
    expect(codeOf(await api.profiles.create(profileInput))).toBe('PROFILE_NAME_TAKEN');
    expect(codeOf(await api.profiles.create({ ...profileInput, secretAccessKey: `${canary.secretAccessKey} with spaces` }))).toBe('IPC_VALIDATION_FAILED');
    expect(codeOf(await malformed.create!({ ...profileInput, extra: canary.secretAccessKey }))).toBe('IPC_VALIDATION_FAILED');
    expect(codeOf(await malformed.update!({ id, secretAccessKey: 42, note: canary.secretAccessKey }))).toBe('IPC_VALIDATION_FAILED');
    expect(codeOf(await api.settings.update({ language: canary.secretAccessKey as never }))).toBe('IPC_VALIDATION_FAILED');
    expect(codeOf(await api.profiles.remove({ id: 'ffffffff-0000-4000-8000-000000000000' }))).toBe('PROFILE_NOT_FOUND');

    expect(value(await api.profiles.testConnection({ id })).ok).toBe(true);
    value(await api.profiles.list());
    value(await api.profiles.lockSecrets());
    expect(value(await api.profiles.testConnection({ id })).ok).toBe(true);

    // A wrong secret, an unreachable endpoint, rotated keys that the server does not know.
    const wrong = value(await api.profiles.create({ ...profileInput, name: 'wrong', secretAccessKey: canary.rotated }));
    const refused = value(await api.profiles.testConnection({ id: wrong.id }));
    expect(refused.ok ? 'ok' : refused.error.code).toMatch(/^(SignatureDoesNotMatch|InvalidSecretToken)$/);
    value(await api.profiles.update({ id: wrong.id, endpoint: 'http://127.0.0.1:9' }));
    expect(value(await api.profiles.testConnection({ id: wrong.id })).ok).toBe(false);
    value(await api.profiles.update({ id, secretAccessKey: canary.rotated, sessionToken: null }));
    const rotated = value(await api.profiles.testConnection({ id }));
    expect(rotated.ok ? 'ok' : rotated.error.code).toMatch(/^(SignatureDoesNotMatch|InvalidSecretToken)$/);

    // Import: the scan, a good import, an unimportable one, and one that is gone.
    expect(value(await api.profiles.scanImports()).candidates).toHaveLength(3);
    const imported = value(
      await api.profiles.importSelected({
        items: [
          { source: 'cli-config', sourceName: 'cli' },
          { source: 'cli-config', sourceName: 'cli-broken', region: 'cn-beijing' },
          { source: 'environment', sourceName: 'environment', name: 'from-env', region: 'cn-shanghai' },
          { source: 'cli-config', sourceName: 'no-such-profile' },
        ],
      }),
    );
    expect(imported.imported).toHaveLength(2);
    expect(imported.failed.map((failure) => failure.error.code)).toEqual(['IMPORT_NOT_IMPORTABLE', 'IMPORT_SOURCE_GONE']);

    for (const profile of value(await api.profiles.list()).profiles) {
      expect(codeOf(await api.profiles.remove({ id: profile.id }))).toBe('ok');
    }
  });

  it('left no secret in any answer, event, log line or file', async () => {
    const outside = [JSON.stringify(answers), JSON.stringify(events), logger.lines.join('\n'), await allFileText(base.concat('/user-data'))];
    for (const marker of markers) {
      for (const text of outside) expect(text).not.toContain(marker);
    }
    // And not the AccessKey IDs either: only their hints cross.
    expect(JSON.stringify(answers)).not.toContain(canary.accessKeyId);
  });

  it('did store the secrets, in the keychain (the markers were real)', async () => {
    const store = createKeytarSecretStore('com.keypairdesk.leak-test');
    const { id } = value(
      await api.profiles.create({ name: 'check', accessKeyId: canary.accessKeyId, secretAccessKey: canary.secretAccessKey, region: 'cn-beijing' }),
    );
    expect(await store.get(id)).toContain(canary.secretAccessKey);
    value(await api.profiles.remove({ id }));
  });
});
