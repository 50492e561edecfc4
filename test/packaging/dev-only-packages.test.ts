import { describe, expect, it } from 'vitest';
import { devOnlyPackageNames } from '../../packaging/dev-only-packages';

describe('devOnlyPackageNames', () => {
  it('lists packages whose every copy is a dev one, scoped and nested alike', () => {
    const names = devOnlyPackageNames({
      packages: {
        '': {},
        'node_modules/keytar': {},
        'node_modules/react': { dev: true },
        'node_modules/@arco-design/web-react': { dev: true },
        'node_modules/vite/node_modules/semver': { dev: true },
        'node_modules/semver': {},
        'node_modules/eslint/node_modules/minimist': { dev: true },
      },
    });
    expect([...names].sort()).toEqual(['@arco-design/web-react', 'minimist', 'react']);
  });

  it('knows the real lockfile: keytar is production, the UI and build tools are not', async () => {
    const { readFile } = await import('node:fs/promises');
    const lock = JSON.parse(await readFile(new URL('../../package-lock.json', import.meta.url), 'utf8')) as Parameters<typeof devOnlyPackageNames>[0];
    const names = devOnlyPackageNames(lock);
    expect(names.has('keytar')).toBe(false);
    for (const dev of ['react', 'zod', '@arco-design/web-react', 'vite', 'typescript', 'electron']) expect(names.has(dev), dev).toBe(true);
  });
});
