/**
 * Where secrets live. The real one is the OS keychain (`keytar-secret-store.ts`, the only file that imports keytar);
 * tests that are not about the keychain inject an in-memory one. Every method rejects with an `AppError` whose code
 * says what is wrong with the keychain.
 */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export function createMemorySecretStore(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (account) => entries.get(account) ?? null,
    set: async (account, secret) => {
      entries.set(account, secret);
    },
    delete: async (account) => entries.delete(account),
  };
}
