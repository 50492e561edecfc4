import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { chromium } from '@playwright/test';

async function chromiumVersion(): Promise<string> {
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
    const version = browser.version();
    await browser.close();
    return version;
  } catch {
    return 'unknown';
  }
}

/** What the numbers were measured on, so a run elsewhere is compared knowingly. */
export async function machineInfo(): Promise<Record<string, unknown>> {
  const processors = cpus();
  return {
    platform: `${platform()} ${release()}`,
    cpu: processors[0]?.model ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium: await chromiumVersion(),
    // Other work on the machine skews timings: the 1, 5 and 15 minute load averages when the run ended.
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
    date: new Date().toISOString(),
  };
}
