import { z } from 'zod';
import { exposureReportSchema } from '../../shared/domain/exposure';
import { batchPlanSchema, instanceOutcomeSchema, maxListedItems } from '../../shared/domain/ecs';
import { operationPlanSchema, operationRefSchema, operationStateSchema } from '../../shared/domain/operation';
import { rebootWaveSchema, rollingRulesSchema, waveVerdictSchema } from '../../shared/domain/rolling-reboot';
import { sweepHistorySchema } from '../../shared/domain/sweep';
import { maxSweepParts } from '../../shared/domain/sweep-limits';
import { maxInstancesPerRequest } from '../volcengine/batching';

/*
 * The records of the operation journal, one JSON object per line. Every schema is strict: a record cannot carry a
 * field it does not declare, so a secret, a signature or an Authorization header has no place to slip in, and a
 * line that has one is not a record. The fields reuse the shared plan and outcome schemas, so a record holds
 * exactly what the app already shows and validates, nothing more.
 */

const operationId = operationRefSchema.shape.operationId;
/** When the step was recorded: ISO 8601 in UTC, as `Date#toISOString` writes it. */
const at = z.iso.datetime();
const batchIndex = batchPlanSchema.shape.index;
const waveIndex = rebootWaveSchema.shape.index;

/**
 * A rolling reboot's rules and waves. A wave is its count of consecutive batches (its instances are theirs), so the
 * record does not hold every instance ID twice. Absent in a plain operation, and in journals older than waves.
 */
const rollingRecordSchema = rollingRulesSchema.extend({
  waves: z
    .array(z.strictObject({ zoneId: rebootWaveSchema.shape.zoneId, batchCount: rebootWaveSchema.shape.batchCount }))
    .min(1)
    .max(maxListedItems / maxInstancesPerRequest + 1),
});

/** What was reviewed and started: enough to show it in history and to resume it after a crash. */
const plannedFields = operationPlanSchema.pick({
  profileId: true,
  profileName: true,
  accessKeyHint: true,
  regionId: true,
  action: true,
  keyPair: true,
  forceStop: true,
  instanceIds: true,
  excluded: true,
}).shape;

export const plannedRecordSchema = z
  .strictObject({
    type: z.literal('planned'),
    operationId,
    at,
    ...plannedFields,
    // Added later, so optional: a journal written before them still reads (its results show IDs alone).
    /** The planned instances' names, private IPs, zones and statuses as read when planned, in `instanceIds` order. */
    instances: operationPlanSchema.shape.instances.optional(),
    accountId: operationPlanSchema.shape.accountId.optional(),
    endpoint: operationPlanSchema.shape.endpoint.optional(),
    /** Every request the operation will send, with the ClientToken that every send of it (resumed ones too) reuses. */
    batches: z.array(batchPlanSchema).max(maxListedItems / maxInstancesPerRequest + 1),
    rolling: rollingRecordSchema.optional(),
    /** An attach: the planned instances whose other key it overwrites (absent for any other, and in older journals). */
    replacing: operationPlanSchema.shape.replacing,
    /** An undo: the detach it re-attaches the key for (absent for any other, and in older journals). */
    undoOf: operationPlanSchema.shape.undoOf,
    /** A sweep's part: the sweep's own ID (its `sweep-started` record lists every part); absent for any other. */
    sweepOperationId: z.string().min(1).max(64).optional(),
  })
  .superRefine((record, context) => {
    // Replay gives every planned instance exactly one status through its batch: the batches must be the plan.
    const tokens = new Set(record.batches.map((batch) => batch.clientToken));
    if (tokens.size !== record.batches.length) context.addIssue({ code: 'custom', path: ['batches'], message: 'ClientTokens must be distinct' });
    if (record.batches.some((batch, index) => batch.index !== index)) {
      context.addIssue({ code: 'custom', path: ['batches'], message: 'batches must be numbered 0, 1, 2, … in order' });
    }
    const batched = record.batches.flatMap((batch) => batch.instanceIds);
    if (new Set(record.instanceIds).size !== record.instanceIds.length) {
      context.addIssue({ code: 'custom', path: ['instanceIds'], message: 'instance IDs must be distinct' });
    }
    if (batched.length !== record.instanceIds.length || batched.some((id, index) => id !== record.instanceIds[index])) {
      context.addIssue({ code: 'custom', path: ['batches'], message: 'the batches must hold exactly the instances, in order' });
    }
    if (record.rolling !== undefined && record.rolling.waves.reduce((sum, wave) => sum + wave.batchCount, 0) !== record.batches.length) {
      context.addIssue({ code: 'custom', path: ['rolling', 'waves'], message: 'the waves must cover exactly the batches' });
    }
  });

/**
 * A sweep was confirmed: one operation over several accounts and regions, whose parts are ordinary operations.
 * Written (and flushed) before any part starts, so a part the app never got to start is still on record, with
 * nothing sent. `operationId` is the sweep's own ID, never a part's.
 */
export const sweepStartedRecordSchema = z
  .strictObject({
    type: z.literal('sweep-started'),
    operationId,
    at,
    keyPairName: sweepHistorySchema.shape.keyPairName,
    parts: z
      .array(sweepHistorySchema.shape.parts.element.omit({ started: true }))
      .min(1)
      .max(maxSweepParts),
  })
  .refine((record) => new Set(record.parts.map((part) => part.operationId)).size === record.parts.length, {
    message: 'each part once',
    path: ['parts'],
  });

/** Written before each send of a batch; attempt 2 and later are retries (or a resume) with the same ClientToken. */
export const batchSentRecordSchema = z.strictObject({
  type: z.literal('batch-sent'),
  operationId,
  at,
  batchIndex,
  attempt: z.number().int().positive(),
});

/** What Volcengine answered for a batch that was sent; the outcomes carry its RequestId or error. */
export const batchAnsweredRecordSchema = z.strictObject({
  type: z.literal('batch-answered'),
  operationId,
  at,
  batchIndex,
  outcomes: z.array(instanceOutcomeSchema).min(1).max(maxInstancesPerRequest),
});

const settledOutcomeSchema = instanceOutcomeSchema.refine((outcome) => outcome.status !== 'unknown', {
  message: 'a re-check records only the outcomes it settled',
});

/** Outcomes that a DescribeInstances re-check settled; they replace what the batch answers said. */
export const recheckedRecordSchema = z.strictObject({
  type: z.literal('rechecked'),
  operationId,
  at,
  outcomes: z.array(settledOutcomeSchema).min(1).max(maxListedItems),
});

/** The operation ended: every batch answered or not sent. Without it, the operation was interrupted. */
export const finishedRecordSchema = z.strictObject({
  type: z.literal('finished'),
  operationId,
  at,
  state: operationStateSchema.extract(['finished', 'cancelled']),
});

/**
 * A "still exposed" check of a detach (see electron/exposure/): what the fresh reads found, so the history shows
 * the latest one. Written after the operation's end, so it may sit in a later file than its planned record.
 */
const exposureCheckedRecordSchema = z
  .strictObject({
    type: z.literal('exposure-checked'),
    operationId,
    at,
    report: exposureReportSchema,
  })
  .refine((record) => record.report.operationId === record.operationId, { message: 'the report must be of this operation', path: ['report'] });
/** A wave of a rolling reboot begins: written before its first request is sent. */
export const waveStartedRecordSchema = z.strictObject({
  type: z.literal('wave-started'),
  operationId,
  at,
  waveIndex,
});

/**
 * What one DescribeInstances check of a wave found: the statuses that changed since the wave's previous check (the
 * first check has them all), so a long wait costs a few lines, not one line per instance per check.
 */
export const waveCheckedRecordSchema = z.strictObject({
  type: z.literal('wave-checked'),
  operationId,
  at,
  waveIndex,
  statuses: z
    .array(z.strictObject({ instanceId: batchPlanSchema.shape.instanceIds.element, status: z.string().max(64).nullable() }))
    .min(1)
    .max(maxListedItems),
});

/** A wave's wait ended, and how; `stopped` means it crossed the threshold and no later wave is sent. */
export const waveEndedRecordSchema = z.strictObject({
  type: z.literal('wave-ended'),
  operationId,
  at,
  waveIndex,
  verdict: waveVerdictSchema,
});

export const journalRecordSchema = z.discriminatedUnion('type', [
  plannedRecordSchema,
  sweepStartedRecordSchema,
  batchSentRecordSchema,
  batchAnsweredRecordSchema,
  recheckedRecordSchema,
  waveStartedRecordSchema,
  waveCheckedRecordSchema,
  waveEndedRecordSchema,
  finishedRecordSchema,
  exposureCheckedRecordSchema,
]);

export type JournalRecord = z.infer<typeof journalRecordSchema>;
export type PlannedRecord = z.infer<typeof plannedRecordSchema>;
export type BatchSentRecord = z.infer<typeof batchSentRecordSchema>;
export type BatchAnsweredRecord = z.infer<typeof batchAnsweredRecordSchema>;
export type RecheckedRecord = z.infer<typeof recheckedRecordSchema>;
export type FinishedRecord = z.infer<typeof finishedRecordSchema>;
export type SweepStartedRecord = z.infer<typeof sweepStartedRecordSchema>;
export type ExposureCheckedRecord = z.infer<typeof exposureCheckedRecordSchema>;
export type WaveRecord = z.infer<typeof waveStartedRecordSchema> | z.infer<typeof waveCheckedRecordSchema> | z.infer<typeof waveEndedRecordSchema>;
