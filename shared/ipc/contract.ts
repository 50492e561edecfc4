import { z } from 'zod';
import { appErrorSchema } from '../errors/app-error';
import { appInfoSchema } from '../domain/app-info';
import { exportFileSchema, exportSavedSchema } from '../domain/export-file';
import { connectionTestResultSchema } from '../domain/connection-test';
import { importResultSchema, importScanSchema, importSelectionSchema } from '../domain/credential-import';
import {
  inventoryListRequestSchema,
  inventoryPageSchema,
  jobRefSchema,
  keyPairListRequestSchema,
  keyPairListSchema,
  listingProgressSchema,
  regionListRequestSchema,
  regionListSchema,
} from '../domain/inventory';
import { exposureReportSchema } from '../domain/exposure';
import { historyDetailSchema, historyListSchema } from '../domain/history';
import { keychainStatusSchema } from '../domain/keychain-status';
import {
  operationPlanSchema,
  operationProgressSchema,
  operationRefSchema,
  operationResultSchema,
  planRequestSchema,
  startRequestSchema,
} from '../domain/operation';
import {
  profileInputSchema,
  profileRefSchema,
  profileSummarySchema,
  profileUpdateSchema,
} from '../domain/profile';
import { settingsPatchSchema, settingsSchema } from '../domain/settings';
import {
  sweepPlanRequestSchema,
  sweepPlanSchema,
  sweepProgressSchema,
  sweepRequestSchema,
  sweepSchema,
  sweepOperationRefSchema,
  sweepStartedSchema,
  sweepStartRequestSchema,
} from '../domain/sweep';
import type { EventChannel, InvokeChannel } from './channel-names';

/**
 * The IPC contract: for each channel, the runtime schema of its request and of its successful value. Main
 * validates every request against it before a handler runs, and every answer before it leaves; the TypeScript
 * types on both sides are inferred from it. Adding a channel = one name in `channel-names.ts`, one entry here,
 * one handler in main.
 *
 * Request rules: objects are strict (unknown fields are rejected), every string and array has a maximum size
 * (a test walks this file to enforce it), and a channel without input takes `z.undefined()`.
 */
export const invokeContract = {
  'app.getInfo': { request: z.undefined(), response: appInfoSchema },
  'settings.get': { request: z.undefined(), response: settingsSchema },
  'settings.update': { request: settingsPatchSchema, response: settingsSchema },
  'keychain.getStatus': { request: z.undefined(), response: keychainStatusSchema },
  'profiles.list': {
    request: z.undefined(),
    response: z.strictObject({ profiles: z.array(profileSummarySchema).max(1000), problem: appErrorSchema.nullable() }),
  },
  'profiles.create': { request: profileInputSchema, response: profileSummarySchema },
  'profiles.update': { request: profileUpdateSchema, response: profileSummarySchema },
  'profiles.remove': { request: profileRefSchema, response: profileRefSchema },
  'profiles.testConnection': { request: profileRefSchema, response: connectionTestResultSchema },
  'profiles.lockSecrets': { request: z.undefined(), response: z.strictObject({ locked: z.literal(true) }) },
  'profiles.scanImports': { request: z.undefined(), response: importScanSchema },
  'profiles.importSelected': { request: importSelectionSchema, response: importResultSchema },
  'regions.list': { request: regionListRequestSchema, response: regionListSchema },
  /**
   * Lists a region, a key pair's instances or some instances. The instances come as `inventory.page` events, one per
   * page as it arrives, and the state as `inventory.progress`; the answer is the final state, never the instances.
   */
  'inventory.list': { request: inventoryListRequestSchema, response: listingProgressSchema },
  'inventory.listKeyPairs': { request: keyPairListRequestSchema, response: keyPairListSchema },
  /** Stops a listing; what arrived stays, marked incomplete. */
  'inventory.cancel': { request: jobRefSchema, response: z.strictObject({ cancelled: z.boolean() }) },
  /** Deletes every region listing kept on this computer. */
  'inventory.forgetCache': { request: z.undefined(), response: z.strictObject({ removed: z.number().int().nonnegative() }) },
  'operations.plan': { request: planRequestSchema, response: operationPlanSchema },
  /** Starts the plan and answers at once; progress comes as `operations.progress` events. */
  'operations.start': { request: startRequestSchema, response: operationRefSchema },
  'operations.cancel': { request: operationRefSchema, response: z.strictObject({ cancelling: z.boolean() }) },
  'operations.get': { request: operationRefSchema, response: operationResultSchema },
  /** Looks at the instances whose outcome is unknown (DescribeInstances) and settles what can be settled. */
  'operations.recheck': { request: operationRefSchema, response: operationResultSchema },
  /** Sends an interrupted operation's unanswered requests again, with their ClientTokens; answers once it runs. */
  'operations.resume': { request: operationRefSchema, response: operationRefSchema },
  /** Ends an interrupted operation without resuming it: its unsent requests are recorded as cancelled. */
  'operations.abandon': { request: operationRefSchema, response: operationResultSchema },
  /**
   * Where a detach's key still works: a fresh DescribeInstances of the key pair's instances and of those it was
   * detached from, classified and journaled. Answers with what could be read; a failed read is in `problems`.
   */
  'operations.exposure': { request: operationRefSchema, response: exposureReportSchema },
  /**
   * Plans the undo of a detach: an attach of the same key pair (by ID) to the instances whose detach succeeded and
   * that a fresh DescribeInstances shows still there, Linux, RUNNING or STOPPED and with no key bound. One with
   * another key bound since is excluded (`other-key`), never overwritten. Started like any plan (`operations.start`).
   * Refused with UNDO_NOT_POSSIBLE unless the operation is a detach that has ended (finished or cancelled: one running
   * or interrupted has outcomes that are not final) with at least one success; OPERATION_INSTANCES_BUSY while a
   * running operation changes any of those instances; CLOUD_REQUEST_FAILED when the fresh read fails.
   */
  'operations.planUndo': { request: operationRefSchema, response: operationPlanSchema },
  'history.list': { request: z.undefined(), response: historyListSchema },
  /** One operation as the journal tells it, with its latest exposure check (null when none was journaled). */
  'history.get': { request: operationRefSchema, response: historyDetailSchema },
  /**
   * Searches every region of each profile asked for, accounts side by side; answers when every account was searched
   * (an account that could not be read is in the answer, with its error). Progress comes as `sweep.progress` events.
   */
  'sweep.find': { request: sweepRequestSchema, response: sweepSchema },
  'sweep.cancel': { request: jobRefSchema, response: z.strictObject({ cancelled: z.boolean() }) },
  'sweep.plan': { request: sweepPlanRequestSchema, response: sweepPlanSchema },
  /**
   * Journals the sweep as one operation with its parts, starts each account's regions' parts and answers once they
   * run; progress comes as `operations.progress` events. Refused as a whole (nothing started) when any part cannot.
   */
  'sweep.start': { request: sweepStartRequestSchema, response: sweepStartedSchema },
  /**
   * Resumes every interrupted part of a sweep from the journal (each with its ClientTokens) and answers with all its
   * started parts, ended ones included. SWEEP_NOT_FOUND when the journal has no such sweep; OPERATION_NOT_RESUMABLE
   * when no part is interrupted.
   */
  'sweep.resume': { request: sweepOperationRefSchema, response: sweepStartedSchema },
  'exports.save': { request: exportFileSchema, response: exportSavedSchema },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

export const eventContract = {
  'settings.changed': settingsSchema,
  'inventory.progress': listingProgressSchema,
  'inventory.page': inventoryPageSchema,
  'operations.progress': operationProgressSchema,
  'sweep.progress': sweepProgressSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

// The two lists of names must agree both ways; `satisfies` above checks one direction, this the other.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
true satisfies Exactly<keyof typeof invokeContract, InvokeChannel>;
true satisfies Exactly<keyof typeof eventContract, EventChannel>;

export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>;
export type EventPayloadOf<E extends EventChannel> = z.output<(typeof eventContract)[E]>;
