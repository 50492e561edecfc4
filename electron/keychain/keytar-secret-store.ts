import { AppError } from '../../shared/errors/app-error';
import { classifyKeychainError } from './keychain-errors';
import type { SecretStore } from './secret-store';

/**
 * The three keytar functions the app uses, and deliberately no more: keytar's call that lists every credential of a
 * service crashes the whole process on a locked Linux keyring (a segfault in libsecret), so it is not even typed
 * here. A test greps electron/ to keep its name out.
 */
interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Loads keytar on first use, so a missing or mis-built native module is a clear error, not a crash at start. */
export type KeytarLoader = () => Promise<KeytarModule>;

const loadKeytar: KeytarLoader = async () => {
  const loaded = (await import('keytar')) as KeytarModule & { default?: KeytarModule };
  return loaded.default ?? loaded;
};

/**
 * The OS keychain through keytar: the only file in the app that imports it. `service` is the app's id; accounts
 * are chosen by the callers (a profile's id).
 */
export function createKeytarSecretStore(service: string, load: KeytarLoader = loadKeytar): SecretStore {
  let keytar: Promise<KeytarModule> | undefined;
  const module = async (): Promise<KeytarModule> => {
    keytar ??= load().catch((error: unknown) => {
      keytar = undefined;
      throw new AppError('KEYCHAIN_MODULE_MISSING', 'The keytar native module could not be loaded.', { cause: error });
    });
    return keytar;
  };
  return {
    async get(account) {
      const k = await module();
      return k.getPassword(service, account).catch((error: unknown) => {
        throw classifyKeychainError('read', error);
      });
    },
    async set(account, secret) {
      const k = await module();
      await k.setPassword(service, account, secret).catch((error: unknown) => {
        throw classifyKeychainError('write', error);
      });
    },
    async delete(account) {
      const k = await module();
      return k.deletePassword(service, account).catch((error: unknown) => {
        throw classifyKeychainError('delete', error);
      });
    },
  };
}
