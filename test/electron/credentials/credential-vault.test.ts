import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCredentialVault } from '../../../electron/credentials/credential-vault';
import { createMemorySecretStore, type SecretStore } from '../../../electron/keychain/secret-store';
import { AppError } from '../../../shared/errors/app-error';

const credentials = { accessKeyId: 'AKLTexample0001', secretAccessKey: 'secret-value-0001' };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('credential vault', () => {
  it('keeps all of a profile’s secrets in one keychain item under the profile id', async () => {
    const store = createMemorySecretStore();
    const vault = createCredentialVault({ store, platform: 'linux', cacheTtlMs: () => 60_000 });
    await vault.save('profile-1', { ...credentials, sessionToken: 'sts-token' });
    expect(JSON.parse(store.entries.get('profile-1')!)).toEqual({ v: 1, ...credentials, sessionToken: 'sts-token' });
  });

  it('reads the keychain once, then serves from memory until the time-to-live runs out', async () => {
    const store = createMemorySecretStore();
    await store.set('profile-1', JSON.stringify({ v: 1, ...credentials }));
    const get = vi.spyOn(store, 'get');
    const vault = createCredentialVault({ store, platform: 'linux', cacheTtlMs: () => 60_000 });
    expect(await vault.read('profile-1')).toEqual(credentials);
    expect(await vault.read('profile-1')).toEqual(credentials);
    expect(get).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_001);
    await vault.read('profile-1');
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('forgets every secret in memory when locked', async () => {
    const store = createMemorySecretStore();
    await store.set('profile-1', JSON.stringify({ v: 1, ...credentials }));
    const get = vi.spyOn(store, 'get');
    const vault = createCredentialVault({ store, platform: 'linux', cacheTtlMs: () => 60_000 });
    await vault.read('profile-1');
    vault.lock();
    await vault.read('profile-1');
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('says CREDENTIALS_MISSING when a working keychain has no item for the profile', async () => {
    const vault = createCredentialVault({ store: createMemorySecretStore(), platform: 'linux', cacheTtlMs: () => 0 });
    await expect(vault.read('profile-1')).rejects.toMatchObject({ code: 'CREDENTIALS_MISSING' });
  });

  it('says KEYCHAIN_LOCKED, not "missing", when reads come back empty because the keychain is locked', async () => {
    // What a locked libsecret collection does: reads answer "nothing", writes fail.
    const locked: SecretStore = {
      get: async () => null,
      set: async () => {
        throw new AppError('KEYCHAIN_LOCKED', 'Keychain write failed: KEYCHAIN_LOCKED');
      },
      delete: async () => false,
    };
    const vault = createCredentialVault({ store: locked, platform: 'linux', cacheTtlMs: () => 0 });
    await expect(vault.read('profile-1')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
  });

  it('treats an unreadable keychain item as missing rather than crashing', async () => {
    const store = createMemorySecretStore();
    await store.set('profile-1', 'not json');
    const vault = createCredentialVault({ store, platform: 'linux', cacheTtlMs: () => 0 });
    await expect(vault.read('profile-1')).rejects.toMatchObject({ code: 'CREDENTIALS_MISSING' });
  });
});
