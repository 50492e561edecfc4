import path from 'node:path';
import { z } from 'zod';
import { instanceSchema, keyPairSchema } from '../../shared/domain/ecs';
import { instancePageSize } from '../../shared/domain/inventory';

/*
 * The on-disk format of the inventory cache: one JSON Lines file per profile and region,
 *   <root>/<profileId>/<regionId>.jsonl
 * line 1    {"format":"keypair-desk/inventory-cache","version":1,"profileId",…,"readAt","instanceCount","keyPairs":[…]}
 * then      {"instances":[…]}               one line per chunk of at most 100 instances, in listing order
 * last line {"end":true,"instanceCount":N}  so a file cut short is told apart from a complete one
 * Only the app's Instance and KeyPair shapes go in (strict schemas, so no stray field such as a wire object's
 * extra keys can reach the disk); neither holds a secret.
 */

export const cacheFormat = 'keypair-desk/inventory-cache';
export const cacheVersion = 1;

/** Ids become path segments: only these characters, so no `..`, separator or drive letter can get through. */
const safeIdPattern = /^[A-Za-z0-9-]{1,64}$/;

/** Refuses an id that is not safe as a file or folder name. Ids come validated; this is the last line of defence. */
function assertSafeId(kind: 'profileId' | 'regionId', value: string): void {
  if (!safeIdPattern.test(value)) throw new RangeError(`Inventory cache: ${kind} must match ${safeIdPattern.source}`);
}

/** Enough for any account's key pairs (the bound `keyPairListSchema` uses); a bound, not a product limit. */
const maxKeyPairs = 10_000;

export const cacheHeaderSchema = z.strictObject({
  format: z.literal(cacheFormat),
  version: z.literal(cacheVersion),
  profileId: z.string().regex(safeIdPattern),
  regionId: z.string().regex(safeIdPattern),
  /** When the listing was read from Volcengine (ISO 8601). */
  readAt: z.string().min(1).max(40),
  instanceCount: z.number().int().nonnegative(),
  keyPairs: z.array(keyPairSchema).max(maxKeyPairs),
});
export type CacheHeader = z.infer<typeof cacheHeaderSchema>;

/** Just enough of a header to tell a file of another format or version (outdated) from a damaged one. */
export const cacheHeaderVersionSchema = z.object({ format: z.string(), version: z.unknown() });

export const cacheChunkSchema = z.strictObject({ instances: z.array(instanceSchema).min(1).max(instancePageSize) });
export const cacheEndSchema = z.strictObject({ end: z.literal(true), instanceCount: z.number().int().nonnegative() });

const cacheFileSuffix = '.jsonl';
const setAsideMarker = '.set-aside-';
const regionFilePattern = /^[A-Za-z0-9-]{1,64}\.jsonl$/;
const setAsidePattern = /^[A-Za-z0-9-]{1,64}\.jsonl\.set-aside-[0-9TZ-]+$/;

function regionFileName(regionId: string): string {
  return `${regionId}${cacheFileSuffix}`;
}

export function profileFolder(root: string, profileId: string): string {
  assertSafeId('profileId', profileId);
  return path.join(root, profileId);
}

export function regionFile(root: string, profileId: string, regionId: string): string {
  assertSafeId('regionId', regionId);
  return path.join(profileFolder(root, profileId), regionFileName(regionId));
}

/** `<name>.set-aside-<UTC time>`, a name that sorts by time and is safe on every platform (no colons). */
export function setAsideName(regionId: string, at: Date): string {
  return `${regionFileName(regionId)}${setAsideMarker}${at.toISOString().replace(/[:.]/g, '-')}`;
}

/** The prefix every set-aside copy of one region's file starts with. */
export function setAsidePrefix(regionId: string): string {
  return `${regionFileName(regionId)}${setAsideMarker}`;
}

/** Temp files are hidden, named after their region, so a write can clear what a crash left of its own earlier tries. */
export function tempFilePrefix(regionId: string): string {
  return `.${regionFileName(regionId)}.`;
}

export function isRegionFileName(name: string): boolean {
  return regionFilePattern.test(name);
}

export function isSetAsideName(name: string): boolean {
  return setAsidePattern.test(name);
}
