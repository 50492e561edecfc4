import { z } from 'zod';
import { appErrorSchema } from '../errors/app-error';
import { instanceIdSchema, instanceSchema, keyPairSchema, maxListedItems, regionIdSchema } from './ecs';
import { jobIdSchema } from './inventory';
import { operationPlanSchema, operationStateSchema } from './operation';
import { accountIdSchema, profileIdSchema, profileNameSchema } from './profile';
import { maxSweepParts, maxSweptProfiles, maxSweptRegions } from './sweep-limits';

/**
 * The emergency path: "this key leaked, take it off everything". A sweep looks for one key pair name in every
 * region of every chosen profile (each profile is one Volcengine account), at once, and plans a detach in all of
 * them together. A key pair is regional, so each account's region has its own key pair ID under the shared name.
 * One account and region of a sweep is a "part": an ordinary operation, journaled under the sweep's own ID.
 */
const sweepOperationIdSchema = z.string().min(1).max(64);

/** Key pair names are exact: a sweep never detaches a key that merely looks like the one named. */
const sweepKeyPairNameSchema = z.string().trim().min(1).max(128);

export const sweepRequestSchema = z.strictObject({
  /** The profiles (accounts) to search: every one of them, or the subset the admin chose; each once. */
  profileIds: z
    .array(profileIdSchema)
    .min(1)
    .max(maxSweptProfiles)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'each profile once' }),
  keyPairName: sweepKeyPairNameSchema,
  jobId: jobIdSchema,
});
export type SweepRequest = z.infer<typeof sweepRequestSchema>;

/** What one region holds: the key pair of that name and the instances bound to it, or why it could not be read. */
export const sweepRegionSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('found'), regionId: regionIdSchema, keyPair: keyPairSchema, instances: z.array(instanceSchema).max(maxListedItems) }),
  /** The region has no key pair of that name, so nothing there can be bound to it. */
  z.strictObject({ state: z.literal('absent'), regionId: regionIdSchema }),
  z.strictObject({ state: z.literal('failed'), regionId: regionIdSchema, error: appErrorSchema }),
]);
export type SweepRegion = z.infer<typeof sweepRegionSchema>;

/** Who an account is, as the admin named it: enough to tell accounts apart on every screen and in every export. */
const sweepAccountFields = { profileId: profileIdSchema, profileName: profileNameSchema, accountId: accountIdSchema.nullable() };

/** One account's findings, region by region, or why nothing of it could be read (the other accounts still count). */
export const sweepAccountSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('searched'), ...sweepAccountFields, regions: z.array(sweepRegionSchema).max(maxSweptRegions) }),
  /**
   * Its credentials fail (a locked keychain, an expired STS token, a missing permission) or its regions could not
   * be listed: the error says which, and what to do.
   */
  z.strictObject({ state: z.literal('failed'), ...sweepAccountFields, error: appErrorSchema }),
]);
export type SweepAccount = z.infer<typeof sweepAccountSchema>;

export const sweepSchema = z.strictObject({
  sweepId: z.string().max(64),
  keyPairName: z.string().max(128),
  searchedAt: z.string().max(40),
  /** In the order the profiles were asked for. */
  accounts: z.array(sweepAccountSchema).max(maxSweptProfiles),
});
export type Sweep = z.infer<typeof sweepSchema>;

/** Where one account's search stands; `regionsTotal` is 0 until its regions are known. */
export const sweepAccountProgressSchema = z.strictObject({
  profileId: profileIdSchema,
  state: z.enum(['waiting', 'searching', 'done', 'failed']),
  regionsTotal: z.number().int().nonnegative(),
  regionsDone: z.number().int().nonnegative(),
  instancesFound: z.number().int().nonnegative(),
});
export type SweepAccountProgress = z.infer<typeof sweepAccountProgressSchema>;

export const sweepProgressSchema = z.strictObject({
  jobId: jobIdSchema,
  /** Every account of the search, in the order asked for. */
  accounts: z.array(sweepAccountProgressSchema).max(maxSweptProfiles),
});
export type SweepProgress = z.infer<typeof sweepProgressSchema>;

/** Which instances of which accounts' regions to detach the swept key pair from; main supplies each key pair ID. */
export const sweepPlanRequestSchema = z.strictObject({
  sweepId: z.string().min(1).max(64),
  parts: z
    .array(
      z.strictObject({ profileId: profileIdSchema, regionId: regionIdSchema, instanceIds: z.array(instanceIdSchema).min(1).max(maxListedItems) }),
    )
    .min(1)
    .max(maxSweepParts),
});
export type SweepPlanRequest = z.infer<typeof sweepPlanRequestSchema>;

/**
 * One reviewed plan over several accounts and regions: each part is an ordinary plan (it names its profile, account
 * and region), confirmed once for all. Parts come account by account, in the order the sweep searched them.
 */
export const sweepPlanSchema = z.strictObject({
  sweepPlanId: z.string().max(64),
  keyPairName: z.string().max(128),
  plans: z.array(operationPlanSchema).max(maxSweepParts),
  /** The text the user must type to confirm, or null when a click is enough. */
  confirmationText: z.string().max(256).nullable(),
});
export type SweepPlan = z.infer<typeof sweepPlanSchema>;

export const sweepStartRequestSchema = z.strictObject({ sweepPlanId: z.string().min(1).max(64), confirmation: z.string().max(256).nullable() });
export const sweepOperationRefSchema = z.strictObject({ sweepOperationId: sweepOperationIdSchema });

/** One account and region of a started sweep, and the operation that is its part. */
export const sweepPartRefSchema = z.strictObject({ profileId: profileIdSchema, regionId: regionIdSchema, operationId: z.string().max(64) });
export type SweepPartRef = z.infer<typeof sweepPartRefSchema>;

/**
 * A started (or resumed) sweep: one operation in the journal and History, made of its parts. `sweepId` is the
 * search a retry plans against (after a resume, one main rebuilt from the journal's key pairs).
 */
export const sweepStartedSchema = z.strictObject({
  sweepOperationId: sweepOperationIdSchema,
  sweepId: z.string().max(64),
  keyPairName: z.string().max(128),
  /** Every part that was started, account by account. */
  operations: z.array(sweepPartRefSchema).max(maxSweepParts),
});
export type SweepStarted = z.infer<typeof sweepStartedSchema>;

/**
 * A sweep as History lists it: its parts with who and where; each part's counts are in its own History entry (by
 * `operationId`). `state` is the sweep's as one: running while any part runs, interrupted while any part is, else
 * cancelled when any part was, else finished.
 */
export const sweepHistorySchema = z.strictObject({
  sweepOperationId: sweepOperationIdSchema,
  keyPairName: z.string().max(128),
  startedAt: z.string().max(40),
  state: operationStateSchema,
  parts: z
    .array(
      z.strictObject({
        operationId: z.string().max(64),
        ...sweepAccountFields,
        regionId: regionIdSchema,
        /** False when the app stopped after the confirmation and before this part started: nothing of it was sent. */
        started: z.boolean(),
      }),
    )
    .max(maxSweepParts),
});
export type SweepHistory = z.infer<typeof sweepHistorySchema>;
