import { describe, expect, it } from 'vitest';
import { probeInPrivateKeychain, probeWithoutDbus, probeWithoutSecretService } from './support/run-probe';

// The app's keychain check in each environment an admin's Linux workstation can be in, against the real libsecret
// and gnome-keyring (each in a private session bus of its own, never the keychain of whoever runs the tests).
describe('keychain status on Linux', () => {
  it('is available with an unlocked keyring', async () => {
    expect(await probeInPrivateKeychain(false)).toEqual({ available: true, backend: 'secret-service' });
  });

  it('says the keychain is locked (not "no credentials") when the collection is locked', async () => {
    expect(await probeInPrivateKeychain(true)).toMatchObject({ available: false, error: { code: 'KEYCHAIN_LOCKED' } });
  });

  it('says no Secret Service is running when the bus has none', async () => {
    expect(await probeWithoutSecretService()).toMatchObject({
      available: false,
      error: { code: 'KEYCHAIN_NO_SECRET_SERVICE' },
    });
  });

  it('says there is no D-Bus session when there is none', async () => {
    expect(await probeWithoutDbus()).toMatchObject({ available: false, error: { code: 'KEYCHAIN_NO_DBUS' } });
  });
});
