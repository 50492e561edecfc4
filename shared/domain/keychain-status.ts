import { z } from 'zod';
import { appErrorSchema } from '../errors/app-error';

/** Which OS store holds the secrets; named so the UI can tell the user where to look. */
export const keychainBackendSchema = z.enum(['secret-service', 'macos-keychain', 'windows-credential-manager']);
export type KeychainBackend = z.infer<typeof keychainBackendSchema>;

/** Whether secrets can be stored right now, and if not, the error that says what to install or unlock. */
export const keychainStatusSchema = z.discriminatedUnion('available', [
  z.strictObject({ available: z.literal(true), backend: keychainBackendSchema }),
  z.strictObject({ available: z.literal(false), backend: keychainBackendSchema, error: appErrorSchema }),
]);
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;
