import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instanceSchema, keyPairSchema, type Instance, type KeyPair } from '../../../shared/domain/ecs';
import {
  createInventoryCache,
  type InventoryCache,
  type InventoryCacheOptions,
  type InventoryCacheReadResult,
  type InventoryCacheWriteInput,
} from '../../../electron/inventory/inventory-cache';

const profileId = 'profile-1234';
const regionId = 'cn-beijing';
let userDataDir: string;
let cacheRoot: string;

beforeEach(async () => {
  userDataDir = await mkdtemp(path.join(tmpdir(), 'kpd-inventory-cache-'));
  cacheRoot = path.join(userDataDir, 'inventory-cache');
});
afterEach(async () => {
  await rm(userDataDir, { recursive: true, force: true });
});

/** An instance with every field set (none null, tags present), so a round trip covers the whole shape. */
function testInstance(index: number, marker = 'a'): Instance {
  return instanceSchema.parse({
    instanceId: `i-${index.toString().padStart(6, '0')}`,
    instanceName: `web-${index}-${marker}`,
    description: `instance ${index} — «copy ${marker}»`,
    status: index % 2 === 0 ? 'RUNNING' : 'STOPPED',
    osType: index % 10 === 0 ? 'Windows' : 'Linux',
    osName: 'Ubuntu 22.04',
    keyPairName: 'deploy',
    keyPairId: 'kp-deploy',
    zoneId: `cn-beijing-${'abc'[index % 3]}`,
    vpcId: 'vpc-1',
    privateIp: `10.0.${(index >> 8) & 255}.${index & 255}`,
    publicIp: `203.0.113.${index % 256}`,
    tags: [
      { key: 'env', value: index % 2 === 0 ? 'prod' : 'test' },
      { key: 'team', value: `team-${index % 5}` },
    ],
    instanceTypeId: 'ecs.g1.large',
    cpus: 2,
    memorySizeMiB: 4096,
    imageId: 'image-ubuntu',
    hostName: `host-${index}`,
    projectName: 'default',
    createdAt: '2025-01-02T03:04:05.000Z',
    expiredAt: '2027-01-02T03:04:05.000Z',
  });
}

function testKeyPair(name: string): KeyPair {
  return keyPairSchema.parse({
    keyPairId: `kp-${name}`,
    keyPairName: name,
    description: `the ${name} key`,
    fingerprint: 'SHA256:abcdef',
    projectName: 'default',
    tags: [{ key: 'owner', value: 'ops' }],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-06-01T00:00:00.000Z',
  });
}

function instances(count: number, marker = 'a'): Instance[] {
  return Array.from({ length: count }, (_unused, index) => testInstance(index, marker));
}

function writeInput(list: readonly Instance[], overrides: Partial<InventoryCacheWriteInput> = {}): InventoryCacheWriteInput {
  return {
    profileId,
    regionId,
    readAt: '2026-03-04T05:06:07.000Z',
    keyPairs: [testKeyPair('deploy'), testKeyPair('other')],
    instances: list,
    instanceCount: list.length,
    ...overrides,
  };
}

/** A clock that moves one second per call, so files have distinct, ordered write times. */
function steppingClock(): () => Date {
  let time = Date.parse('2026-01-01T00:00:00.000Z');
  return () => new Date((time += 1000));
}

function makeCache(options: Partial<InventoryCacheOptions> = {}): InventoryCache {
  return createInventoryCache({ userDataDir, now: steppingClock(), ...options });
}

async function readAll(cache: InventoryCache, ids = { profileId, regionId }, signal?: AbortSignal) {
  const chunks: Instance[][] = [];
  let header: { readAt: string; instanceCount: number; keyPairs: KeyPair[] } | undefined;
  const result: InventoryCacheReadResult = await cache.read({
    ...ids,
    signal,
    onHeader: (value) => {
      header = value;
    },
    onChunk: (value) => {
      chunks.push(value);
    },
  });
  return { result, header, chunks, instances: chunks.flat() };
}

const regionFilePath = (region = regionId, profile = profileId) => path.join(cacheRoot, profile, `${region}.jsonl`);

describe('inventory cache', () => {
  it('round-trips a region in chunks of 100, in order, with its key pairs', async () => {
    const cache = makeCache();
    const list = instances(250);
    const written = await cache.write(writeInput(list));
    expect(written).toMatchObject({ kind: 'written', evicted: 0 });

    const { result, header, chunks } = await readAll(cache);
    expect(result).toEqual({ kind: 'read', readAt: '2026-03-04T05:06:07.000Z', instanceCount: 250 });
    expect(header).toEqual({ readAt: '2026-03-04T05:06:07.000Z', instanceCount: 250, keyPairs: [testKeyPair('deploy'), testKeyPair('other')] });
    expect(chunks.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(list);

    const lines = (await readFile(regionFilePath(), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'keypair-desk/inventory-cache', version: 1, profileId, regionId, instanceCount: 250 });
    expect(JSON.parse(lines[4]!)).toEqual({ end: true, instanceCount: 250 });
  });

  it('round-trips an empty region as a header and an end line', async () => {
    const cache = makeCache();
    expect(await cache.write(writeInput([]))).toMatchObject({ kind: 'written' });
    const { result, chunks } = await readAll(cache);
    expect(result).toEqual({ kind: 'read', readAt: '2026-03-04T05:06:07.000Z', instanceCount: 0 });
    expect(chunks).toEqual([]);
  });

  it('takes any iterable and walks it once', async () => {
    const cache = makeCache();
    let walks = 0;
    function* generate() {
      walks += 1;
      for (let index = 0; index < 150; index += 1) yield testInstance(index);
    }
    expect(await cache.write(writeInput([], { instances: generate(), instanceCount: 150 }))).toMatchObject({ kind: 'written' });
    expect(walks).toBe(1);
    expect((await readAll(cache)).instances).toEqual(instances(150));
  });

  it('keeps folders at 0700 and files at 0600, and leaves no temp file behind', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(10)));
    await cache.write(writeInput(instances(20)));
    expect((await stat(cacheRoot)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(cacheRoot, profileId))).mode & 0o777).toBe(0o700);
    expect((await stat(regionFilePath())).mode & 0o777).toBe(0o600);
    expect(await readdir(path.join(cacheRoot, profileId))).toEqual([`${regionId}.jsonl`]);
  });

  it('reports a missing copy as missing', async () => {
    const cache = makeCache();
    expect((await readAll(cache)).result).toEqual({ kind: 'missing' });
    expect(await cache.readKeyPairs({ profileId, regionId })).toBeNull();
  });

  it('reads the key pairs from the first line alone', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(120)));
    expect(await cache.readKeyPairs({ profileId, regionId })).toEqual({
      readAt: '2026-03-04T05:06:07.000Z',
      keyPairs: [testKeyPair('deploy'), testKeyPair('other')],
    });
    // Only the header matters: a file cut short after it still gives its key pairs.
    const text = await readFile(regionFilePath(), 'utf8');
    await writeFile(regionFilePath(), text.slice(0, text.indexOf('\n') + 10));
    expect(await cache.readKeyPairs({ profileId, regionId })).not.toBeNull();
    await writeFile(regionFilePath(), '{"format":"keypair-desk/inventory-cache","version":1');
    expect(await cache.readKeyPairs({ profileId, regionId })).toBeNull();
  });

  // Copies of a few MiB: larger than what the read stream reads ahead, so the file really changes under a read.
  it('lets a read that opened the old copy finish it while a write replaces it', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(4000, 'a')));
    const chunks: Instance[][] = [];
    let replaced: unknown;
    const result = await cache.read({
      profileId,
      regionId,
      onHeader: () => undefined,
      onChunk: async (chunk) => {
        chunks.push(chunk);
        if (chunks.length === 1) replaced = await cache.write(writeInput(instances(120, 'b')));
      },
    });
    expect(replaced).toMatchObject({ kind: 'written' });
    expect(result).toEqual({ kind: 'read', readAt: '2026-03-04T05:06:07.000Z', instanceCount: 4000 });
    expect(chunks.flat()).toEqual(instances(4000, 'a'));
    expect((await readAll(cache)).instances).toEqual(instances(120, 'b'));
  });

  it('lets a read that starts while a write is under way see the old copy', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(4000, 'a')));
    let during: ReturnType<typeof readAll> | undefined;
    function* slowlyStartingARead() {
      for (let index = 0; index < 5000; index += 1) {
        if (index === 1000) during = readAll(cache);
        yield testInstance(index, 'b');
      }
    }
    expect(await cache.write(writeInput([], { instances: slowlyStartingARead(), instanceCount: 5000 }))).toMatchObject({ kind: 'written' });
    const read = await during!;
    expect(read.result).toMatchObject({ kind: 'read' });
    expect(read.instances).toEqual(instances(read.instances.length, read.instances[0]!.instanceName.split('-')[2]));
    expect([4000, 5000]).toContain(read.instances.length);
  });

  it('gives a read racing writes a whole old or new copy, never a mix', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(300, 'a')));
    const markers = ['b', 'c', 'd', 'e', 'f', 'g'];
    // A paced read: it has the copy open once its header is in, then takes its chunks slowly, so the next write
    // replaces the copy while it is still being read.
    const pacedRead = () => {
      let opened!: () => void;
      const open = new Promise<void>((resolve) => (opened = resolve));
      const chunks: Instance[][] = [];
      const done = cache
        .read({
          profileId,
          regionId,
          onHeader: () => opened(),
          onChunk: async (chunk) => {
            chunks.push(chunk);
            await new Promise((resolve) => setTimeout(resolve, 2));
          },
        })
        .then((result) => ({ result, instances: chunks.flat() }));
      return { open, done };
    };
    // Two reads open each copy before the next write starts (waiting for their headers, not for the clock, so the
    // interleaving does not depend on how busy the machine is); they finish while the writes go on.
    const reads: Array<ReturnType<typeof pacedRead>['done']> = [];
    for (const [round, marker] of markers.entries()) {
      const pair = [pacedRead(), pacedRead()];
      await Promise.all(pair.map((read) => read.open));
      reads.push(...pair.map((read) => read.done));
      expect(await cache.write(writeInput(instances(200 + round * 50, marker)))).toMatchObject({ kind: 'written' });
    }
    const seen = new Set<string>();
    for (const read of await Promise.all(reads)) {
      const marker = read.instances[0]!.instanceName.split('-')[2]!;
      seen.add(marker);
      expect(read.instances).toEqual(instances(read.instances.length, marker));
      expect(read.result).toEqual({ kind: 'read', readAt: '2026-03-04T05:06:07.000Z', instanceCount: read.instances.length });
    }
    // Each pair opened the copy of its round: every copy but the last was read while being replaced.
    expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('runs writes of one region one after another, the last called winning', async () => {
    const cache = makeCache();
    const results = await Promise.all([
      cache.write(writeInput(instances(250, 'a'))),
      cache.write(writeInput(instances(120, 'b'))),
      cache.write(writeInput(instances(30, 'c'))),
    ]);
    expect(results.map((result) => result.kind)).toEqual(['written', 'written', 'written']);
    expect((await readAll(cache)).instances).toEqual(instances(30, 'c'));
  });

  describe('a bad copy is set aside and reported, never thrown', () => {
    const at = new Date('2026-02-03T04:05:06.789Z');
    const setAsidePath = () => `${regionFilePath()}.set-aside-2026-02-03T04-05-06-789Z`;

    async function damage(edit: (lines: string[]) => string): Promise<{ cache: InventoryCache; original: string }> {
      await makeCache().write(writeInput(instances(250)));
      const text = await readFile(regionFilePath(), 'utf8');
      const original = edit(text.split('\n'));
      await writeFile(regionFilePath(), original);
      return { cache: makeCache({ now: () => at }), original };
    }

    it.each([
      ['cut short before its end line', (lines: string[]) => `${lines.slice(0, 3).join('\n')}\n`, 2],
      ['cut short inside a line', (lines: string[]) => `${lines.slice(0, 2).join('\n')}\n${lines[2]!.slice(0, 500)}`, 1],
      ['with a middle line that is not JSON', (lines: string[]) => [lines[0], lines[1], '{"instances":[{', ...lines.slice(3)].join('\n'), 1],
      [
        'with a middle line of the wrong shape',
        (lines: string[]) => [lines[0], lines[1], JSON.stringify({ instances: [{ instanceId: 'i-1' }] }), ...lines.slice(3)].join('\n'),
        1,
      ],
      ['with a chunk missing (counts disagree)', (lines: string[]) => [lines[0], lines[1], ...lines.slice(3)].join('\n'), 2],
      ['with an end line that disagrees', (lines: string[]) => [...lines.slice(0, 4), '{"end":true,"instanceCount":7}', ''].join('\n'), 3],
      ['with a line after its end line', (lines: string[]) => `${lines.join('\n')}${lines[1]!}\n`, 3],
      ['empty', () => '', 0],
    ])('damaged: %s', async (_name, edit, chunksBeforeDamage) => {
      const { cache, original } = await damage(edit);
      const read = await readAll(cache);
      expect(read.result).toMatchObject({ kind: 'set-aside', reason: 'damaged', setAsidePath: setAsidePath() });
      // Damage may show only after chunks were delivered: the caller discards them.
      expect(read.chunks).toHaveLength(chunksBeforeDamage);
      expect(await readFile(setAsidePath(), 'utf8')).toBe(original);
      expect((await readAll(cache)).result).toEqual({ kind: 'missing' });
    });

    it('outdated: another version', async () => {
      const { cache } = await damage((lines) => {
        const header = JSON.parse(lines[0]!) as Record<string, unknown>;
        return [JSON.stringify({ ...header, version: 2 }), ...lines.slice(1)].join('\n');
      });
      const read = await readAll(cache);
      expect(read.result).toMatchObject({ kind: 'set-aside', reason: 'outdated', setAsidePath: setAsidePath() });
      expect(read.header).toBeUndefined();
      expect(read.chunks).toEqual([]);
    });

    it('damaged: a header naming another region', async () => {
      await makeCache().write(writeInput(instances(50), { regionId: 'cn-shanghai' }));
      await writeFile(regionFilePath(), await readFile(regionFilePath('cn-shanghai')));
      const read = await readAll(makeCache({ now: () => at }));
      expect(read.result).toMatchObject({ kind: 'set-aside', reason: 'damaged', setAsidePath: setAsidePath() });
      expect(read.header).toBeUndefined();
      expect((await readAll(makeCache())).result).toEqual({ kind: 'missing' });
      expect((await readAll(makeCache(), { profileId, regionId: 'cn-shanghai' })).result).toMatchObject({ kind: 'read' });
    });

    it('keeps only the newest set-aside copy of a region', async () => {
      const cache = makeCache();
      await cache.write(writeInput([]));
      for (const content of ['garbage one', 'garbage two']) {
        await writeFile(regionFilePath(), content);
        expect((await readAll(cache)).result).toMatchObject({ kind: 'set-aside' });
      }
      const names = await readdir(path.join(cacheRoot, profileId));
      expect(names).toHaveLength(1);
      expect(await readFile(path.join(cacheRoot, profileId, names[0]!), 'utf8')).toBe('garbage two');
    });
  });

  it('keeps the old copy when a new one would pass the per-file cap', async () => {
    const probe = makeCache();
    await probe.write(writeInput(instances(100)));
    const smallSize = (await stat(regionFilePath())).size;
    const cache = makeCache({ maxFileBytes: smallSize + 1000 });
    expect(await cache.write(writeInput(instances(250)))).toEqual({ kind: 'too-large', maxFileBytes: smallSize + 1000 });
    expect((await readAll(cache)).instances).toEqual(instances(100));
    expect(await readdir(path.join(cacheRoot, profileId))).toEqual([`${regionId}.jsonl`]);
  });

  it('keeps the old copy when the input is wrong', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(10)));
    expect(await cache.write(writeInput(instances(10), { instanceCount: 11 }))).toMatchObject({ kind: 'failed', reason: 'count-mismatch' });
    expect(await cache.write(writeInput(instances(10), { instanceCount: 9 }))).toMatchObject({ kind: 'failed', reason: 'count-mismatch' });
    const withExtraField = { ...testInstance(1), accessKey: 'must-not-be-written' } as Instance;
    expect(await cache.write(writeInput([withExtraField]))).toMatchObject({ kind: 'failed', reason: 'invalid' });
    expect((await readAll(cache)).instances).toEqual(instances(10));
    expect(await readFile(regionFilePath(), 'utf8')).not.toContain('must-not-be-written');
    expect(await readdir(path.join(cacheRoot, profileId))).toEqual([`${regionId}.jsonl`]);
  });

  it('reports a disk failure as a result, keeping the old copy', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(10)));
    function* failing() {
      yield testInstance(0);
      throw new Error('disk full');
    }
    expect(await cache.write(writeInput([], { instances: failing(), instanceCount: 2 }))).toEqual({
      kind: 'failed',
      reason: 'io',
      message: 'disk full',
    });
    expect((await readAll(cache)).instances).toEqual(instances(10));
  });

  it('evicts the least recently written copies to stay under the total cap', async () => {
    const probe = makeCache();
    await probe.write(writeInput(instances(100)));
    const size = (await stat(regionFilePath())).size;
    await rm(cacheRoot, { recursive: true });

    const cache = makeCache({ maxTotalBytes: size * 3 + 100 });
    for (const region of ['cn-a', 'cn-b', 'cn-c']) {
      expect(await cache.write(writeInput(instances(100), { regionId: region }))).toMatchObject({ evicted: 0 });
    }
    // Rewriting cn-a makes it the newest, so cn-b is now the oldest.
    expect(await cache.write(writeInput(instances(100), { regionId: 'cn-a' }))).toMatchObject({ evicted: 0 });
    expect(await cache.write(writeInput(instances(100), { regionId: 'cn-d', profileId: 'profile-5678' }))).toMatchObject({ evicted: 1 });
    expect((await readAll(cache, { profileId, regionId: 'cn-b' })).result).toEqual({ kind: 'missing' });
    for (const [profile, region] of [
      [profileId, 'cn-a'],
      [profileId, 'cn-c'],
      ['profile-5678', 'cn-d'],
    ] as const) {
      expect((await readAll(cache, { profileId: profile, regionId: region })).result).toMatchObject({ kind: 'read' });
    }
  });

  it('keeps a just-written copy even when it alone passes the total cap', async () => {
    const cache = makeCache({ maxTotalBytes: 1000 });
    await cache.write(writeInput(instances(5), { regionId: 'cn-a' }));
    expect(await cache.write(writeInput(instances(100)))).toMatchObject({ kind: 'written', evicted: 1 });
    expect((await readAll(cache)).instances).toHaveLength(100);
  });

  it('forgets everything, or one profile', async () => {
    const cache = makeCache();
    for (const profile of ['profile-1111', 'profile-2222']) {
      for (const region of ['cn-a', 'cn-b']) await cache.write(writeInput(instances(3), { profileId: profile, regionId: region }));
    }
    await writeFile(path.join(cacheRoot, 'profile-1111', 'cn-a.jsonl'), 'damaged');
    await readAll(cache, { profileId: 'profile-1111', regionId: 'cn-a' });

    expect(await cache.forgetProfile('profile-1111')).toBe(1);
    expect(await readdir(cacheRoot)).toEqual(['profile-2222']);
    expect(await cache.forgetProfile('profile-1111')).toBe(0);
    expect(await cache.forgetAll()).toBe(2);
    await expect(stat(cacheRoot)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await cache.forgetAll()).toBe(0);
  });

  it('lets a forget called after a write delete what that write wrote', async () => {
    const cache = makeCache();
    const write = cache.write(writeInput(instances(250)));
    const forgotten = cache.forgetAll();
    expect(await write).toMatchObject({ kind: 'written' });
    expect(await forgotten).toBe(1);
    expect((await readAll(cache)).result).toEqual({ kind: 'missing' });
  });

  it('stops reading when the signal is aborted', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(350)));
    const controller = new AbortController();
    const chunks: Instance[][] = [];
    const result = await cache.read({
      profileId,
      regionId,
      signal: controller.signal,
      onHeader: () => undefined,
      onChunk: (chunk) => {
        chunks.push(chunk);
        if (chunks.length === 2) controller.abort();
      },
    });
    expect(result).toEqual({ kind: 'cancelled' });
    expect(chunks).toHaveLength(2);
    // Cancelling is not damage: the copy is still there.
    expect((await readAll(cache)).result).toMatchObject({ kind: 'read', instanceCount: 350 });

    const header: unknown[] = [];
    const already = await cache.read({ profileId, regionId, signal: AbortSignal.abort(), onHeader: (value) => void header.push(value), onChunk: () => undefined });
    expect(already).toEqual({ kind: 'cancelled' });
    expect(header).toEqual([]);
  });

  it('passes on an error thrown by a callback, keeping the copy', async () => {
    const cache = makeCache();
    await cache.write(writeInput(instances(150)));
    await expect(
      cache.read({
        profileId,
        regionId,
        onHeader: () => undefined,
        onChunk: () => {
          throw new Error('renderer gone');
        },
      }),
    ).rejects.toThrow('renderer gone');
    expect((await readAll(cache)).result).toMatchObject({ kind: 'read' });
  });

  it.each(['', '..', '../etc', 'a/b', 'a\\b', 'cn.beijing', 'x'.repeat(65), 'C:', 'a b'])('refuses the id %j', async (bad) => {
    const cache = makeCache();
    await expect(cache.write(writeInput([], { regionId: bad }))).rejects.toThrow(RangeError);
    await expect(cache.write(writeInput([], { profileId: bad }))).rejects.toThrow(RangeError);
    await expect(cache.read({ profileId, regionId: bad, onHeader: () => undefined, onChunk: () => undefined })).rejects.toThrow(RangeError);
    await expect(cache.read({ profileId: bad, regionId, onHeader: () => undefined, onChunk: () => undefined })).rejects.toThrow(RangeError);
    await expect(cache.readKeyPairs({ profileId, regionId: bad })).rejects.toThrow(RangeError);
    await expect(cache.forgetProfile(bad)).rejects.toThrow(RangeError);
    await expect(stat(cacheRoot)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
