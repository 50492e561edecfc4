import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Instance, KeyPair } from '../../shared/domain/ecs';
import { instancePageSize } from '../../shared/domain/inventory';
import { syncDirectory } from '../storage/json-file';
import {
  cacheChunkSchema,
  cacheFormat,
  cacheHeaderSchema,
  cacheVersion,
  tempFilePrefix,
} from './inventory-cache-format';

export interface InventoryCacheWriteInput {
  profileId: string;
  regionId: string;
  /** When the listing was read from Volcengine (ISO 8601). */
  readAt: string;
  keyPairs: readonly KeyPair[];
  /** Walked once, in chunks of 100: the whole region is never turned into one string. */
  instances: Iterable<Instance>;
  /** How many `instances` yields; the write fails (old copy kept) when it does not. */
  instanceCount: number;
}

/** What a write did. Anything but `written` left the previous copy (if any) in place. */
export type InventoryCacheWriteResult =
  /** `evicted`: other cache files deleted afterwards to keep the folder under its total cap. */
  | { kind: 'written'; bytes: number; evicted: number }
  /** The copy would pass the per-file cap; writing stopped. */
  | { kind: 'too-large'; maxFileBytes: number }
  /**
   * `invalid`: an instance or key pair does not match the app's schema (nothing unchecked reaches the disk);
   * `count-mismatch`: `instances` did not yield `instanceCount`; `io`: the disk refused (full, permissions…).
   */
  | { kind: 'failed'; reason: 'invalid' | 'count-mismatch' | 'io'; message: string };

export type CacheFileWriteResult = Exclude<InventoryCacheWriteResult, { kind: 'written' }> | { kind: 'written'; bytes: number };

/** A reason to stop writing that is not an I/O failure. */
class WriteStopped extends Error {
  constructor(readonly result: Exclude<CacheFileWriteResult, { kind: 'written' }>) {
    super(result.kind);
  }
}

/** Deletes temp files a crash left behind for this region; writes of one region are serialized, so none is live. */
async function clearStaleTempFiles(dir: string, regionId: string): Promise<void> {
  const prefix = tempFilePrefix(regionId);
  for (const name of await readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

/**
 * Writes a region's copy to a temp file beside `file`, chunk by chunk, fsyncs it and renames it over `file`, then
 * fsyncs the folder: a crash at any moment leaves the old copy or the new one, never part of one. The caller
 * serializes writes of the same file. `writtenAt` becomes the file's mtime, which the total cap evicts by.
 */
export async function writeCacheFile(options: {
  file: string;
  input: InventoryCacheWriteInput;
  maxFileBytes: number;
  writtenAt: Date;
}): Promise<CacheFileWriteResult> {
  const { file, input, maxFileBytes, writtenAt } = options;
  const dir = path.dirname(file);
  let temp: string | undefined;
  let handle: FileHandle | undefined;
  let bytes = 0;

  const writeLine = async (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`;
    const size = Buffer.byteLength(line, 'utf8');
    if (bytes + size > maxFileBytes) throw new WriteStopped({ kind: 'too-large', maxFileBytes });
    await handle!.write(line, null, 'utf8');
    bytes += size;
  };

  try {
    const header = cacheHeaderSchema.safeParse({
      format: cacheFormat,
      version: cacheVersion,
      profileId: input.profileId,
      regionId: input.regionId,
      readAt: input.readAt,
      instanceCount: input.instanceCount,
      keyPairs: input.keyPairs,
    });
    if (!header.success) {
      throw new WriteStopped({ kind: 'failed', reason: 'invalid', message: `header: ${header.error.issues.length} problem(s)` });
    }

    await mkdir(dir, { recursive: true, mode: 0o700 });
    await clearStaleTempFiles(dir, input.regionId);
    temp = path.join(dir, `${tempFilePrefix(input.regionId)}${randomBytes(6).toString('hex')}.tmp`);
    handle = await open(temp, 'wx', 0o600);
    await writeLine(header.data);

    let count = 0;
    let chunk: Instance[] = [];
    const flush = async () => {
      const parsed = cacheChunkSchema.safeParse({ instances: chunk });
      if (!parsed.success) {
        throw new WriteStopped({
          kind: 'failed',
          reason: 'invalid',
          message: `instances ${count - chunk.length + 1}–${count}: ${parsed.error.issues.length} problem(s)`,
        });
      }
      await writeLine(parsed.data);
      chunk = [];
    };
    for (const instance of input.instances) {
      count += 1;
      if (count > input.instanceCount) break;
      chunk.push(instance);
      if (chunk.length === instancePageSize) await flush();
    }
    if (count !== input.instanceCount) {
      throw new WriteStopped({
        kind: 'failed',
        reason: 'count-mismatch',
        message: `expected ${input.instanceCount} instances, got ${count > input.instanceCount ? 'more' : count}`,
      });
    }
    if (chunk.length > 0) await flush();
    await writeLine({ end: true, instanceCount: count });

    await handle.utimes(writtenAt, writtenAt);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
    temp = undefined;
    await syncDirectory(dir);
    return { kind: 'written', bytes };
  } catch (error) {
    if (error instanceof WriteStopped) return error.result;
    return { kind: 'failed', reason: 'io', message: error instanceof Error ? error.message : String(error) };
  } finally {
    await handle?.close().catch(() => undefined);
    if (temp !== undefined) await unlink(temp).catch(() => undefined);
  }
}
