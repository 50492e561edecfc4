import { z } from 'zod';
import { regionIdRule } from './profile-fields';

/*
 * The ECS facts the app works with, in the app's own shape (camelCase, absent = null), as they will cross IPC.
 * The Volcengine wire format (PascalCase, empty strings for "none") is read and mapped in main; these schemas are
 * strict and bounded because main validates everything it sends and receives with them.
 */

const shortText = z.string().max(256);
const longText = z.string().max(2000);
/** ISO 8601 in UTC, or null when Volcengine sent nothing or something unreadable. */
const timestamp = z.string().max(40).nullable();

/** Enough for the largest account the app is meant for; a bound, not a product limit. */
export const maxListedItems = 100_000;

export const regionIdSchema = z.string().min(regionIdRule.min).max(regionIdRule.max).regex(regionIdRule.pattern);
export type RegionId = z.infer<typeof regionIdSchema>;

export const instanceIdSchema = z.string().min(1).max(128);

export const regionSchema = z.strictObject({ regionId: regionIdSchema });
export type Region = z.infer<typeof regionSchema>;

/** A zone of a region (DescribeZones); the instance types and volume types it also reports are not needed here. */
export const zoneSchema = z.strictObject({ zoneId: z.string().min(1).max(64) });
export type Zone = z.infer<typeof zoneSchema>;

export const tagSchema = z.strictObject({ key: shortText, value: shortText });
export type Tag = z.infer<typeof tagSchema>;


export { knownInstanceStatuses } from './instance-statuses';

export const instanceSchema = z.strictObject({
  instanceId: instanceIdSchema,
  instanceName: shortText,
  description: longText,
  status: z.string().max(64),
  /** `Linux` or `Windows` per the spec; kept as sent so an unexpected value is shown, not hidden. */
  osType: z.string().max(64),
  osName: shortText,
  /** Null when no key pair is bound (Volcengine sends an empty string). */
  keyPairName: shortText.nullable(),
  keyPairId: shortText.nullable(),
  zoneId: z.string().max(64),
  vpcId: z.string().max(128),
  privateIp: z.string().max(64).nullable(),
  publicIp: z.string().max(64).nullable(),
  tags: z.array(tagSchema).max(200),
  instanceTypeId: z.string().max(128),
  cpus: z.number().int().nonnegative().nullable(),
  /** In MiB, as Volcengine reports it. */
  memorySizeMiB: z.number().nonnegative().nullable(),
  imageId: z.string().max(128),
  hostName: shortText,
  projectName: shortText,
  createdAt: timestamp,
  expiredAt: timestamp,
});
export type Instance = z.infer<typeof instanceSchema>;

export const keyPairSchema = z.strictObject({
  keyPairId: shortText,
  keyPairName: shortText,
  description: longText,
  fingerprint: shortText,
  projectName: shortText,
  tags: z.array(tagSchema).max(200),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type KeyPair = z.infer<typeof keyPairSchema>;

/** The last failure behind a wrapping error such as `ECS_RETRIES_EXHAUSTED`. */
const ecsErrorCauseSchema = z.strictObject({
  code: z.string().max(200),
  message: z.string().max(2000),
  httpStatus: z.number().int().optional(),
  requestId: z.string().max(200).optional(),
});

/**
 * A failed ECS call as data. `code` is either Volcengine's string `Error.Code` verbatim (e.g.
 * `InvalidInstanceStatus`) or one of the client's own `ECS_*` codes; both are explained by the ECS error
 * catalogue. Never holds a secret, a signature or an Authorization header.
 */
export const ecsErrorDataSchema = z.strictObject({
  code: z.string().max(200),
  message: z.string().max(2000),
  /** Absent when no HTTP answer arrived (network failures, cancellation). */
  httpStatus: z.number().int().optional(),
  requestId: z.string().max(200).optional(),
  action: z.string().max(64).optional(),
  /** How many times the request was sent before this error was final. */
  attempts: z.number().int().positive().optional(),
  cause: ecsErrorCauseSchema.optional(),
});
export type EcsErrorData = z.infer<typeof ecsErrorDataSchema>;

/**
 * What became of one instance in a Detach/Attach/Reboot operation. Exactly one per requested instance:
 * - `succeeded`: Volcengine answered that this instance's change was accepted.
 * - `failed`: Volcengine said it was not applied (a per-instance or request-level error code), or a request that
 *   certainly changed nothing failed as a whole (a 4xx answer, a connection never made).
 * - `not-sent`: the request never left the app, so nothing was asked of Volcengine: cancelled before its batch was
 *   sent (`ECS_CANCELLED`) or stopped for another reason (`ECS_NOT_SENT`: record keeping failed, the operation could
 *   not start, or an interrupted operation not resumed yet). Not a failure: safe to run again.
 * - `unknown`: the request may have reached Volcengine but no definite answer came back (retries ran out after
 *   a timeout or dropped connection, or the answer did not mention this instance). Check before running again.
 */
export const instanceOutcomeSchema = z.discriminatedUnion('status', [
  z.strictObject({ instanceId: instanceIdSchema, status: z.literal('succeeded'), requestId: z.string().max(200).optional() }),
  z.strictObject({ instanceId: instanceIdSchema, status: z.literal('failed'), error: ecsErrorDataSchema }),
  z.strictObject({ instanceId: instanceIdSchema, status: z.literal('not-sent'), reason: ecsErrorDataSchema }),
  z.strictObject({ instanceId: instanceIdSchema, status: z.literal('unknown'), reason: ecsErrorDataSchema }),
]);
export type InstanceOutcome = z.infer<typeof instanceOutcomeSchema>;
export type OutcomeStatus = InstanceOutcome['status'];

/** The codes of a request that never left the app. */
export const notSentCodes = ['ECS_CANCELLED', 'ECS_NOT_SENT'] as const;
export type NotSentCode = (typeof notSentCodes)[number];


export { outcomeDetail } from './outcome-counts';

/** One request's worth of an operation, known (and recordable) before it is sent. */
export const batchPlanSchema = z.strictObject({
  /** 0-based position among the operation's batches. */
  index: z.number().int().nonnegative(),
  /** Reused by every retry of this batch, so Volcengine applies it at most once. */
  clientToken: z.string().min(1).max(64).regex(/^[\x20-\x7E]+$/),
  instanceIds: z.array(instanceIdSchema).min(1).max(100),
});
export type BatchPlan = z.infer<typeof batchPlanSchema>;

/** How far a list has come: pages and items read so far, and Volcengine's total once it has said it. */
export const listProgressSchema = z.strictObject({
  pages: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
  totalCount: z.number().int().nonnegative().optional(),
});
export type ListProgress = z.infer<typeof listProgressSchema>;
