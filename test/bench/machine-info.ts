import { execFileSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'unknown';
  }
}

/** What the numbers were measured on, so a run elsewhere is compared knowingly. */
export function machineInfo(): Record<string, unknown> {
  const processors = cpus();
  return {
    platform: `${platform()} ${release()}`,
    cpu: processors[0]?.model ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion(),
    date: new Date().toISOString(),
  };
}
