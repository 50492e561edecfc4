import { z } from 'zod';
import { appErrorSchema } from '../errors/app-error';
import { instanceIdSchema, instanceSchema, keyPairSchema, maxListedItems, regionIdSchema } from './ecs';
import { jobIdSchema } from './inventory';
import { operationPlanSchema } from './operation';
import { profileIdSchema } from './profile';

/**
 * The emergency path: "this key leaked, take it off everything". A sweep looks for one key pair name in every
 * region the profile can see, at once, and plans a detach in all of them together. A key pair is regional, so
 * each region has its own key pair ID under the shared name.
 */

/** At most this many regions are searched at the same time, so a sweep stays polite to the API's flow limits. */
export const regionsSearchedAtOnce = 4;
/** Enough for every region Volcengine has, with room to grow. */
export const maxSweptRegions = 200;

/** Key pair names are exact: a sweep never detaches a key that merely looks like the one named. */
const sweepKeyPairNameSchema = z.string().trim().min(1).max(128);

export const sweepRequestSchema = z.strictObject({ profileId: profileIdSchema, keyPairName: sweepKeyPairNameSchema, jobId: jobIdSchema });
export type SweepRequest = z.infer<typeof sweepRequestSchema>;

/** What one region holds: the key pair of that name and the instances bound to it, or why it could not be read. */
export const sweepRegionSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('found'), regionId: regionIdSchema, keyPair: keyPairSchema, instances: z.array(instanceSchema).max(maxListedItems) }),
  /** The region has no key pair of that name, so nothing there can be bound to it. */
  z.strictObject({ state: z.literal('absent'), regionId: regionIdSchema }),
  z.strictObject({ state: z.literal('failed'), regionId: regionIdSchema, error: appErrorSchema }),
]);
export type SweepRegion = z.infer<typeof sweepRegionSchema>;

export const sweepSchema = z.strictObject({
  sweepId: z.string().max(64),
  profileId: profileIdSchema,
  keyPairName: z.string().max(128),
  searchedAt: z.string().max(40),
  regions: z.array(sweepRegionSchema).max(maxSweptRegions),
});
export type Sweep = z.infer<typeof sweepSchema>;

export const sweepProgressSchema = z.strictObject({
  jobId: jobIdSchema,
  regionsTotal: z.number().int().nonnegative(),
  regionsDone: z.number().int().nonnegative(),
  instancesFound: z.number().int().nonnegative(),
});
export type SweepProgress = z.infer<typeof sweepProgressSchema>;

/** Which instances of which regions to detach the swept key pair from; main supplies each region's key pair ID. */
export const sweepPlanRequestSchema = z.strictObject({
  sweepId: z.string().min(1).max(64),
  regions: z
    .array(z.strictObject({ regionId: regionIdSchema, instanceIds: z.array(instanceIdSchema).min(1).max(maxListedItems) }))
    .min(1)
    .max(maxSweptRegions),
});
export type SweepPlanRequest = z.infer<typeof sweepPlanRequestSchema>;

/** One reviewed plan over several regions: a region's part is an ordinary plan, confirmed once for all. */
export const sweepPlanSchema = z.strictObject({
  sweepPlanId: z.string().max(64),
  keyPairName: z.string().max(128),
  plans: z.array(operationPlanSchema).max(maxSweptRegions),
  /** The text the user must type to confirm, or null when a click is enough. */
  confirmationText: z.string().max(256).nullable(),
});
export type SweepPlan = z.infer<typeof sweepPlanSchema>;

export const sweepStartRequestSchema = z.strictObject({ sweepPlanId: z.string().min(1).max(64), confirmation: z.string().max(256).nullable() });

export const sweepStartedSchema = z.strictObject({
  operations: z.array(z.strictObject({ regionId: regionIdSchema, operationId: z.string().max(64) })).max(maxSweptRegions),
});
export type SweepStarted = z.infer<typeof sweepStartedSchema>;
