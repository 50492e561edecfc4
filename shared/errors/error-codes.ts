import { z } from 'zod';

/**
 * Every error code the app itself can put on the wire. Codes from the Volcengine API are carried verbatim in
 * their own field (see the catalogue); these are the app's own, stable across releases so the renderer can
 * localize them and tests can assert on them.
 */
const appErrorCodes = [
  'IPC_VALIDATION_FAILED',
  'IPC_UNKNOWN_CHANNEL',
  'IPC_FORBIDDEN_SENDER',
  'IPC_BAD_RESPONSE',
  'INTERNAL',
  'SETTINGS_UNREADABLE',
  'KEYCHAIN_NO_DBUS',
  'KEYCHAIN_NO_SECRET_SERVICE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_ACCESS_DENIED',
  'KEYCHAIN_MODULE_MISSING',
  'KEYCHAIN_FAILED',
  'CREDENTIALS_MISSING',
  'PROFILE_NOT_FOUND',
  'PROFILE_NAME_TAKEN',
  'PROFILES_FILE_SET_ASIDE',
  'IMPORT_SOURCE_GONE',
  'IMPORT_NOT_IMPORTABLE',
  'CLOUD_REQUEST_FAILED',
  'INVENTORY_NOT_LOADED',
  'INVENTORY_CACHE_SET_ASIDE',
  'PLAN_NOT_FOUND',
  'PLAN_CONFIRMATION_MISMATCH',
  'PLAN_EMPTY',
  'PLAN_STALE',
  'OPERATION_NOT_FOUND',
  'OPERATION_NOT_RESUMABLE',
  'OPERATION_INSTANCES_BUSY',
  'EXPOSURE_NOT_A_DETACH',
  'UNDO_NOT_POSSIBLE',
  'JOURNAL_UNAVAILABLE',
  'SWEEP_NOT_FOUND',
  'SWEEP_PARTS_OVERLAP',
  'DEMO_SIMULATOR_ONLY',
] as const;

export const appErrorCodeSchema = z.enum(appErrorCodes);
export type AppErrorCode = z.infer<typeof appErrorCodeSchema>;
