import { z } from 'zod';
import { exclusionReasons } from './exclusion-reasons';
import { instanceIdSchema, instanceOutcomeSchema, maxListedItems, regionIdSchema } from './ecs';
import { accountIdSchema, profileIdSchema, profileNameSchema } from './profile';
import { rollingPlanSchema, rollingReportSchema, waveProgressSchema } from './rolling-reboot';

/** `attach-key-pair`: puts a key pair on (a first key, a rotation over another, or the undo of a detach). */
export const operationActionSchema = z.enum(['detach-key-pair', 'attach-key-pair', 'reboot']);
export type OperationAction = z.infer<typeof operationActionSchema>;

export const keyPairRefSchema = z.strictObject({ keyPairId: z.string().min(1).max(256), keyPairName: z.string().min(1).max(256) });

export const planRequestSchema = z.strictObject({
  profileId: profileIdSchema,
  regionId: regionIdSchema,
  action: operationActionSchema,
  /** The key pair to detach or to attach (null for a reboot). */
  keyPair: keyPairRefSchema.nullable(),
  /** A hard power-off (reboot only): can lose unflushed data. */
  forceStop: z.boolean(),
  instanceIds: z.array(instanceIdSchema).min(1).max(maxListedItems),
});
export type PlanRequest = z.infer<typeof planRequestSchema>;

/**
 * Why an instance asked for was left out of the plan. `not-bound`: the key pair's fresh listing does not have it
 * (its binding changed since it was read); `not-in-inventory`: main has not read it at all.
 */
export const exclusionReasonSchema = z.enum(exclusionReasons);
export type ExclusionReason = z.infer<typeof exclusionReasonSchema>;

/**
 * Why an instance bound to the key pair is not in a detach's plan: an exclusion reason when it was asked for (or
 * could not take part anyway: Windows, a status DetachKeyPair refuses), else `not-selected`. It keeps the key.
 */
export const leftBehindReasonSchema = z.enum([...exclusionReasonSchema.options, 'not-selected']);
export type LeftBehindReason = z.infer<typeof leftBehindReasonSchema>;

/** An instance as it was read when the plan was made: what lets an admin recognise it in results and history. */
export const instanceBriefSchema = z.strictObject({
  instanceId: instanceIdSchema,
  instanceName: z.string().max(256),
  privateIp: z.string().max(64).nullable(),
  zoneId: z.string().max(64),
  status: z.string().max(64),
});
export type InstanceBrief = z.infer<typeof instanceBriefSchema>;

const tallySchema = z.array(z.strictObject({ value: z.string().max(64), count: z.number().int().nonnegative() }));

/** The planned instances counted by status and by zone, largest first. */
export const planBreakdownSchema = z.strictObject({ byStatus: tallySchema.max(64), byZone: tallySchema.max(256) });
export type PlanBreakdown = z.infer<typeof planBreakdownSchema>;

/**
 * How long sending should take at the configured pace: the pacer lets one change request leave every
 * 1/requestsPerSecond seconds, so this is a floor that slow answers and retries add to, shown as an estimate.
 */
export const planEstimateSchema = z.strictObject({
  requests: z.number().int().nonnegative(),
  requestsPerSecond: z.number().int().positive(),
  concurrency: z.number().int().positive(),
  seconds: z.number().int().nonnegative(),
});
export type PlanEstimate = z.infer<typeof planEstimateSchema>;

/** One API call the operation will make, exactly as it will be sent (the signature aside). */
export const plannedRequestSchema = z.strictObject({
  action: z.string().max(64),
  query: z.array(z.tuple([z.string().max(64), z.string().max(256)])).max(110),
});
export type PlannedRequest = z.infer<typeof plannedRequestSchema>;

/** An instance whose current key an attach overwrites: whoever logs in with the old key is locked out. */
export const keyReplacementSchema = z.strictObject({
  instanceId: instanceIdSchema,
  keyPairId: z.string().max(256).nullable(),
  keyPairName: z.string().max(256),
});
export type KeyReplacement = z.infer<typeof keyReplacementSchema>;

/** What will happen, reviewed before anything is sent. */
export const operationPlanSchema = z.strictObject({
  planId: z.string().max(64),
  action: operationActionSchema,
  profileId: profileIdSchema,
  profileName: profileNameSchema,
  accessKeyHint: z.string().max(16),
  /** The profile's account ID, when the admin gave one (no API the app calls returns it). */
  accountId: accountIdSchema.nullable(),
  /** Where the requests go: the profile's own endpoint or the client's default; null in older journals. */
  endpoint: z.string().max(512).nullable(),
  regionId: regionIdSchema,
  keyPair: keyPairRefSchema.nullable(),
  forceStop: z.boolean(),
  instanceIds: z.array(instanceIdSchema).max(maxListedItems),
  /** The planned instances as read when planned, in `instanceIds` order; empty for a plan from an older journal. */
  instances: z.array(instanceBriefSchema).max(maxListedItems),
  excluded: z.array(z.strictObject({ instanceId: instanceIdSchema, reason: exclusionReasonSchema })).max(maxListedItems),
  /** A detach's bound instances that keep the key: every one of the key pair's listing not in the plan. */
  leftBehind: z.array(instanceBriefSchema.extend({ reason: leftBehindReasonSchema })).max(maxListedItems),
  breakdown: planBreakdownSchema,
  /** Null for a plan read back from the journal (it was made under settings that may have changed since). */
  estimate: planEstimateSchema.nullable(),
  requests: z.array(plannedRequestSchema).max(maxListedItems / 100 + 1),
  /** The text the user must type to confirm, or null when a click is enough. */
  confirmationText: z.string().max(256).nullable(),
  /** A reboot's waves (see rolling-reboot.ts); absent for a detach. */
  rolling: rollingPlanSchema.optional(),
  /**
   * An attach's planned instances that have another key bound now, with that key (a rotation): absent for a detach
   * or a reboot. A planned instance not listed gets its first key.
   */
  replacing: z.array(keyReplacementSchema).max(maxListedItems).optional(),
  /** An undo: the detach whose key this attach puts back (its succeeded instances, read fresh). */
  undoOf: z.string().max(64).optional(),
});
export type OperationPlan = z.infer<typeof operationPlanSchema>;

/**
 * From this many instances up, the user types to confirm: the key pair's name for a detach or an attach, and `reboot N` for a
 * reboot (the count, which is what is at stake when restarting a fleet: see rebootConfirmationText).
 */
export const typedConfirmationThreshold = 20;

/** What confirms a reboot of `count` instances: typing the count makes the admin read how many will restart. */
export function rebootConfirmationText(count: number): string {
  return `reboot ${count}`;
}

export const startRequestSchema = z.strictObject({ planId: z.string().min(1).max(64), confirmation: z.string().max(256).nullable() });
export const operationRefSchema = z.strictObject({ operationId: z.string().min(1).max(64) });

/** `interrupted`: the app stopped (a crash, a power cut) before the operation ended; it can be resumed. */
export const operationStateSchema = z.enum(['running', 'cancelling', 'finished', 'cancelled', 'interrupted']);

export const operationProgressSchema = z.strictObject({
  operationId: z.string().max(64),
  state: operationStateSchema,
  total: z.number().int().nonnegative(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
  /** Never sent (cancelled, or stopped before their request left): nothing was asked of Volcengine. */
  notSent: z.number().int().nonnegative(),
  requestsTotal: z.number().int().nonnegative(),
  requestsSent: z.number().int().nonnegative(),
  requestsAnswered: z.number().int().nonnegative(),
  /** Where a rolling reboot stands; absent for a detach. */
  wave: waveProgressSchema.optional(),
});
export type OperationProgress = z.infer<typeof operationProgressSchema>;


export { countOutcomes, progressCountOf } from './outcome-counts';

export const operationResultSchema = z.strictObject({
  operationId: z.string().max(64),
  plan: operationPlanSchema,
  startedAt: z.string().max(40),
  finishedAt: z.string().max(40).nullable(),
  progress: operationProgressSchema,
  outcomes: z.array(instanceOutcomeSchema).max(maxListedItems),
  /** A rolling reboot's waves and whether each instance came back; absent for a detach. */
  rolling: rollingReportSchema.optional(),
});
export type OperationResult = z.infer<typeof operationResultSchema>;
