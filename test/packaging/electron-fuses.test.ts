import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { fuseConfigFor, fuseSettings } from '../../packaging/electron-fuses';

describe('the fuses of the packaged app', () => {
  it('turns off running as Node, NODE_OPTIONS and the inspector flags', () => {
    expect(fuseSettings[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuseSettings[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuseSettings[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
  });

  it('turns on asar integrity, asar-only loading and cookie encryption', () => {
    expect(fuseSettings[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuseSettings[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuseSettings[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('gives file: no extra privileges, since the UI is served from app://', () => {
    expect(fuseSettings[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('decides every fuse @electron/fuses knows, and makes packaging fail on one it does not', () => {
    const known = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number');
    expect(Object.keys(fuseSettings).map(Number).sort()).toEqual(known.sort());
    expect(fuseConfigFor({ platform: 'linux', arch: 'x64' })).toMatchObject({ version: FuseVersion.V1, strictlyRequireAllFuses: true });
  });

  it('re-signs ad hoc only for arm64 macOS binaries, whose signature the flip breaks', () => {
    expect(fuseConfigFor({ platform: 'darwin', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfigFor({ platform: 'darwin', arch: 'x64' }).resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfigFor({ platform: 'win32', arch: 'arm64' }).resetAdHocDarwinSignature).toBe(false);
  });
});
