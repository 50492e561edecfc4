import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { createSettingsStore } from '../../../electron/settings/settings-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kpd-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('starts from the defaults when there is no file', async () => {
    const store = createSettingsStore(path.join(dir, 'settings.json'), createMemoryLogger());
    expect(await store.get()).toEqual({ language: 'system', theme: 'system' });
  });

  it('persists a change so a new store (a restart) reads it', async () => {
    const file = path.join(dir, 'settings.json');
    await createSettingsStore(file, createMemoryLogger()).update({ language: 'zh-CN' });
    expect(await createSettingsStore(file, createMemoryLogger()).get()).toEqual({ language: 'zh-CN', theme: 'system' });
  });

  it('applies quick successive changes in order without losing one', async () => {
    const file = path.join(dir, 'settings.json');
    const store = createSettingsStore(file, createMemoryLogger());
    await Promise.all([store.update({ language: 'en-US' }), store.update({ theme: 'dark' }), store.update({ language: 'zh-CN' })]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ language: 'zh-CN', theme: 'dark' });
  });

  it('sets a corrupt file aside, says so in the log, and uses the defaults', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, 'not json');
    const logger = createMemoryLogger();
    expect(await createSettingsStore(file, logger).get()).toEqual({ language: 'system', theme: 'system' });
    expect((await readdir(dir)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(logger.lines.join('\n')).toContain('settings file unreadable');
  });
});
