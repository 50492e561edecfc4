import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProblemOf, scanForKeys, toCandidate } from '../../../electron/credentials/cli-import';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'kpd-cli-'));
  await mkdir(path.join(home, '.volcengine'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

const writeConfig = (text: string) => writeFile(path.join(home, '.volcengine', 'config.json'), text);

describe('finding keys to import', () => {
  it('reads the CLI profiles, normalises a bare endpoint host, and adds the environment keys', async () => {
    await writeConfig(
      JSON.stringify({
        current: 'prod',
        profiles: {
          prod: { name: 'prod', mode: 'ak', 'access-key': 'AKLTprodKey000000001', 'secret-key': 'prod-secret-1', region: 'cn-beijing', endpoint: 'open.volcengineapi.com', 'disable-ssl': false },
        },
        enableColor: false,
      }),
    );
    const scan = await scanForKeys(home, { VOLCENGINE_ACCESS_KEY: 'AKLTenvKey0000000001', VOLCENGINE_SECRET_KEY: 'env-secret-1', VOLCENGINE_REGION: 'cn-shanghai' });
    expect(scan.cliConfigState).toBe('found');
    expect(scan.found).toEqual([
      { source: 'cli-config', sourceName: 'prod', mode: 'ak', accessKeyId: 'AKLTprodKey000000001', secretAccessKey: 'prod-secret-1', sessionToken: null, region: 'cn-beijing', endpoint: 'https://open.volcengineapi.com' },
      { source: 'environment', sourceName: 'environment', mode: null, accessKeyId: 'AKLTenvKey0000000001', secretAccessKey: 'env-secret-1', sessionToken: null, region: 'cn-shanghai', endpoint: null },
    ]);
  });

  it.each([
    ['absent', null],
    ['malformed', '{"profiles": {'],
    ['malformed', '{"no-profiles": true}'],
  ])('reports a %s file and carries on', async (state, text) => {
    if (text !== null) await writeConfig(text);
    const scan = await scanForKeys(home, {});
    expect(scan).toMatchObject({ cliConfigState: state, found: [] });
  });

  it('says why a profile cannot be imported', () => {
    const base = { source: 'cli-config' as const, sourceName: 'x', mode: 'ak', accessKeyId: 'AKLTvalidKey00000001', secretAccessKey: 'valid-secret-1', sessionToken: null, region: 'cn-beijing', endpoint: null };
    const none = new Set<string>();
    expect(importProblemOf(base, none)).toBeNull();
    expect(importProblemOf({ ...base, mode: 'sso', accessKeyId: null, secretAccessKey: null }, none)).toBe('unsupported-mode');
    expect(importProblemOf({ ...base, secretAccessKey: null }, none)).toBe('no-keys');
    expect(importProblemOf({ ...base, accessKeyId: 'has spaces in it' }, none)).toBe('invalid-keys');
    expect(importProblemOf({ ...base, region: 'Not A Region' }, none)).toBe('invalid-region');
    expect(importProblemOf(base, new Set(['x']))).toBe('name-taken');
    expect(importProblemOf({ ...base, region: null }, none)).toBeNull();
  });

  it('masks the keys in what the renderer sees', () => {
    const candidate = toCandidate(
      { source: 'environment', sourceName: 'environment', mode: null, accessKeyId: 'AKLTvalidKey00000001', secretAccessKey: 'valid-secret-1', sessionToken: 'tok', region: null, endpoint: null },
      new Set(),
    );
    expect(candidate).toEqual({ source: 'environment', sourceName: 'environment', accessKeyHint: 'AKLT…0001', region: null, endpoint: null, hasSessionToken: true, mode: null, problem: null });
    expect(JSON.stringify(candidate)).not.toContain('valid-secret-1');
  });
});
