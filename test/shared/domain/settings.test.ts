import { describe, expect, it } from 'vitest';
import { proxyUrlSchema, settingsPatchSchema } from '../../../shared/domain/settings';

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
  ])('refuses an out-of-range value %o', (patch) => {
    expect(settingsPatchSchema.safeParse(patch).success).toBe(false);
  });
});
