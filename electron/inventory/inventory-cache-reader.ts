import { once } from 'node:events';
import type { ReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Instance, KeyPair } from '../../shared/domain/ecs';
import {
  cacheChunkSchema,
  cacheEndSchema,
  cacheFormat,
  cacheHeaderSchema,
  cacheHeaderVersionSchema,
  cacheVersion,
  type CacheHeader,
} from './inventory-cache-format';

/** What the first line of a copy says, handed over before any instance. */
export interface InventoryCacheHeader {
  /** When the listing was read from Volcengine (ISO 8601): show the copy as "as of" this. */
  readAt: string;
  instanceCount: number;
  keyPairs: KeyPair[];
}

export interface CacheFileCallbacks {
  onHeader: (header: InventoryCacheHeader) => void | Promise<void>;
  /** At most 100 instances, in the order they were written; awaited before the next line is read. */
  onChunk: (instances: Instance[]) => void | Promise<void>;
  signal?: AbortSignal | undefined;
}

/** Which file was read, so it is set aside only if a write has not replaced it since. */
export interface CacheFileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export type CacheFileReadOutcome =
  | { kind: 'missing' }
  | { kind: 'read'; readAt: string; instanceCount: number }
  | { kind: 'cancelled' }
  | { kind: 'bad'; reason: 'damaged' | 'outdated'; detail: string; identity: CacheFileIdentity };

type Bad = { reason: 'damaged' | 'outdated'; detail: string };
type HeaderCheck = { kind: 'ok'; header: CacheHeader } | ({ kind: 'bad' } & Bad);

function parseJson(line: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(line) as unknown };
  } catch {
    return undefined;
  }
}

function checkHeader(line: string, ids: { profileId: string; regionId: string }): HeaderCheck {
  const json = parseJson(line);
  if (json === undefined) return { kind: 'bad', reason: 'damaged', detail: 'line 1 is not JSON' };
  const version = cacheHeaderVersionSchema.safeParse(json.value);
  if (!version.success) return { kind: 'bad', reason: 'damaged', detail: 'line 1 is not a cache header' };
  if (version.data.format !== cacheFormat || version.data.version !== cacheVersion) {
    return { kind: 'bad', reason: 'outdated', detail: 'written in another format or version' };
  }
  const parsed = cacheHeaderSchema.safeParse(json.value);
  if (!parsed.success) {
    return { kind: 'bad', reason: 'damaged', detail: `line 1: ${parsed.error.issues.length} problem(s)` };
  }
  if (parsed.data.profileId !== ids.profileId || parsed.data.regionId !== ids.regionId) {
    return { kind: 'bad', reason: 'damaged', detail: 'the header names another profile or region' };
  }
  return { kind: 'ok', header: parsed.data };
}

/** Opens `file`, or says it is not there. Other failures (permissions, I/O) are thrown: they are not content. */
async function openIfPresent(file: string): Promise<FileHandle | undefined> {
  try {
    return await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Destroys the stream and waits until its file is closed, so the file can be renamed at once (Windows). */
async function closeStream(stream: ReadStream): Promise<void> {
  if (stream.closed) return;
  const closed = once(stream, 'close');
  stream.destroy();
  await closed;
}

/**
 * Reads one region's copy line by line (readline over a read stream, which pauses while a callback is awaited, so
 * a paced caller never makes it buffer the file). Bad content is an outcome, never an exception; what to do about
 * it (set it aside) is the caller's. `maxFileBytes` bounds memory: no larger file can have been written by the
 * cache, and a damaged one without line breaks would otherwise be read whole as one line.
 */
export async function readCacheFile(
  options: { file: string; profileId: string; regionId: string; maxFileBytes: number } & CacheFileCallbacks,
): Promise<CacheFileReadOutcome> {
  const { file, signal, onHeader, onChunk } = options;
  // A function, not a narrowed property: the signal can be aborted while a callback is awaited.
  const aborted = () => signal?.aborted === true;
  if (aborted()) return { kind: 'cancelled' };
  const handle = await openIfPresent(file);
  if (handle === undefined) return { kind: 'missing' };
  let stream: ReadStream | undefined;
  try {
    const stats = await handle.stat();
    const identity: CacheFileIdentity = { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
    const bad = (reason: Bad['reason'], detail: string): CacheFileReadOutcome => ({ kind: 'bad', reason, detail, identity });
    if (stats.size > options.maxFileBytes) return bad('damaged', 'larger than any copy the cache writes');

    stream = handle.createReadStream({ encoding: 'utf8' });
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let header: CacheHeader | undefined;
    let delivered = 0;
    let ended = false;
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber += 1;
      if (aborted()) return { kind: 'cancelled' };
      if (header === undefined) {
        const check = checkHeader(line, options);
        if (check.kind === 'bad') return bad(check.reason, check.detail);
        header = check.header;
        await onHeader({ readAt: header.readAt, instanceCount: header.instanceCount, keyPairs: header.keyPairs });
        continue;
      }
      if (ended) return bad('damaged', `line ${lineNumber} follows the end line`);
      const json = parseJson(line);
      if (json === undefined) return bad('damaged', `line ${lineNumber} is not JSON`);
      if (typeof json.value === 'object' && json.value !== null && 'end' in json.value) {
        const end = cacheEndSchema.safeParse(json.value);
        if (!end.success) return bad('damaged', `line ${lineNumber} is not a valid end line`);
        if (end.data.instanceCount !== header.instanceCount || delivered !== header.instanceCount) {
          return bad('damaged', `instance counts disagree (header ${header.instanceCount}, end ${end.data.instanceCount}, lines ${delivered})`);
        }
        ended = true;
        continue;
      }
      const chunk = cacheChunkSchema.safeParse(json.value);
      if (!chunk.success) return bad('damaged', `line ${lineNumber}: ${chunk.error.issues.length} problem(s)`);
      delivered += chunk.data.instances.length;
      if (delivered > header.instanceCount) return bad('damaged', `more instances than the header's ${header.instanceCount}`);
      await onChunk(chunk.data.instances);
      if (aborted()) return { kind: 'cancelled' };
    }
    if (header === undefined) return bad('damaged', 'the file is empty');
    if (!ended) return bad('damaged', 'no end line: the file was cut short');
    return { kind: 'read', readAt: header.readAt, instanceCount: header.instanceCount };
  } finally {
    if (stream === undefined) await handle.close();
    else await closeStream(stream);
  }
}

/** The header alone (the first line), or null when the file is missing or its header is not a valid one. */
export async function readCacheHeader(options: {
  file: string;
  profileId: string;
  regionId: string;
  maxFileBytes: number;
}): Promise<CacheHeader | null> {
  const handle = await openIfPresent(options.file);
  if (handle === undefined) return null;
  let stream: ReadStream | undefined;
  try {
    if ((await handle.stat()).size > options.maxFileBytes) return null;
    stream = handle.createReadStream({ encoding: 'utf8' });
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      const check = checkHeader(line, options);
      return check.kind === 'ok' ? check.header : null;
    }
    return null;
  } finally {
    if (stream === undefined) await handle.close();
    else await closeStream(stream);
  }
}
