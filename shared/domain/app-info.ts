import { z } from 'zod';

export const platformSchema = z.enum(['linux', 'darwin', 'win32', 'other']);
export type Platform = z.infer<typeof platformSchema>;

/** What the renderer may know about the app and the machine it runs on. */
export const appInfoSchema = z.strictObject({
  name: z.string().max(100),
  version: z.string().max(50),
  platform: platformSchema,
  /** The OS's preferred languages, most preferred first (BCP 47), used when the language setting is "system". */
  osLanguages: z.array(z.string().max(35)).max(20),
  /** True when the cloud is the built-in simulator rather than Volcengine. */
  demoMode: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
