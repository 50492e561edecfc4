import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from '../../../electron/storage/json-file';

const schema = z.strictObject({ name: z.string() });
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JSON files in the user-data folder', () => {
  it('writes a file readable only by its owner, and reads it back', async () => {
    const file = path.join(dir, 'nested', 'data.json');
    await writeJsonFileAtomic(file, { name: 'prod' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readJsonFile(file, schema)).toEqual({ kind: 'ok', value: { name: 'prod' } });
  });

  it('replaces the whole file and leaves no temp file behind', async () => {
    const file = path.join(dir, 'data.json');
    await writeJsonFileAtomic(file, { name: 'a'.repeat(10_000) });
    await writeJsonFileAtomic(file, { name: 'short' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ name: 'short' });
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('reports a missing file as missing', async () => {
    expect(await readJsonFile(path.join(dir, 'none.json'), schema)).toEqual({ kind: 'missing' });
  });

  it.each([
    ['torn JSON', '{"name": "pr', 'is not valid JSON'],
    ['JSON of the wrong shape', '{"name": 7}', 'does not match the expected format (1 problem(s))'],
  ])('keeps %s aside under a new name instead of replacing it', async (_name, content, reason) => {
    const file = path.join(dir, 'data.json');
    await writeFile(file, content);
    const read = await readJsonFile(file, schema, () => new Date('2026-01-02T03:04:05.678Z'));
    expect(read).toEqual({ kind: 'corrupt', keptAt: `${file}.corrupt-2026-01-02T03-04-05-678Z`, reason });
    expect(await readFile(`${file}.corrupt-2026-01-02T03-04-05-678Z`, 'utf8')).toBe(content);
    expect(await readJsonFile(file, schema)).toEqual({ kind: 'missing' });
  });
});
