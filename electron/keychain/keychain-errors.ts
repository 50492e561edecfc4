import { AppError } from '../../shared/errors/app-error';
import type { AppErrorCode } from '../../shared/errors/error-codes';

/**
 * keytar reports every keychain problem as a plain Error whose text comes from libsecret, Keychain Services or
 * the Windows Credential Manager. These patterns turn the ones we know into codes the user can act on; each was
 * seen on a real system (the Linux ones are reproduced by the keychain tests).
 */
const patterns: ReadonlyArray<[RegExp, AppErrorCode]> = [
  [/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect: No such file|dbus-launch/i, 'KEYCHAIN_NO_DBUS'],
  [/org\.freedesktop\.secrets was not provided|ServiceUnknown|not provided by any \.service files/i, 'KEYCHAIN_NO_SECRET_SERVICE'],
  [/locked collection|is locked|Cannot unlock|User interaction is not allowed|errSecInteractionNotAllowed/i, 'KEYCHAIN_LOCKED'],
  [/prompt|dismissed|cancel|denied|not authorized|errSecAuthFailed|Access is denied/i, 'KEYCHAIN_ACCESS_DENIED'],
];

/**
 * An AppError for a keychain failure. The message names the operation and the classified problem only: keytar's
 * own text is not copied into it, since it is not ours to vouch for.
 */
export function classifyKeychainError(operation: 'read' | 'write' | 'delete' | 'load', error: unknown): AppError {
  if (error instanceof AppError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const code = patterns.find(([pattern]) => pattern.test(text))?.[1] ?? 'KEYCHAIN_FAILED';
  return new AppError(code, `Keychain ${operation} failed: ${code}`, { cause: error });
}
