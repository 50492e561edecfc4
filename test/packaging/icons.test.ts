import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The icons `npm run icons` drew from renderer/public/icon.svg, as the installers will read them.
const buildDir = path.resolve(import.meta.dirname, '../../build');

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the icon set in build/', () => {
  it('has a Linux PNG for every size from 16 to 1024, each as large as its name says', async () => {
    const names = (await readdir(path.join(buildDir, 'icons'))).sort((a, b) => parseInt(a) - parseInt(b));
    expect(names).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png', '1024x1024.png']);
    for (const name of names) {
      const size = parseInt(name);
      expect(pngSize(await readFile(path.join(buildDir, 'icons', name))), name).toEqual({ width: size, height: size });
    }
  });

  it('has a Windows .ico up to 256 pixels, which the NSIS installer requires', async () => {
    const ico = await readFile(path.join(buildDir, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => ico[6 + index * 16] || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns with the Retina sizes up to 1024 pixels', async () => {
    const icns = await readFile(path.join(buildDir, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types = new Map<string, Buffer>();
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      types.set(icns.subarray(offset, offset + 4).toString('latin1'), icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4)));
    }
    expect([...types.keys()]).toEqual(expect.arrayContaining(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']));
    expect(pngSize(types.get('ic10')!)).toEqual({ width: 1024, height: 1024 });
  });
});
