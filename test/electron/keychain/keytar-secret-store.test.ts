import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../electron/keychain/keytar-secret-store';
import { AppError } from '../../../shared/errors/app-error';

// Runs against the real OS keychain, so it must be inside test/with-keychain.sh's private keyring: refusing to
// run elsewhere is what guarantees these tests never write into the keychain of whoever runs them.
const sandbox = process.env.KPD_KEYCHAIN_SANDBOX;
if (sandbox === undefined || !process.env.HOME?.startsWith(sandbox)) {
  throw new Error('Keychain tests must run inside test/with-keychain.sh (npm run test:unit does).');
}

describe('keytar secret store (real keychain)', () => {
  it('stores, reads and deletes a secret', async () => {
    const store = createKeytarSecretStore('com.keypairdesk.test');
    const account = `profile-${randomBytes(4).toString('hex')}`;
    const secret = `sk-${randomBytes(16).toString('base64')}=测试`;
    expect(await store.get(account)).toBeNull();
    await store.set(account, secret);
    expect(await store.get(account)).toBe(secret);
    await store.set(account, `${secret}-rotated`);
    expect(await store.get(account)).toBe(`${secret}-rotated`);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
    expect(await store.delete(account)).toBe(false);
  });

  it('keeps services apart: the same account under another service is another secret', async () => {
    const ours = createKeytarSecretStore('com.keypairdesk.test');
    const theirs = createKeytarSecretStore('com.example.other-app');
    await ours.set('shared-account', 'ours');
    expect(await theirs.get('shared-account')).toBeNull();
    await ours.delete('shared-account');
  });

  it('reports a native module that cannot load as KEYCHAIN_MODULE_MISSING, and tries again next time', async () => {
    let attempts = 0;
    const store = createKeytarSecretStore('com.keypairdesk.test', () => {
      attempts += 1;
      return Promise.reject(new Error('Cannot find module keytar.node'));
    });
    await expect(store.get('any')).rejects.toMatchObject({ code: 'KEYCHAIN_MODULE_MISSING' });
    await expect(store.set('any', 'x')).rejects.toBeInstanceOf(AppError);
    expect(attempts).toBe(2);
  });
});
