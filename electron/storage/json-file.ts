import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

export type JsonFileRead<T> =
  | { kind: 'missing' }
  | { kind: 'ok'; value: T }
  /** The file was unreadable or invalid; it was moved to `keptAt` so nothing is lost, and the caller decides. */
  | { kind: 'corrupt'; keptAt: string; reason: string };

/** Opens a folder and fsyncs it, so a rename inside it survives a power cut (no-op where unsupported). */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a directory for syncing; its rename is already durable enough for our needs.
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `file` with `value` as JSON so that a crash at any moment leaves either the old or the new content,
 * never a torn file: write a temp file beside it (mode 0600), fsync it, rename it over, fsync the folder.
 */
export async function writeJsonFileAtomic(file: string, value: unknown): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
}

/**
 * Reads and validates a JSON file. A file that cannot be parsed or does not match the schema is never silently
 * replaced: it is renamed to `<name>.corrupt-<time>` and reported, so the user's data can still be recovered.
 */
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  now: () => Date = () => new Date(),
): Promise<JsonFileRead<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let reason: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return { kind: 'ok', value: parsed.data };
    reason = `does not match the expected format (${parsed.error.issues.length} problem(s))`;
  } catch {
    reason = 'is not valid JSON';
  }
  const keptAt = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, keptAt);
  return { kind: 'corrupt', keptAt, reason };
}
