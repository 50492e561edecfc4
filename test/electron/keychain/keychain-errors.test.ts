import { describe, expect, it } from 'vitest';
import { classifyKeychainError } from '../../../electron/keychain/keychain-errors';

// The messages are the ones keytar really produces (Linux: seen here; macOS and Windows: from their APIs' texts).
describe('keychain error classification', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'KEYCHAIN_NO_DBUS'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'KEYCHAIN_NO_SECRET_SERVICE'],
    ['Cannot create an item in a locked collection', 'KEYCHAIN_LOCKED'],
    ['User interaction is not allowed.', 'KEYCHAIN_LOCKED'],
    ['The user name or passphrase you entered is not correct. (errSecAuthFailed)', 'KEYCHAIN_ACCESS_DENIED'],
    ['Prompt dismissed', 'KEYCHAIN_ACCESS_DENIED'],
    ['Access is denied.', 'KEYCHAIN_ACCESS_DENIED'],
    ['Something nobody has seen before', 'KEYCHAIN_FAILED'],
  ])('classifies "%s" as %s', (message, code) => {
    expect(classifyKeychainError('write', new Error(message)).code).toBe(code);
  });

  it("keeps keytar's own text out of the message the renderer sees", () => {
    const error = classifyKeychainError('read', new Error('secret path /org/freedesktop/secrets/collection/login/42'));
    expect(error.toData().message).toBe('Keychain read failed: KEYCHAIN_FAILED');
  });
});
