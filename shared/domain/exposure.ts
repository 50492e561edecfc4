import { z } from 'zod';
import { appErrorSchema } from '../errors/app-error';
import { instanceIdSchema, maxListedItems, regionIdSchema, type InstanceOutcome } from './ecs';
import { exposureBuckets } from './exposure-buckets';
import { keyPairRefSchema } from './operation';

/*
 * "Where does this key still work?" after a detach. A detached key stops working only when the instance reboots
 * (a stopped one picks the change up at its next start), so the answer comes from a fresh DescribeInstances and
 * the app's own record of reboots. Reboots done outside the app cannot be seen: DescribeInstances reports no start
 * time.
 */

/**
 * The four reasons a key still works on an instance:
 * - `failed`: still bound, and the operation tried and did not detach it (outcome failed or unknown);
 * - `notSent`: still bound, and its request was never sent (cancelled, or stopped before sending);
 * - `leftOut`: still bound, and not in the operation's plan (excluded with a reason, not selected, or bound since);
 * - `notYetRebooted`: detached, RUNNING, and not rebooted by the app since the detach.
 */
;
export const exposureBucketSchema = z.enum(exposureBuckets);
export type ExposureBucket = z.infer<typeof exposureBucketSchema>;

/**
 * Why an instance is in its bucket, beyond the bucket itself: an outcome's error code (failed, not sent), an
 * exclusion reason or `not-selected` / `bound-again` (left out), or `detached` (not yet rebooted).
 */
const exposureDetailSchema = z.string().max(200);

export const exposedInstanceSchema = z.strictObject({
  instanceId: instanceIdSchema,
  instanceName: z.string().max(256).nullable(),
  privateIp: z.string().max(64).nullable(),
  status: z.string().max(64).nullable(),
  detail: exposureDetailSchema,
});
export type ExposedInstance = z.infer<typeof exposedInstanceSchema>;

const bucketList = z.array(exposedInstanceSchema).max(maxListedItems);

/** The two fresh reads a check makes; either can fail while the other answers. */
export const exposureReadSchema = z.enum(['key-pair-listing', 'detached-instances']);
export type ExposureRead = z.infer<typeof exposureReadSchema>;

export const exposureReportSchema = z.strictObject({
  operationId: z.string().max(64),
  /** ISO 8601, when the fresh reads were made. */
  checkedAt: z.string().max(40),
  regionId: regionIdSchema,
  keyPair: keyPairRefSchema,
  buckets: z.strictObject({ failed: bucketList, notSent: bucketList, leftOut: bucketList, notYetRebooted: bucketList }),
  /** Instances in any bucket (each is in exactly one). */
  total: z.number().int().nonnegative(),
  /**
   * The reads that failed: when any did, the buckets that rest on it hold only what could be read, and the report
   * is incomplete (never a complete-looking zero). `key-pair-listing` feeds failed, not sent and left out;
   * `detached-instances` feeds not yet rebooted.
   */
  problems: z.array(z.strictObject({ read: exposureReadSchema, error: appErrorSchema })).max(2),
});
export type ExposureReport = z.infer<typeof exposureReportSchema>;

const exposureCountsSchema = z.strictObject({
  failed: z.number().int().nonnegative(),
  notSent: z.number().int().nonnegative(),
  leftOut: z.number().int().nonnegative(),
  notYetRebooted: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ExposureCounts = z.infer<typeof exposureCountsSchema>;

/** The latest check of an operation as the history lists it. */
export const exposureSummarySchema = z.strictObject({
  checkedAt: z.string().max(40),
  counts: exposureCountsSchema,
  complete: z.boolean(),
});
export type ExposureSummary = z.infer<typeof exposureSummarySchema>;

function exposureCounts(report: Pick<ExposureReport, 'buckets' | 'total'>): ExposureCounts {
  const { buckets } = report;
  return {
    failed: buckets.failed.length,
    notSent: buckets.notSent.length,
    leftOut: buckets.leftOut.length,
    notYetRebooted: buckets.notYetRebooted.length,
    total: report.total,
  };
}

export function exposureSummary(report: ExposureReport): ExposureSummary {
  return { checkedAt: report.checkedAt, counts: exposureCounts(report), complete: report.problems.length === 0 };
}

/**
 * Whether an outcome means "never sent" (cancelled before its request left, or stopped before sending): the one
 * place the exposure rules ask.
 */
export function isNotSentOutcome(outcome: InstanceOutcome): boolean {
  return outcome.status === 'not-sent';
}

/** Whether the key may have been taken off by this outcome: it was (succeeded), or it may have been (unknown). */
export function mayHaveDetached(outcome: InstanceOutcome): boolean {
  return outcome.status === 'succeeded' || outcome.status === 'unknown';
}
