import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronBinaryPath, flipPackagedFuses, type PackedApp } from '../../packaging/after-pack';
import { createStubElectronDist } from '../../packaging/stub-electron';

// Electron's fuse sentinel, followed by the wire: version 1, nine fuses, in the states Electron 45 ships with.
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const shippedWire = '101100011';

const base = await mkdtemp(path.join(tmpdir(), 'kpd-after-pack-'));
let appOutDir: string;
let app: PackedApp;

/** A file that carries a fuse wire where an Electron binary does, between bytes that stand for the rest of it. */
async function writeFakeElectron(file: string): Promise<void> {
  const wire = Buffer.concat([Buffer.from(sentinel), Buffer.from([1, shippedWire.length]), Buffer.from(shippedWire)]);
  await writeFile(file, Buffer.concat([Buffer.alloc(4096, 0xcc), wire, Buffer.alloc(4096, 0xcc)]));
}

beforeEach(async () => {
  appOutDir = await mkdtemp(path.join(base, 'linux-unpacked-'));
  app = { platform: 'linux', arch: 'x64', appOutDir, productFilename: 'KeyPair Desk', executableName: 'keypair-desk' };
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the afterPack hook', () => {
  it('flips the configured fuses in the packaged binary', async () => {
    await writeFakeElectron(path.join(appOutDir, 'keypair-desk'));
    const log = vi.fn();
    expect(await flipPackagedFuses(app, log)).toBe('flipped');
    const wire = await getCurrentFuseWire(path.join(appOutDir, 'keypair-desk'));
    const state = (fuse: FuseV1Options) => (wire[fuse] === FuseState.ENABLE ? 'on' : wire[fuse] === FuseState.DISABLE ? 'off' : 'other');
    expect({
      RunAsNode: state(FuseV1Options.RunAsNode),
      EnableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      EnableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      EnableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      OnlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      EnableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      GrantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      RunAsNode: 'off',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      EnableCookieEncryption: 'on',
      GrantFileProtocolExtraPrivileges: 'off',
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('fuses: flipped'));
  });

  it('skips the stub Electron of package:check, says so, and leaves it as it was', async () => {
    await createStubElectronDist(appOutDir);
    const before = await readFile(path.join(appOutDir, 'electron'));
    const log = vi.fn();
    const flip = vi.fn();
    expect(await flipPackagedFuses(app, log, flip)).toBe('skipped-stub');
    expect(flip).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/not flipped.*stub Electron/));
    expect(await readFile(path.join(appOutDir, 'electron'))).toEqual(before);
  });

  it('fails the build when a real binary has no fuse wire', async () => {
    await writeFile(path.join(appOutDir, 'keypair-desk'), 'not an Electron binary');
    await expect(flipPackagedFuses(app, () => undefined)).rejects.toThrow(/sentinel/);
  });

  it('finds the binary of each platform', () => {
    expect(electronBinaryPath(app)).toBe(path.join(appOutDir, 'keypair-desk'));
    expect(electronBinaryPath({ ...app, platform: 'win32' })).toBe(path.join(appOutDir, 'KeyPair Desk.exe'));
    expect(electronBinaryPath({ ...app, platform: 'darwin' })).toBe(path.join(appOutDir, 'KeyPair Desk.app'));
  });
});
