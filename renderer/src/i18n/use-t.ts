import { resolveLocale, type Locale } from '../../../shared/domain/locale';
import { useAppStore } from '../app/app-store';
import { messages, type MessageKey } from './messages';

/** The locale in use: the saved choice, or the OS's language until settings have loaded. */
export function useLocale(): Locale {
  return useAppStore((state) =>
    resolveLocale(state.settings?.language ?? 'system', state.info?.osLanguages ?? navigator.languages),
  );
}

export function useT(): (key: MessageKey) => string {
  const locale = useLocale();
  return (key) => messages[locale][key];
}
