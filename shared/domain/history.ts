import { z } from 'zod';
import { exposureReportSchema, exposureSummarySchema } from './exposure';
import { operationActionSchema, keyPairRefSchema, operationResultSchema, operationStateSchema } from './operation';
import { regionIdSchema } from './ecs';
import { profileNameSchema } from './profile';
import { sweepHistorySchema } from './sweep';

/** One operation as the history lists it, from the journal: what, where, when, and how it came out. */
export const historyEntrySchema = z.strictObject({
  operationId: z.string().max(64),
  action: operationActionSchema,
  state: operationStateSchema,
  startedAt: z.string().max(40),
  finishedAt: z.string().max(40).nullable(),
  profileName: profileNameSchema,
  accessKeyHint: z.string().max(16),
  regionId: regionIdSchema,
  keyPair: keyPairRefSchema.nullable(),
  counts: z.strictObject({
    total: z.number().int().nonnegative(),
    succeeded: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    unknown: z.number().int().nonnegative(),
    /** Never sent: cancelled, or waiting for a resume. */
    notSent: z.number().int().nonnegative(),
    excluded: z.number().int().nonnegative(),
  }),
  /** The latest "still exposed" check of a detach; null when none was made (always, in journals from before it). */
  exposure: exposureSummarySchema.nullable(),
  /** An undo: the detach it re-attaches the key for; null for any other operation. */
  undoOf: z.string().max(64).nullable(),
  /** A detach: the undos started for it, oldest first (empty when none). */
  undoneBy: z.array(z.string().max(64)).max(1000),
  /** A sweep's part: the sweep it belongs to (listed in `sweeps`); null for an operation of its own. */
  sweepOperationId: z.string().max(64).nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyListSchema = z.strictObject({
  /** Newest first. */
  entries: z.array(historyEntrySchema).max(100_000),
  /** The sweeps among them, newest first: each groups its parts' entries, account by account. */
  sweeps: z.array(sweepHistorySchema).max(10_000),
  /** Journal lines that could not be read (a crash mid-write, damage): skipped, and said so. */
  skippedLines: z.number().int().nonnegative(),
  /** Older journal files kept in the archive folder, all included above. */
  archives: z.number().int().nonnegative(),
});
export type HistoryList = z.infer<typeof historyListSchema>;

/** One operation from the journal, with the latest "still exposed" check of it (null when none was journaled). */
export const historyDetailSchema = operationResultSchema.extend({
  exposure: exposureReportSchema.nullable(),
  /** A detach: the undos started for it, oldest first (an undo names its detach in `plan.undoOf`). */
  undoneBy: z.array(z.string().max(64)).max(1000),
});
export type HistoryDetail = z.infer<typeof historyDetailSchema>;
