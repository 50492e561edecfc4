import { describe, expect, it } from 'vitest';
import { defaultSettings, proxyUrlSchema, settingsPatchSchema, settingsSchema } from '../../../shared/domain/settings';

describe('settings', () => {
  it.each(['http://proxy.corp:3128', 'https://10.0.0.1:8443', 'http://[::1]:8080'])('accepts the proxy %s', (url) => {
    expect(proxyUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    ['credentials (they would sit in a plain file)', 'http://user:secret@proxy.corp:3128'],
    ['a path', 'http://proxy.corp:3128/x'],
    ['another scheme', 'socks5://proxy.corp:1080'],
    ['no scheme', 'proxy.corp:3128'],
  ])('refuses a proxy with %s', (_why, url) => {
    expect(proxyUrlSchema.safeParse(url).success).toBe(false);
  });

  it.each([
    { requestConcurrency: 0 },
    { requestConcurrency: 11 },
    { requestTimeoutSeconds: 4 },
    { secretCacheMinutes: 61 },
    { requestConcurrency: 2.5 },
    { changeRequestsPerSecond: 0 },
    { changeRequestsPerSecond: 101 },
    { rebootWaveMode: 'region' },
    { rebootWaveSize: 0 },
    { rebootWaveSize: 1001 },
    { rebootWaitMinutes: 0 },
    { rebootFailurePercent: 101 },
    { rebootFailurePercent: -1 },
  ])('refuses an out-of-range value %o', (patch) => {
    expect(settingsPatchSchema.safeParse(patch).success).toBe(false);
  });

  it('rolls a reboot out in waves of 50 by default, waiting 10 minutes a wave, stopping past 10 % of a wave', () => {
    expect(defaultSettings).toMatchObject({ rebootWaveMode: 'batch', rebootWaveSize: 50, rebootWaitMinutes: 10, rebootFailurePercent: 10 });
    expect(settingsSchema.safeParse(defaultSettings).success).toBe(true);
  });
});
