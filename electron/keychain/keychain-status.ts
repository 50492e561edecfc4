import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/errors/app-error';
import type { Platform } from '../../shared/domain/app-info';
import type { KeychainBackend, KeychainStatus } from '../../shared/domain/keychain-status';
import type { SecretStore } from './secret-store';

const probeAccount = 'keychain-probe';

function keychainBackendFor(platform: Platform): KeychainBackend {
  if (platform === 'darwin') return 'macos-keychain';
  if (platform === 'win32') return 'windows-credential-manager';
  return 'secret-service';
}

/**
 * Whether the keychain can store a secret right now, found by writing, reading back and deleting a random probe.
 * Reading alone cannot tell: on Linux a locked collection answers every read with "nothing here", which would
 * have the app claim there are no credentials when the truth is that the keychain is locked.
 */
export async function checkKeychainStatus(store: SecretStore, platform: Platform): Promise<KeychainStatus> {
  const backend = keychainBackendFor(platform);
  const probe = randomBytes(12).toString('hex');
  try {
    await store.set(probeAccount, probe);
    const readBack = await store.get(probeAccount);
    await store.delete(probeAccount);
    if (readBack !== probe) {
      throw new AppError('KEYCHAIN_LOCKED', 'The keychain accepted a secret but did not return it.');
    }
    return { available: true, backend };
  } catch (error) {
    const appError =
      error instanceof AppError ? error : new AppError('KEYCHAIN_FAILED', 'The keychain probe failed.');
    return { available: false, backend, error: appError.toData() };
  }
}
