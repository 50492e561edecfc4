import type { Locale } from '../../../shared/domain/locale';
import type { Translated } from './define-messages';
import { messages, tableByLocale, type MessageKey } from './messages';
import { useLocale } from './use-t';

/** Looks up a message of a screen loaded on demand, or one loaded at start. */
export type FeatureTranslate<K extends string> = (key: MessageKey | K) => string;

/** A table's messages in front of those loaded at start, by locale. */
export function featureLookup<K extends string>(table: Readonly<Record<K, Translated>>): (locale: Locale) => FeatureTranslate<K> {
  const own = tableByLocale(table);
  return (locale) => (key) => (Object.hasOwn(own[locale], key) ? own[locale][key as K] : messages[locale][key as MessageKey]);
}

/**
 * The `useT()` of a screen loaded on demand (History, Sweep, Profiles, Settings): its own messages, which travel in
 * its chunk instead of the first screen's, and every message loaded at start. A key of another on-demand screen is a
 * type error, so no screen can ask for a message whose table was never loaded.
 */
export function featureTranslator<K extends string>(table: Readonly<Record<K, Translated>>): () => FeatureTranslate<K> {
  const lookup = featureLookup(table);
  return function useFeatureT() {
    return lookup(useLocale());
  };
}
