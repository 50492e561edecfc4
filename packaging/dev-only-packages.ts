/** The parts of an npm v3 lockfile this reads. */
export interface Lockfile {
  packages: Record<string, { dev?: boolean }>;
}

/**
 * The names of the packages that only dev dependencies need, per the lockfile: every installed copy is marked
 * `dev`. A name with one production copy anywhere is not dev-only (a production dependency may share a package
 * with the dev tools).
 */
export function devOnlyPackageNames(lock: Lockfile): Set<string> {
  const dev = new Set<string>();
  const production = new Set<string>();
  for (const [location, entry] of Object.entries(lock.packages)) {
    const at = location.lastIndexOf('node_modules/');
    if (at === -1) continue;
    const name = location.slice(at + 'node_modules/'.length);
    (entry.dev === true ? dev : production).add(name);
  }
  for (const name of production) dev.delete(name);
  return dev;
}
