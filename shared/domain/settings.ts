import { z } from 'zod';
import { isProxyUrl, proxyUrlMaxLength } from './proxy-url';

export const languageSettingSchema = z.enum(['system', 'zh-CN', 'en-US']);
export type LanguageSetting = z.infer<typeof languageSettingSchema>;

export const themeSettingSchema = z.enum(['system', 'light', 'dark']);
export type ThemeSetting = z.infer<typeof themeSettingSchema>;

/** An HTTP(S) proxy address, `http://host:port`, without credentials (proxy-url.ts says why). */
export const proxyUrlSchema = z
  .string()
  .trim()
  .max(proxyUrlMaxLength)
  .refine(isProxyUrl, 'must be http(s)://host:port, without credentials');

/**
 * How requests reach Volcengine: the HTTPS_PROXY / NO_PROXY variables (the default, as command-line tools do),
 * no proxy at all, or a proxy the admin names here.
 */
export const proxySettingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('environment') }),
  z.strictObject({ mode: z.literal('direct') }),
  z.strictObject({ mode: z.literal('custom'), url: proxyUrlSchema }),
]);
export type ProxySettingValue = z.infer<typeof proxySettingSchema>;

/** User preferences kept by main in the user-data folder. Nothing here is secret. */
export const settingsSchema = z.strictObject({
  language: languageSettingSchema,
  theme: themeSettingSchema,
  proxy: proxySettingSchema,
  /** Requests of a bulk operation in flight at once. */
  requestConcurrency: z.number().int().min(1).max(10),
  /**
   * Change requests (detach, attach, reboot) sent per second, retries included. Volcengine refuses requests over
   * an account's flow limit (FlowLimitExceeded), and each refusal costs a second or more; pacing below it is faster.
   */
  changeRequestsPerSecond: z.number().int().min(1).max(100),
  /**
   * Read requests (DescribeInstances, DescribeKeyPairs, DescribeZones, DescribeRegions) sent per second for one
   * profile, retries included, shared by every listing of that profile.
   */
  readRequestsPerSecond: z.number().int().min(1).max(100),
  /** How many zones of a region are listed side by side. */
  zonesListedAtOnce: z.number().int().min(1).max(10),
  /** Whether each complete listing of a region is kept on this computer, to show at once the next time. */
  keepInventoryCache: z.boolean(),
  /** How long one request may take, answer included. */
  requestTimeoutSeconds: z.number().int().min(5).max(120),
  /** How long a secret read from the keychain may stay in memory; 0 reads the keychain for every request. */
  secretCacheMinutes: z.number().int().min(0).max(60),
  /** How a rolling reboot forms its waves: `batch` (this many instances a wave) or `zone` (one wave per zone). */
  rebootWaveMode: z.enum(['batch', 'zone']),
  /** Instances in one wave of a rolling reboot by batch. */
  rebootWaveSize: z.number().int().min(1).max(1000),
  /** How long a wave may take to be RUNNING again before its stragglers count as not back. */
  rebootWaitMinutes: z.number().int().min(1).max(120),
  /**
   * The rolling reboot stops (later waves are not sent) when, in one wave, the instances that failed to reboot or
   * did not come back in time are more than this percentage of the wave (see shared/domain/rolling-reboot.ts).
   */
  rebootFailurePercent: z.number().int().min(0).max(100),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'system',
  theme: 'system',
  proxy: { mode: 'environment' },
  requestConcurrency: 4,
  changeRequestsPerSecond: 20,
  readRequestsPerSecond: 20,
  zonesListedAtOnce: 4,
  keepInventoryCache: true,
  requestTimeoutSeconds: 30,
  secretCacheMinutes: 5,
  rebootWaveMode: 'batch',
  rebootWaveSize: 50,
  rebootWaitMinutes: 10,
  rebootFailurePercent: 10,
};

/** A change to some settings; fields left out stay as they are. Also what an older settings file holds. */
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
