import { z } from 'zod';

export const languageSettingSchema = z.enum(['system', 'zh-CN', 'en-US']);
export type LanguageSetting = z.infer<typeof languageSettingSchema>;

export const themeSettingSchema = z.enum(['system', 'light', 'dark']);
export type ThemeSetting = z.infer<typeof themeSettingSchema>;

/** User preferences kept by main in the user-data folder. Nothing here is secret. */
export const settingsSchema = z.strictObject({
  language: languageSettingSchema,
  theme: themeSettingSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { language: 'system', theme: 'system' };

/** A change to some settings; fields left out stay as they are. */
export const settingsPatchSchema = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
