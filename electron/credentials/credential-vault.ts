import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';
import type { Platform } from '../../shared/domain/app-info';
import { checkKeychainStatus } from '../keychain/keychain-status';
import type { SecretStore } from '../keychain/secret-store';

export interface ProfileCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** One keychain item per profile holds all its secrets, so they are written and removed together. */
const storedSchema = z.strictObject({
  v: z.literal(1),
  accessKeyId: z.string(),
  secretAccessKey: z.string(),
  sessionToken: z.string().optional(),
});

export interface CredentialVault {
  save(profileId: string, credentials: ProfileCredentials): Promise<void>;
  /** The profile's credentials, from memory if read recently, else from the keychain. */
  read(profileId: string): Promise<ProfileCredentials>;
  remove(profileId: string): Promise<void>;
  /** Forgets every secret held in memory; the next request reads the keychain again. */
  lock(): void;
}

export interface CredentialVaultOptions {
  store: SecretStore;
  platform: Platform;
  /** How long a secret read from the keychain may stay in memory (read at each read: the setting can change). */
  cacheTtlMs: () => number;
}

/**
 * The profiles' secrets: kept in the OS keychain, and in memory only for a few minutes after a read so a long
 * operation does not hit the keychain for every request. Each cached entry is dropped by its own timer, and
 * `lock()` drops them all at once.
 */
export function createCredentialVault(options: CredentialVaultOptions): CredentialVault {
  const cache = new Map<string, { credentials: ProfileCredentials; timer: NodeJS.Timeout }>();

  const forget = (profileId: string) => {
    const entry = cache.get(profileId);
    if (entry !== undefined) clearTimeout(entry.timer);
    cache.delete(profileId);
  };

  const remember = (profileId: string, credentials: ProfileCredentials) => {
    forget(profileId);
    const ttl = options.cacheTtlMs();
    if (ttl <= 0) return;
    const timer = setTimeout(() => cache.delete(profileId), ttl);
    timer.unref();
    cache.set(profileId, { credentials, timer });
  };

  /**
   * Nothing in the keychain for a profile we know: on Linux a locked collection looks exactly like that, so ask the
   * keychain which it is rather than tell the user their credentials are gone.
   */
  const explainMissing = async (profileId: string): Promise<AppError> => {
    const status = await checkKeychainStatus(options.store, options.platform);
    if (!status.available) return new AppError(status.error.code, status.error.message);
    return new AppError('CREDENTIALS_MISSING', `The keychain holds no secret for profile ${profileId}.`);
  };

  return {
    async save(profileId, credentials) {
      const stored = { v: 1 as const, ...credentials };
      await options.store.set(profileId, JSON.stringify(stored));
      remember(profileId, credentials);
    },

    async read(profileId) {
      const cached = cache.get(profileId);
      if (cached !== undefined) return cached.credentials;
      const text = await options.store.get(profileId);
      if (text === null) throw await explainMissing(profileId);
      let parsed;
      try {
        parsed = storedSchema.safeParse(JSON.parse(text));
      } catch {
        parsed = undefined;
      }
      if (parsed?.success !== true) {
        throw new AppError('CREDENTIALS_MISSING', `The keychain item of profile ${profileId} is not readable.`);
      }
      const { v: _version, ...credentials } = parsed.data;
      remember(profileId, credentials);
      return credentials;
    },

    async remove(profileId) {
      forget(profileId);
      await options.store.delete(profileId);
    },

    lock() {
      for (const profileId of [...cache.keys()]) forget(profileId);
    },
  };
}
