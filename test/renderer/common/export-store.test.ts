import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createExportHandlers } from '../../../electron/exports/export-handlers';
import { createExportStore } from '../../../renderer/src/common/export-store';
import type { KeyPairDeskApi } from '../../../shared/ipc/api-types';
import { fail, ok } from '../../../shared/ipc/result';

let folder: string | undefined;
afterEach(async () => {
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

/** Main's real export handler behind `window.api.exports.save`; the save dialog answers `choose`. */
async function mainSaving(choose: 'save' | 'cancel') {
  folder = await mkdtemp(path.join(tmpdir(), 'kpd-export-'));
  const dir = folder;
  const asked: Array<{ name: string; extension: string }> = [];
  const handlers = createExportHandlers((name, extension) => {
    asked.push({ name, extension });
    return Promise.resolve(choose === 'save' ? path.join(dir, name) : undefined);
  });
  const api = { exports: { save: async (request: never) => ok(await handlers['exports.save'](request)) } } as unknown as KeyPairDeskApi;
  return { api, asked };
}

describe('the export store: every screen saves an export through it', () => {
  it('has main write the file where the admin chose, as CSV or JSON, and answers the path', async () => {
    const main = await mainSaving('save');
    const store = createExportStore(() => main.api);
    const saved = await store.getState().save('detach.csv', 'instanceId\r\ni-1\r\n', 'text/csv;charset=utf-8');
    expect(saved).not.toBeNull();
    expect(await readFile(saved!, 'utf8')).toBe('instanceId\r\ni-1\r\n');
    await store.getState().save('detach.json', '{}\n', 'application/json');
    expect(main.asked.map((question) => question.extension)).toEqual(['csv', 'json']);
  });

  it('answers null when the admin cancels the save dialog', async () => {
    const main = await mainSaving('cancel');
    expect(await createExportStore(() => main.api).getState().save('detach.csv', 'a\r\n', 'text/csv')).toBeNull();
  });

  it('answers null when main refuses the request', async () => {
    const api = { exports: { save: () => Promise.resolve(fail({ code: 'IPC_VALIDATION_FAILED', message: 'bad request' })) } } as unknown as KeyPairDeskApi;
    expect(await createExportStore(() => api).getState().save('detach.csv', 'a\r\n', 'text/csv')).toBeNull();
  });
});
