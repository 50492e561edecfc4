import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/logging/logger';
import { createSettingsStore } from '../../../electron/settings/settings-store';
import { defaultSettings } from '../../../shared/domain/settings';

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
    expect(await store.get()).toEqual(defaultSettings);
    expect(store.current()).toEqual(defaultSettings);
  });

  it('reads a file from an older version, giving the newer settings their defaults', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ language: 'zh-CN', theme: 'dark' }));
    const store = createSettingsStore(file, createMemoryLogger());
    expect(await store.get()).toEqual({ ...defaultSettings, language: 'zh-CN', theme: 'dark' });
    expect(store.current().theme).toBe('dark');
  });

  it('persists a change so a new store (a restart) reads it', async () => {
    const file = path.join(dir, 'settings.json');
    await createSettingsStore(file, createMemoryLogger()).update({ language: 'zh-CN' });
    expect(await createSettingsStore(file, createMemoryLogger()).get()).toEqual({ ...defaultSettings, language: 'zh-CN' });
  });

  it('applies quick successive changes in order without losing one', async () => {
    const file = path.join(dir, 'settings.json');
    const store = createSettingsStore(file, createMemoryLogger());
    await Promise.all([store.update({ language: 'en-US' }), store.update({ theme: 'dark' }), store.update({ language: 'zh-CN' })]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ ...defaultSettings, language: 'zh-CN', theme: 'dark' });
  });

  it('sets a corrupt file aside, says so in the log, and uses the defaults', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, 'not json');
    const logger = createMemoryLogger();
    expect(await createSettingsStore(file, logger).get()).toEqual(defaultSettings);
    expect((await readdir(dir)).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(logger.lines.join('\n')).toContain('settings file unreadable');
  });
});
