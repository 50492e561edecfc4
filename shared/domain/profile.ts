import { z } from 'zod';
import { regionIdSchema } from './ecs';
import { parseOriginUrl } from './origin-url';

/*
 * Credential profiles. What crosses to the renderer is only the summary: never the Secret AccessKey, the session
 * token, or even the whole AccessKey ID. Secrets go one way, renderer to main, when the user types them.
 */

export const profileIdSchema = z.string().max(64).regex(/^[a-z0-9-]{8,64}$/);
export const profileNameSchema = z.string().trim().min(1).max(64);

/** Volcengine AccessKey IDs are ASCII letters and digits (base64-ish); a loose bound that still stops paste errors. */
export const accessKeyIdSchema = z.string().trim().min(8).max(128).regex(/^[A-Za-z0-9+/=_-]+$/);
/** Printable ASCII without spaces: a pasted newline or space is a mistake, not part of the secret. */
export const secretAccessKeySchema = z.string().trim().min(8).max(256).regex(/^[\x21-\x7E]+$/);
export const sessionTokenSchema = z.string().trim().min(1).max(8192).regex(/^[\x21-\x7E]+$/);

/**
 * A Volcengine account ID (the "账号 ID" of the console): digits only. Not a secret; the review shows it so the admin
 * can tell which account a change is about to touch, since no API the app calls returns it.
 */
export const accountIdSchema = z.string().trim().max(20).regex(/^[0-9]{1,20}$/, 'must be digits only');

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * An API endpoint: https for anything real; plain http only on this machine (the built-in simulator, a local
 * gateway), never across a network where a signed request could be read.
 */
export const endpointSchema = z
  .string()
  .trim()
  .max(512)
  .refine((value) => {
    const url = parseOriginUrl(value);
    return url !== undefined && (url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname)));
  }, 'must be https://host[:port] (plain http only for this machine)');

/** What the renderer knows about a profile. */
export const profileSummarySchema = z.strictObject({
  id: profileIdSchema,
  name: profileNameSchema,
  /** First 4 and last 4 characters of the AccessKey ID, e.g. `AKLT…9f2c`. */
  accessKeyHint: z.string().max(16),
  region: regionIdSchema,
  endpoint: endpointSchema.nullable(),
  /** Typed by the admin; absent in profiles saved before it existed. */
  accountId: accountIdSchema.nullable().optional(),
  hasSessionToken: z.boolean(),
  /** When a connection test last succeeded with these credentials (ISO 8601), null if never. */
  lastVerifiedAt: z.string().max(40).nullable(),
});
export type ProfileSummary = z.infer<typeof profileSummarySchema>;

export const profileInputSchema = z.strictObject({
  name: profileNameSchema,
  accessKeyId: accessKeyIdSchema,
  secretAccessKey: secretAccessKeySchema,
  sessionToken: sessionTokenSchema.optional(),
  region: regionIdSchema,
  endpoint: endpointSchema.optional(),
  accountId: accountIdSchema.optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

/**
 * A change to a profile. Secrets are replaced only when given (the renderer cannot read them back to resend);
 * `sessionToken: null`, `endpoint: null` and `accountId: null` remove them.
 */
export const profileUpdateSchema = z.strictObject({
  id: profileIdSchema,
  name: profileNameSchema.optional(),
  accessKeyId: accessKeyIdSchema.optional(),
  secretAccessKey: secretAccessKeySchema.optional(),
  sessionToken: sessionTokenSchema.nullable().optional(),
  region: regionIdSchema.optional(),
  endpoint: endpointSchema.nullable().optional(),
  accountId: accountIdSchema.nullable().optional(),
});
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const profileRefSchema = z.strictObject({ id: profileIdSchema });

export function accessKeyHint(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? '…' : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}
