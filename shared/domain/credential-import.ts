import { z } from 'zod';
import { regionIdSchema } from './ecs';
import { profileNameSchema, profileSummarySchema } from './profile';
import { appErrorSchema } from '../errors/app-error';

/** Where importable keys were found: the Volcengine CLI's config file, or the VOLCENGINE_* variables. */
const importSourceSchema = z.enum(['cli-config', 'environment']);
export type ImportSource = z.infer<typeof importSourceSchema>;

/** Why a found profile cannot be imported as it is. */
export const importProblemSchema = z.enum(['no-keys', 'unsupported-mode', 'invalid-keys', 'invalid-region', 'name-taken']);
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** A profile found for import, as the renderer sees it: the secret masked, never sent. */
export const importCandidateSchema = z.strictObject({
  source: importSourceSchema,
  /** The profile's name in the CLI config, or `environment` for the variables. */
  sourceName: z.string().max(128),
  accessKeyHint: z.string().max(16).nullable(),
  region: z.string().max(64).nullable(),
  endpoint: z.string().max(512).nullable(),
  hasSessionToken: z.boolean(),
  mode: z.string().max(32).nullable(),
  problem: importProblemSchema.nullable(),
});
export type ImportCandidate = z.infer<typeof importCandidateSchema>;

export const importScanSchema = z.strictObject({
  /** The CLI config file looked at (shown so the user knows which file holds a plaintext secret). */
  cliConfigPath: z.string().max(1024),
  /** `found`, `absent`, or why it could not be read: it is reported, never fatal. */
  cliConfigState: z.enum(['found', 'absent', 'malformed', 'unreadable']),
  candidates: z.array(importCandidateSchema).max(200),
});
export type ImportScan = z.infer<typeof importScanSchema>;

export const importSelectionSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        source: importSourceSchema,
        sourceName: z.string().min(1).max(128),
        /** The name of the new profile; the source name when absent. */
        name: profileNameSchema.optional(),
        /** Fills in a region the source lacks. */
        region: regionIdSchema.optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type ImportSelection = z.infer<typeof importSelectionSchema>;

export const importResultSchema = z.strictObject({
  imported: z.array(profileSummarySchema).max(50),
  failed: z
    .array(z.strictObject({ source: importSourceSchema, sourceName: z.string().max(128), error: appErrorSchema }))
    .max(50),
  /** Set when keys were imported from the CLI file: it still holds them in plain text. */
  plaintextStillAt: z.string().max(1024).nullable(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
