import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { KeychainStatus } from '../../../../shared/domain/keychain-status';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../../..');
const probe = path.join(import.meta.dirname, 'probe-keychain.ts');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** The environment of the test process, minus everything that leads to a session bus or keyring. */
function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'KPD_KEYCHAIN_INNER', 'GNOME_KEYRING_CONTROL']) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

async function statusFrom(stdout: string): Promise<KeychainStatus> {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as KeychainStatus;
}

/** The probe in a fresh private keychain (test/with-keychain.sh), unlocked or locked. */
export async function probeInPrivateKeychain(locked: boolean): Promise<KeychainStatus> {
  const { stdout } = await run(path.join(root, 'test', 'with-keychain.sh'), [tsx, probe], {
    env: isolatedEnv(locked ? { KEYCHAIN_LOCKED: '1' } : {}),
  });
  return statusFrom(stdout);
}

/** The probe with no session bus at all, as on a server or in a bare SSH session. */
export async function probeWithoutDbus(): Promise<KeychainStatus> {
  const { stdout } = await run(tsx, [probe], { env: isolatedEnv() });
  return statusFrom(stdout);
}

/** The probe on a session bus that has no Secret Service to start (no keyring installed). */
export async function probeWithoutSecretService(): Promise<KeychainStatus> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kpd-bus-'));
  try {
    // A session bus with no <servicedir>: nothing can be activated, as on a machine without gnome-keyring or KWallet.
    const config = path.join(dir, 'session.conf');
    await writeFile(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=${dir}</listen>
  <policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>`,
    );
    const { stdout } = await run('dbus-run-session', [`--config-file=${config}`, '--', tsx, probe], {
      env: isolatedEnv({ HOME: dir }),
    });
    return statusFrom(stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
