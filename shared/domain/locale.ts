import type { LanguageSetting } from './settings';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

/**
 * The language to show: the user's choice, or for "system" Chinese when the OS's first preferred language is any
 * Chinese variant, English otherwise.
 */
export function resolveLocale(setting: LanguageSetting, osLanguages: readonly string[]): Locale {
  if (setting !== 'system') return setting;
  const first = osLanguages[0]?.toLowerCase() ?? '';
  return first === 'zh' || first.startsWith('zh-') ? 'zh-CN' : 'en-US';
}
