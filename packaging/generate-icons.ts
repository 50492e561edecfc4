import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import icongen from 'icon-gen';

/**
 * `npm run icons`: every icon the installers use, drawn from the one vector source, `renderer/public/icon.svg` (the
 * icon the window already shows). Run it after changing the SVG and commit what it writes to `build/`:
 *   build/icons/<n>x<n>.png  Linux (AppImage, deb), 16 to 1024 pixels
 *   build/icon.ico           Windows, 16 to 256 pixels
 *   build/icon.icns          macOS, 16 to 1024 pixels, inset on Apple's icon grid
 * icon-gen renders the SVG with sharp (librsvg) at each size, so small sizes are drawn, not scaled down.
 */
const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'renderer', 'public', 'icon.svg');
const buildDir = path.join(root, 'build');

const linuxIconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/**
 * The same drawing inset to 824 of 1024 units: macOS draws no shape of its own around an app icon, and its
 * template leaves that margin, so a full-bleed square would look larger than every other icon in the Dock.
 */
function insetForMacOs(svg: string): string {
  const match = /^([\s\S]*?<svg\b[^>]*>)([\s\S]*)<\/svg>\s*$/.exec(svg);
  const viewBox = /viewBox="([^"]+)"/.exec(match?.[1] ?? '')?.[1];
  if (match === null || viewBox === undefined) throw new Error('icon.svg must be one <svg> element with a viewBox');
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">' +
    `<svg x="100" y="100" width="824" height="824" viewBox="${viewBox}">${match[2]}</svg></svg>\n`
  );
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'kpd-icons-'));
  try {
    const fullBleed = path.join(work, 'full-bleed');
    await mkdir(fullBleed);
    await icongen(source, fullBleed, {
      report: false,
      ico: { name: 'icon' },
      favicon: { name: 'png-', pngSizes: linuxIconSizes, icoSizes: [16] },
    });
    const mac = path.join(work, 'mac');
    await mkdir(mac);
    const insetSvg = path.join(work, 'icon-mac.svg');
    await writeFile(insetSvg, insetForMacOs(await readFile(source, 'utf8')));
    await icongen(insetSvg, mac, { report: false, icns: { name: 'icon' } });

    await mkdir(path.join(buildDir, 'icons'), { recursive: true });
    for (const size of linuxIconSizes) {
      await copyFile(path.join(fullBleed, `png-${size}.png`), path.join(buildDir, 'icons', `${size}x${size}.png`));
    }
    await copyFile(path.join(fullBleed, 'icon.ico'), path.join(buildDir, 'icon.ico'));
    await copyFile(path.join(mac, 'icon.icns'), path.join(buildDir, 'icon.icns'));
    console.log(`icons: wrote build/icons (${linuxIconSizes.join(', ')} px), build/icon.ico and build/icon.icns from ${path.relative(root, source)}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
