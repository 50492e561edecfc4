import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCredentialVault } from '../../../electron/credentials/credential-vault';
import { createProfileService } from '../../../electron/credentials/profile-service';
import { createMemorySecretStore, type SecretStore } from '../../../electron/keychain/secret-store';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { accountIdSchema, profileInputSchema, profileUpdateSchema } from '../../../shared/domain/profile';
import { AppError } from '../../../shared/errors/app-error';

let dir: string;
let ids = 0;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-profiles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function service(store: SecretStore = createMemorySecretStore()) {
  const file = path.join(dir, 'profiles.json');
  const profiles = createProfileService({
    file,
    vault: createCredentialVault({ store, platform: 'linux', cacheTtlMs: () => 0 }),
    logger: createMemoryLogger(),
    newId: () => `profile-${String(++ids).padStart(4, '0')}`,
    now: () => new Date('2026-11-28T00:00:00Z'),
  });
  return { profiles, file, store };
}

const prod = {
  name: 'prod',
  accessKeyId: 'AKLTprodKey0000000001',
  secretAccessKey: 'prod-secret-value-01',
  region: 'cn-beijing',
};

describe('profile service', () => {
  it('creates a profile: secrets to the keychain, the rest to the file, a summary back', async () => {
    const { profiles, file, store } = service();
    const summary = await profiles.create({ ...prod, sessionToken: 'sts-token-1' });
    expect(summary).toEqual({
      id: summary.id,
      name: 'prod',
      accessKeyHint: 'AKLT…0001',
      region: 'cn-beijing',
      endpoint: null,
      accountId: null,
      hasSessionToken: true,
      lastVerifiedAt: null,
    });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(prod.secretAccessKey);
    expect(text).not.toContain(prod.accessKeyId);
    expect(text).not.toContain('sts-token-1');
    expect(await store.get(summary.id)).toContain(prod.secretAccessKey);
    expect(await profiles.credentials(summary.id)).toEqual({
      accessKeyId: prod.accessKeyId,
      secretAccessKey: prod.secretAccessKey,
      sessionToken: 'sts-token-1',
    });
  });

  it('refuses a second profile with the same name, whatever its case', async () => {
    const { profiles } = service();
    await profiles.create(prod);
    await expect(profiles.create({ ...prod, name: 'PROD' })).rejects.toMatchObject({ code: 'PROFILE_NAME_TAKEN' });
    expect((await profiles.list()).profiles).toHaveLength(1);
  });

  it('renames and changes region without touching the secret', async () => {
    const { profiles } = service();
    const { id } = await profiles.create(prod);
    await profiles.markVerified(id, new Date('2026-11-28T01:00:00Z'));
    const renamed = await profiles.update({ id, name: 'production', region: 'cn-shanghai' });
    expect(renamed).toMatchObject({ name: 'production', region: 'cn-shanghai', lastVerifiedAt: '2026-11-28T01:00:00.000Z' });
    expect((await profiles.credentials(id)).secretAccessKey).toBe(prod.secretAccessKey);
  });

  it('replaces secrets given in an update, removes the session token on null, and asks for a new test', async () => {
    const { profiles } = service();
    const { id } = await profiles.create({ ...prod, sessionToken: 'sts-token-1' });
    await profiles.markVerified(id, new Date());
    const updated = await profiles.update({ id, secretAccessKey: 'rotated-secret-0002', sessionToken: null });
    expect(updated).toMatchObject({ hasSessionToken: false, lastVerifiedAt: null, accessKeyHint: 'AKLT…0001' });
    expect(await profiles.credentials(id)).toEqual({ accessKeyId: prod.accessKeyId, secretAccessKey: 'rotated-secret-0002' });
  });

  it('keeps an account ID (not a secret: in the file), changes it, and removes it on null', async () => {
    const { profiles, file } = service();
    const { id } = await profiles.create({ ...prod, accountId: '2100012345' });
    expect(await readFile(file, 'utf8')).toContain('"accountId": "2100012345"');
    expect(await profiles.update({ id, name: 'production' })).toMatchObject({ accountId: '2100012345' });
    expect(await profiles.update({ id, accountId: '2100099999' })).toMatchObject({ accountId: '2100099999' });
    expect(await profiles.update({ id, accountId: null })).toMatchObject({ accountId: null });
  });

  it('reads a profiles file written before account IDs existed', async () => {
    const file = path.join(dir, 'profiles.json');
    const old = { id: 'profile-old-0001', name: 'old', accessKeyHint: 'AKLT…0001', region: 'cn-beijing', endpoint: null, hasSessionToken: false, lastVerifiedAt: null, createdAt: '2026-01-01T00:00:00.000Z' };
    await writeFile(file, JSON.stringify({ version: 1, profiles: [old] }));
    const list = await service().profiles.list();
    expect(list.problem).toBeNull();
    expect(list.profiles.map((profile) => profile.id)).toEqual(['profile-old-0001']);
  });

  it.each([['2100012345'], [' 2100012345 '], ['0']])('accepts %j as an account ID (digits; spaces around are trimmed)', (value) => {
    expect(accountIdSchema.parse(value)).toBe(value.trim());
  });

  it.each([['abc'], ['2100-0123'], ['21000 12345'], ['１２３'], ['123456789012345678901'], ['']])('refuses %j as an account ID', (value) => {
    expect(profileInputSchema.safeParse({ ...prod, accountId: value }).success).toBe(false);
    const update = profileUpdateSchema.safeParse({ id: 'profile-0001', accountId: value });
    expect(update.success).toBe(false);
    expect(update.error?.issues[0]?.path).toEqual(['accountId']);
  });

  it('deletes the keychain item with the profile', async () => {
    const { profiles, store } = service();
    const { id } = await profiles.create(prod);
    await profiles.remove(id);
    expect((await profiles.list()).profiles).toEqual([]);
    expect(await store.get(id)).toBeNull();
    await expect(profiles.remove(id)).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
  });

  it('keeps the profile when the keychain refuses to delete its secret (no orphaned secret)', async () => {
    const store = createMemorySecretStore();
    const { profiles } = service(store);
    const { id } = await profiles.create(prod);
    store.delete = async () => {
      throw new AppError('KEYCHAIN_LOCKED', 'Keychain delete failed: KEYCHAIN_LOCKED');
    };
    await expect(profiles.remove(id)).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect((await profiles.list()).profiles.map((profile) => profile.id)).toEqual([id]);
  });

  it('writes nothing when the keychain refuses the secret', async () => {
    const store = createMemorySecretStore();
    store.set = async () => {
      throw new AppError('KEYCHAIN_LOCKED', 'Keychain write failed: KEYCHAIN_LOCKED');
    };
    const { profiles, file } = service(store);
    await expect(profiles.create(prod)).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('survives a restart: a new service reads the same profiles', async () => {
    const store = createMemorySecretStore();
    const first = service(store);
    const { id } = await first.profiles.create(prod);
    const second = service(store);
    expect((await second.profiles.list()).profiles.map((profile) => profile.id)).toEqual([id]);
    expect((await second.profiles.credentials(id)).accessKeyId).toBe(prod.accessKeyId);
  });

  it('reports a damaged profiles file, keeps it aside, and starts an empty list', async () => {
    const file = path.join(dir, 'profiles.json');
    await writeFile(file, '{"version":1,"profiles":[{"id":');
    const { profiles } = service();
    const list = await profiles.list();
    expect(list.profiles).toEqual([]);
    expect(list.problem).toMatchObject({ code: 'PROFILES_FILE_SET_ASIDE' });
    expect((await readdir(dir)).filter((name) => name.startsWith('profiles.json.corrupt-'))).toHaveLength(1);
  });
});
