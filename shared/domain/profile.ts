import { z } from 'zod';
import { regionIdSchema } from './ecs';
import { endpointMaxLength, isAllowedEndpoint, profileTextRules, type TextRule } from './profile-fields';

/*
 * Credential profiles. What crosses to the renderer is only the summary: never the Secret AccessKey, the session
 * token, or even the whole AccessKey ID. Secrets go one way, renderer to main, when the user types them.
 */

export const profileIdSchema = z.string().max(64).regex(/^[a-z0-9-]{8,64}$/);

/** A trimmed text field checked by its rule (profile-fields.ts, which the renderer's form checks too). */
function textSchema(rule: TextRule, message?: string) {
  const text = z.string().trim().min(rule.min, message).max(rule.max, message);
  return rule.pattern === undefined ? text : text.regex(rule.pattern, message);
}

export const profileNameSchema = textSchema(profileTextRules.name);
export const accessKeyIdSchema = textSchema(profileTextRules.accessKeyId);
export const secretAccessKeySchema = textSchema(profileTextRules.secretAccessKey);
export const sessionTokenSchema = textSchema(profileTextRules.sessionToken);
export const accountIdSchema = textSchema(profileTextRules.accountId, 'must be digits only');
export const endpointSchema = z
  .string()
  .trim()
  .max(endpointMaxLength)
  .refine(isAllowedEndpoint, 'must be https://host[:port] (plain http only for this machine)');

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
