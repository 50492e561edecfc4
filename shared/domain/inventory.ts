import { z } from 'zod';
import { appErrorSchema } from '../errors/app-error';
import { instanceIdSchema, instanceSchema, keyPairSchema, maxListedItems, regionIdSchema, regionSchema } from './ecs';
import { keyPairRefSchema } from './operation';
import { profileIdSchema } from './profile';

/** A client-chosen id for a long-running listing, so the renderer can match its events to it and cancel it. */
export const jobIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9-]+$/);

export const regionListRequestSchema = z.strictObject({ profileId: profileIdSchema, refresh: z.boolean() });
export const regionListSchema = z.strictObject({
  regions: z.array(regionSchema).max(500),
  /** When the list was fetched from Volcengine (ISO 8601). */
  fetchedAt: z.string().max(40),
  /** True when the list came from the cache because Volcengine could not be reached. */
  fromCache: z.boolean(),
});
export type RegionList = z.infer<typeof regionListSchema>;

/** DescribeInstances' MaxResults: the most one page holds, and so the most one `inventory.page` event carries. */
export const instancePageSize = 100;
/** More zones than any region has; a bound, not a product limit. */
const maxZones = 64;

/**
 * What a listing reads:
 * - `region`: every instance of the region, zone by zone where DescribeZones allows (else in one sequence), shown
 *   at once from the copy kept on disk when there is one, then replaced by what Volcengine says now;
 * - `key-pair`: the instances bound to one key pair (DescribeInstances with `KeyPairName`, kept only where the
 *   returned `KeyPairId` is this one): all a detach needs, in ceil(M/100) requests whatever the region's size;
 * - `instances`: these instances, read again (after an operation changed them).
 */
export const inventoryScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('region') }),
  z.strictObject({ kind: z.literal('key-pair'), keyPair: keyPairRefSchema }),
  z.strictObject({ kind: z.literal('instances'), instanceIds: z.array(instanceIdSchema).min(1).max(maxListedItems) }),
]);
export type InventoryScope = z.infer<typeof inventoryScopeSchema>;

export const inventoryListRequestSchema = z.strictObject({
  profileId: profileIdSchema,
  regionId: regionIdSchema,
  jobId: jobIdSchema,
  scope: inventoryScopeSchema,
});
export type InventoryListRequest = z.infer<typeof inventoryListRequestSchema>;

/**
 * One DescribeInstances page as it arrived (or one chunk of the copy on disk), pushed to the renderer at once.
 * Each is validated on its own; the region as a whole never crosses IPC again.
 */
export const inventoryPageSchema = z.strictObject({
  jobId: jobIdSchema,
  /** `fresh`: Volcengine answered it just now. `cached`: read from the copy kept on disk; never planned from. */
  source: z.enum(['fresh', 'cached']),
  /** When Volcengine said this (for a cached page: when the copy was read from Volcengine). */
  readAt: z.string().max(40),
  instances: z.array(instanceSchema).max(instancePageSize),
  /** Distinct instances of this source the job has delivered so far, this page included. */
  received: z.number().int().nonnegative(),
  /** How many the listing expects (DescribeInstances' TotalCount; the copy's size for a cached page); null until known. */
  totalCount: z.number().int().nonnegative().nullable(),
});
export type InventoryPage = z.infer<typeof inventoryPageSchema>;

const zoneListingStateSchema = z.enum(['waiting', 'listing', 'complete', 'failed', 'cancelled']);
export type ZoneListingState = z.infer<typeof zoneListingStateSchema>;

/** One zone's listing within a region listing. */
export const zoneProgressSchema = z.strictObject({
  zoneId: z.string().max(64),
  state: zoneListingStateSchema,
  received: z.number().int().nonnegative(),
  totalCount: z.number().int().nonnegative().nullable(),
  error: appErrorSchema.nullable(),
});
export type ZoneProgress = z.infer<typeof zoneProgressSchema>;

/**
 * How a region is read. `zones`: one listing per zone (DescribeZones), several at a time. `sequential`: one
 * listing of the whole region, because the first page held it all, the region has one zone, or the zones could
 * not be listed (then `zonesError` says why).
 */
export const regionListingModeSchema = z.enum(['zones', 'sequential']);
export type RegionListingMode = z.infer<typeof regionListingModeSchema>;

/** The copy of the region's last complete listing kept on disk, as shown before the fresh one. */
const cachedListingSchema = z.strictObject({
  /** When that listing was read from Volcengine. */
  readAt: z.string().max(40),
  received: z.number().int().nonnegative(),
});

/**
 * Where a listing stands: pushed as `inventory.progress` when it starts and whenever its state, mode or a zone
 * changes (pages carry the running counts), and the answer of `inventory.list` once it has ended.
 * `complete` means every instance in scope was read: only then is the listing presented as whole. `incomplete`
 * keeps what arrived and says why (`cancelled`, or `error`: for a region, the failed zones say which part).
 */
export const listingProgressSchema = z.strictObject({
  jobId: jobIdSchema,
  regionId: regionIdSchema,
  scope: z.enum(['region', 'key-pair', 'instances']),
  state: z.enum(['listing', 'complete', 'incomplete']),
  /** Distinct fresh instances read so far. */
  received: z.number().int().nonnegative(),
  totalCount: z.number().int().nonnegative().nullable(),
  /** Region listings only: null until decided. */
  mode: regionListingModeSchema.nullable(),
  /** Why a region is listed in one sequence although it has several zones (DescribeZones failed, or missed some). */
  zonesError: appErrorSchema.nullable(),
  zones: z.array(zoneProgressSchema).max(maxZones),
  cancelled: z.boolean(),
  /** What stopped the listing short (the first failure), or a problem beside it (the copy on disk set aside). */
  error: appErrorSchema.nullable(),
  /** Region listings: the copy on disk shown before the fresh pages, if there was one. */
  cached: cachedListingSchema.nullable(),
  /** A damaged or outdated copy on disk that was set aside (the listing itself went on). */
  cacheProblem: appErrorSchema.nullable(),
  startedAt: z.string().max(40),
  /** When the listing ended; null while it runs. */
  finishedAt: z.string().max(40).nullable(),
});
export type ListingProgress = z.infer<typeof listingProgressSchema>;


export { listingStarted } from './listing-started';

export const keyPairListRequestSchema = z.strictObject({ profileId: profileIdSchema, regionId: regionIdSchema });

/** A region's key pairs; from the copy on disk (`fromCache`) when Volcengine cannot be reached. */
export const keyPairListSchema = z.strictObject({
  regionId: regionIdSchema,
  keyPairs: z.array(keyPairSchema).max(10_000),
  readAt: z.string().max(40),
  fromCache: z.boolean(),
});
export type KeyPairList = z.infer<typeof keyPairListSchema>;

export const jobRefSchema = z.strictObject({ jobId: jobIdSchema });
