import { lstat, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { KeyPair } from '../../shared/domain/ecs';
import type { Logger } from '../logging/logger';
import { syncDirectory } from '../storage/json-file';
import {
  isRegionFileName,
  isSetAsideName,
  profileFolder,
  regionFile,
  setAsideName,
  setAsidePrefix,
} from './inventory-cache-format';
import { readCacheFile, readCacheHeader, type CacheFileCallbacks, type CacheFileIdentity } from './inventory-cache-reader';
import { writeCacheFile, type InventoryCacheWriteInput, type InventoryCacheWriteResult } from './inventory-cache-writer';

export type { InventoryCacheHeader } from './inventory-cache-reader';
export type { InventoryCacheWriteInput, InventoryCacheWriteResult } from './inventory-cache-writer';

/*
 * The copy of each region's last complete instance listing, kept at
 * `<userDataDir>/inventory-cache/<profileId>/<regionId>.jsonl` (folders 0700, files 0600; format in
 * inventory-cache-format.ts) so a region can be shown at once, "as of" its `readAt`, while it is listed again.
 * Nothing is ever planned from it: plans are checked against what main reads from Volcengine now.
 */

const inventoryCacheFolderName = 'inventory-cache';
const defaultMaxCacheFileBytes = 128 * 1024 * 1024;
const defaultMaxCacheTotalBytes = 512 * 1024 * 1024;

export interface InventoryCacheOptions {
  userDataDir: string;
  logger?: Logger;
  /** A copy larger than this is not written (the previous one is kept), and a larger file is never read. */
  maxFileBytes?: number;
  /** After each write, the least recently written files are deleted until the folder is under this. */
  maxTotalBytes?: number;
  /** Stamps written files (their mtime, which eviction goes by) and set-aside names. */
  now?: () => Date;
}

export interface InventoryCacheReadRequest extends CacheFileCallbacks {
  profileId: string;
  regionId: string;
}

export type InventoryCacheReadResult =
  | { kind: 'missing' }
  /** The whole copy was delivered and checked: the header's counts, every chunk and the end line agree. */
  | { kind: 'read'; readAt: string; instanceCount: number }
  /** The signal was aborted; reading stopped and nothing more is delivered. */
  | { kind: 'cancelled' }
  /**
   * The copy was damaged (unparsable line, schema mismatch, another region's header, cut short, counts disagree)
   * or outdated (another format or version) and was renamed to `setAsidePath` (null when it could not be moved,
   * or a write had already replaced it). Damage can be found after some chunks were delivered: the caller must
   * then discard everything this read delivered. `detail` is for the log.
   */
  | { kind: 'set-aside'; reason: 'damaged' | 'outdated'; setAsidePath: string | null; detail: string };

export interface InventoryCache {
  /**
   * Replaces a region's copy atomically (a crash or a concurrent read sees the old copy or the new one), then
   * evicts other files over the total cap. Never rejects for a disk or input problem: the result says so and the
   * old copy stays. Rejects only for an unsafe id (`[A-Za-z0-9-]{1,64}`). Writes of one region run one at a time.
   */
  write(input: InventoryCacheWriteInput): Promise<InventoryCacheWriteResult>;
  /**
   * Streams a region's copy: `onHeader` once, then `onChunk` per chunk of at most 100 instances, each awaited.
   * Bad content is set aside and reported, never thrown; rejects for an unsafe id, an I/O failure other than a
   * missing file, or an error thrown by a callback.
   */
  read(request: InventoryCacheReadRequest): Promise<InventoryCacheReadResult>;
  /** The copy's key pairs (its first line only), for showing them offline; null when there is no valid copy. */
  readKeyPairs(ids: { profileId: string; regionId: string }): Promise<{ readAt: string; keyPairs: KeyPair[] } | null>;
  /** Deletes the whole cache folder, after the writes already called; resolves to the region copies removed. */
  forgetAll(): Promise<number>;
  /** Deletes one profile's copies, after the writes already called; resolves to the region copies removed. */
  forgetProfile(profileId: string): Promise<number>;
}

interface CachedFile {
  file: string;
  size: number;
  mtimeMs: number;
  isRegion: boolean;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

async function readdirIfPresent(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** Region copies and set-aside copies under `dir` (a profile folder); temp files of running writes are left out. */
async function listFolder(dir: string): Promise<CachedFile[]> {
  const files: CachedFile[] = [];
  for (const name of await readdirIfPresent(dir)) {
    const isRegion = isRegionFileName(name);
    if (!isRegion && !isSetAsideName(name)) continue;
    const file = path.join(dir, name);
    const stats = await lstat(file).catch(() => undefined);
    if (stats?.isFile() === true) files.push({ file, size: stats.size, mtimeMs: stats.mtimeMs, isRegion });
  }
  return files;
}

/** Runs tasks with the same key one after another, and tasks with different keys side by side. */
function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}

export function createInventoryCache(options: InventoryCacheOptions): InventoryCache {
  const root = path.join(options.userDataDir, inventoryCacheFolderName);
  const maxFileBytes = positiveInteger('maxFileBytes', options.maxFileBytes ?? defaultMaxCacheFileBytes);
  const maxTotalBytes = positiveInteger('maxTotalBytes', options.maxTotalBytes ?? defaultMaxCacheTotalBytes);
  const now = options.now ?? (() => new Date());
  const logger = options.logger;
  const serialized = createKeyedQueue();
  const evictionKey = '\0eviction';
  /** Writes called and not yet finished: a forget waits for them, so nothing it was asked to delete comes back. */
  const inflight = new Set<Promise<unknown>>();
  /** Settles when the last forget called has finished; writes called after it start only then. */
  let gate: Promise<unknown> = Promise.resolve();

  /** Deletes the least recently written files (never `keep`) until the folder is under the total cap. */
  async function evict(keep: string): Promise<number> {
    return serialized(evictionKey, async () => {
      const files = (await Promise.all((await readdirIfPresent(root)).map((name) => listFolder(path.join(root, name))))).flat();
      let total = files.reduce((sum, file) => sum + file.size, 0);
      const oldestFirst = files
        .filter((file) => file.file !== keep)
        .sort((a, b) => a.mtimeMs - b.mtimeMs || (a.file < b.file ? -1 : 1));
      let evicted = 0;
      for (const candidate of oldestFirst) {
        if (total <= maxTotalBytes) break;
        // Under the file's own lock, and only if no write has replaced it since it was listed.
        const outcome = await serialized(candidate.file, async () => {
          const current = await stat(candidate.file).catch(() => undefined);
          if (current === undefined) return 'gone';
          if (current.mtimeMs !== candidate.mtimeMs) return 'kept';
          await unlink(candidate.file);
          return 'removed';
        }).catch((error: unknown) => {
          logger?.warn('inventory cache: could not evict a file', { error: String(error) });
          return 'kept';
        });
        if (outcome !== 'kept') total -= candidate.size;
        if (outcome === 'removed') evicted += 1;
      }
      return evicted;
    });
  }

  async function writeRegion(file: string, input: InventoryCacheWriteInput): Promise<InventoryCacheWriteResult> {
    const result = await serialized(file, () => writeCacheFile({ file, input, maxFileBytes, writtenAt: now() }));
    if (result.kind !== 'written') {
      logger?.warn('inventory cache: copy not written; the previous one is kept', {
        regionId: input.regionId,
        result: result.kind,
        ...(result.kind === 'failed' ? { reason: result.reason, message: result.message } : {}),
      });
      return result;
    }
    const evicted = await evict(file).catch((error: unknown) => {
      logger?.warn('inventory cache: eviction failed', { error: String(error) });
      return 0;
    });
    return { ...result, evicted };
  }

  /** Renames a bad copy aside, unless a write has replaced it since it was opened; keeps one set-aside per region. */
  async function setAside(file: string, regionId: string, identity: CacheFileIdentity): Promise<string | null> {
    return serialized(file, async () => {
      const current = await stat(file).catch(() => undefined);
      const same =
        current !== undefined &&
        current.dev === identity.dev &&
        current.ino === identity.ino &&
        current.size === identity.size &&
        current.mtimeMs === identity.mtimeMs;
      if (!same) return null;
      const dir = path.dirname(file);
      const target = path.join(dir, setAsideName(regionId, now()));
      await rename(file, target);
      for (const name of await readdirIfPresent(dir)) {
        if (name.startsWith(setAsidePrefix(regionId)) && name !== path.basename(target)) {
          await unlink(path.join(dir, name)).catch(() => undefined);
        }
      }
      await syncDirectory(dir);
      return target;
    }).catch((error: unknown) => {
      logger?.warn('inventory cache: could not set a bad copy aside', { regionId, error: String(error) });
      return null;
    });
  }

  function forget(folder: string, profileFolders: () => Promise<string[]>): Promise<number> {
    const before = [...inflight];
    const task = gate
      .then(() => Promise.allSettled(before))
      .then(async () => {
        let removed = 0;
        for (const dir of await profileFolders()) removed += (await listFolder(dir)).filter((file) => file.isRegion).length;
        await rm(folder, { recursive: true, force: true });
        return removed;
      });
    gate = task.catch(() => undefined);
    return task;
  }

  return {
    async write(input) {
      const file = regionFile(root, input.profileId, input.regionId);
      const task = gate.then(() => writeRegion(file, input));
      inflight.add(task);
      const done = () => inflight.delete(task);
      void task.then(done, done);
      return task;
    },

    async read(request) {
      const { profileId, regionId } = request;
      const file = regionFile(root, profileId, regionId);
      const outcome = await readCacheFile({ ...request, file, maxFileBytes });
      if (outcome.kind !== 'bad') return outcome;
      const setAsidePath = await setAside(file, regionId, outcome.identity);
      logger?.warn('inventory cache: bad copy set aside', { regionId, reason: outcome.reason, detail: outcome.detail });
      return { kind: 'set-aside', reason: outcome.reason, setAsidePath, detail: outcome.detail };
    },

    async readKeyPairs({ profileId, regionId }) {
      const file = regionFile(root, profileId, regionId);
      const header = await readCacheHeader({ file, profileId, regionId, maxFileBytes }).catch((error: unknown) => {
        logger?.warn('inventory cache: could not read a copy', { regionId, error: String(error) });
        return null;
      });
      return header === null ? null : { readAt: header.readAt, keyPairs: header.keyPairs };
    },

    async forgetAll() {
      return forget(root, async () => (await readdirIfPresent(root)).map((name) => path.join(root, name)));
    },

    async forgetProfile(profileId) {
      const folder = profileFolder(root, profileId);
      return forget(folder, async () => [folder]);
    },
  };
}
