import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDemoAppData, demoFolders, RefusedDemoCleanup } from '../../../electron/demo/demo-folders';

// The demo's cleanup against real folders: it deletes its own app-data folder and can be talked into nothing else.
let base: string;
let userData: string;
let appData: string;

/** A folder holding one file, to check afterwards that it is still there. */
async function precious(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'precious.txt'), 'keep me');
  return folder;
}

async function stillThere(folder: string): Promise<boolean> {
  return (await readFile(path.join(folder, 'precious.txt'), 'utf8')) === 'keep me';
}

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'kpd-demo-folders-'));
  userData = await precious(path.join(base, 'KeyPair Desk'));
  appData = demoFolders(userData).appData;
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the demo folders', () => {
  it("are the real userData's demo folder, and its app-data inside it", () => {
    expect(demoFolders('/home/ada/.config/KeyPair Desk')).toEqual({
      userData: path.resolve('/home/ada/.config/KeyPair Desk/demo'),
      appData: path.resolve('/home/ada/.config/KeyPair Desk/demo/app-data'),
    });
  });
});

describe('clearing the demo app-data', () => {
  it('deletes the folder and everything in it', async () => {
    await mkdir(path.join(appData, 'journal'), { recursive: true });
    await writeFile(path.join(appData, 'journal', 'operations.jsonl'), '{}\n');
    await clearDemoAppData(appData, userData);
    expect(await readdir(path.dirname(appData))).toEqual([]);
    expect(await stillThere(userData)).toBe(true);
  });

  it('does nothing when there is nothing to clear', async () => {
    await expect(clearDemoAppData(appData, userData)).resolves.toBeUndefined();
  });

  it('removes a link inside the folder, never what it points to', async () => {
    const elsewhere = await precious(path.join(base, 'elsewhere'));
    await mkdir(appData, { recursive: true });
    await symlink(elsewhere, path.join(appData, 'link'), 'dir');
    await clearDemoAppData(appData, userData);
    expect(await stillThere(elsewhere)).toBe(true);
  });

  it.each([
    ['the real userData', () => userData],
    ['the demo userData (its lock and session)', () => path.dirname(appData)],
    ['a sibling of the demo', () => path.join(userData, 'app-data')],
    ['the parent of userData', () => base],
    ['a path that climbs out with ..', () => path.join(appData, '..', '..')],
    ['a path that climbs out and back into another folder', () => path.join(appData, '..', '..', '..', 'elsewhere')],
    ['a relative path', () => path.relative(process.cwd(), appData)],
    ['the right folder with a trailing separator', () => appData + path.sep],
    ['the filesystem root', () => path.parse(base).root],
  ])('refuses %s and deletes nothing', async (_name, target) => {
    await precious(appData);
    await expect(clearDemoAppData(target(), userData)).rejects.toBeInstanceOf(RefusedDemoCleanup);
    expect(await stillThere(appData)).toBe(true);
    expect(await stillThere(userData)).toBe(true);
  });

  it('refuses an app-data folder that is a link to another folder', async () => {
    const elsewhere = await precious(path.join(base, 'elsewhere'));
    await mkdir(path.dirname(appData), { recursive: true });
    await symlink(elsewhere, appData, 'dir');
    await expect(clearDemoAppData(appData, userData)).rejects.toBeInstanceOf(RefusedDemoCleanup);
    expect(await stillThere(elsewhere)).toBe(true);
  });

  it('refuses when the demo folder itself is a link, so app-data resolves outside userData', async () => {
    const elsewhere = await precious(path.join(base, 'elsewhere', 'app-data'));
    await symlink(path.dirname(elsewhere), path.dirname(appData), 'dir');
    await expect(clearDemoAppData(appData, userData)).rejects.toBeInstanceOf(RefusedDemoCleanup);
    expect(await stillThere(elsewhere)).toBe(true);
  });

  it('refuses a file where the folder should be', async () => {
    await mkdir(path.dirname(appData), { recursive: true });
    await writeFile(appData, 'not a folder');
    await expect(clearDemoAppData(appData, userData)).rejects.toBeInstanceOf(RefusedDemoCleanup);
    expect(await readFile(appData, 'utf8')).toBe('not a folder');
  });

  it('works when userData itself is reached through a link (as a user may have set it up)', async () => {
    const linkedUserData = path.join(base, 'linked-user-data');
    await symlink(userData, linkedUserData, 'dir');
    const linkedAppData = demoFolders(linkedUserData).appData;
    await precious(linkedAppData);
    await clearDemoAppData(linkedAppData, linkedUserData);
    expect(await readdir(path.dirname(appData))).toEqual([]);
    expect(await stillThere(userData)).toBe(true);
  });
});
