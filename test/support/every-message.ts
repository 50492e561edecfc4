import type { Locale } from '../../shared/domain/locale';
import { historyMessages } from '../../renderer/src/features/history/history-messages';
import { profilesMessages } from '../../renderer/src/features/profiles/profiles-messages';
import { settingsMessages } from '../../renderer/src/features/settings/settings-messages';
import { sweepMessages } from '../../renderer/src/features/sweep/sweep-messages';
import type { Translated } from '../../renderer/src/i18n/define-messages';
import { messages, startMessageTables, tableInLocale, type MessageKey } from '../../renderer/src/i18n/messages';

/** The tables of the screens loaded on demand, each of which brings its own (renderer/src/i18n/feature-t.ts). */
export const onDemandMessageTables: ReadonlyArray<Readonly<Record<string, Translated>>> = [historyMessages, profilesMessages, settingsMessages, sweepMessages];

/** Every table of the renderer, loaded at start or on demand. */
export const everyMessageTable: ReadonlyArray<Readonly<Record<string, Translated>>> = [...startMessageTables, ...onDemandMessageTables];

/** A key of any screen's message: what a test may look up, whichever screen shows it. */
export type AnyMessageKey =
  | MessageKey
  | keyof typeof historyMessages
  | keyof typeof profilesMessages
  | keyof typeof settingsMessages
  | keyof typeof sweepMessages;

function inLocale(locale: Locale): Record<AnyMessageKey, string> {
  const onDemand = onDemandMessageTables.map((table) => tableInLocale(table, locale));
  return Object.assign({}, messages[locale], ...onDemand) as Record<AnyMessageKey, string>;
}

/** Every message of every screen, by locale, for tests that read what a screen says. */
export const everyMessage: Record<Locale, Record<AnyMessageKey, string>> = { 'en-US': inLocale('en-US'), 'zh-CN': inLocale('zh-CN') };
