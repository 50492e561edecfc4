import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExportHandlers, safeFileName } from '../../../electron/exports/export-handlers';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('saving exports', () => {
  it.each([
    ['results.csv', 'csv', 'results.csv'],
    ['../../etc/passwd', 'csv', 'passwd.csv'],
    ['..\\..\\evil.json', 'json', '_.._evil.json'],
    ['.hidden', 'json', 'hidden.json'],
    ['结果 2026-11-28.csv', 'csv', '结果 2026-11-28.csv'],
    ['', 'json', 'keypair-desk-export.json'],
  ] as const)('suggests %s as %s', (name, extension, expected) => {
    expect(safeFileName(name, extension)).toBe(expected);
  });

  it('writes the content where the user chose, and nothing when they cancel', async () => {
    const chosen: string[] = [];
    const save = createExportHandlers(async (name) => {
      chosen.push(name);
      return name.startsWith('cancel') ? undefined : path.join(dir, name);
    })['exports.save'];
    expect(await save({ fileName: 'results.csv', content: '\uFEFFa,b\r\n', mimeType: 'text/csv' })).toEqual({ saved: true, path: path.join(dir, 'results.csv') });
    expect(await readFile(path.join(dir, 'results.csv'), 'utf8')).toBe('\uFEFFa,b\r\n');
    expect(await save({ fileName: 'cancel.json', content: '{}', mimeType: 'application/json' })).toEqual({ saved: false, path: null });
    expect(chosen).toEqual(['results.csv', 'cancel.json']);
  });
});
