import { z } from 'zod';
import { instanceSchema, keyPairSchema, maxListedItems, regionIdSchema, regionSchema } from './ecs';
import { profileIdSchema } from './profile';

/** A client-chosen id for a long-running load, so the renderer can match progress to it and cancel it. */
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

export const inventoryRequestSchema = z.strictObject({ profileId: profileIdSchema, regionId: regionIdSchema, jobId: jobIdSchema });

/** A region's whole inventory: every instance and every key pair, paged to the end. */
export const inventorySchema = z.strictObject({
  regionId: regionIdSchema,
  instances: z.array(instanceSchema).max(maxListedItems),
  keyPairs: z.array(keyPairSchema).max(10_000),
  loadedAt: z.string().max(40),
});
export type Inventory = z.infer<typeof inventorySchema>;

export const inventoryProgressSchema = z.strictObject({
  jobId: jobIdSchema,
  phase: z.enum(['key-pairs', 'instances']),
  items: z.number().int().nonnegative(),
  totalCount: z.number().int().nonnegative().nullable(),
});
export type InventoryProgress = z.infer<typeof inventoryProgressSchema>;

export const jobRefSchema = z.strictObject({ jobId: jobIdSchema });
