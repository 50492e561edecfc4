import type { Locale } from '../../../shared/domain/locale';
import { appMessages } from '../app/app-messages';
import { attachMessages } from '../features/operation/attach-messages';
import { commonMessages } from '../common/common-messages';
import { exposureMessages } from '../features/exposure/exposure-messages';
import { instancesMessages } from '../features/instances/instances-messages';
import { operationMessages } from '../features/operation/operation-messages';
import { rollingMessages } from '../features/operation/rolling-messages';
import { welcomeMessages } from '../features/welcome/welcome-messages';
import { workspaceMessages } from '../features/workspace/workspace-messages';
import type { Translated } from './define-messages';

/**
 * The messages loaded at start: the shell's and the first screens' (welcome, workspace, instances, the operation's
 * review, progress and results). Each table lives beside its feature, both languages side by side. The screens
 * loaded on demand (History, Sweep, Profiles, Settings) bring their own tables in their chunk (feature-t.ts). A
 * spread would let a key defined in two tables silently win, so a unit test checks that none is
 * (test/renderer/i18n/messages.test.ts).
 */
export const startMessageTables: ReadonlyArray<Readonly<Record<string, Translated>>> = [
  appMessages,
  commonMessages,
  welcomeMessages,
  workspaceMessages,
  instancesMessages,
  operationMessages,
  attachMessages,
  rollingMessages,
  exposureMessages,
];

const combined = {
  ...appMessages,
  ...commonMessages,
  ...welcomeMessages,
  ...workspaceMessages,
  ...instancesMessages,
  ...operationMessages,
  ...attachMessages,
  ...rollingMessages,
  ...exposureMessages,
};

/** A key of a message loaded at start, which any screen may use. */
export type MessageKey = keyof typeof combined;

const languageOf: Record<Locale, keyof Translated> = { 'en-US': 'en', 'zh-CN': 'zh' };

/** One table's messages in one locale. */
export function tableInLocale<K extends string>(table: Readonly<Record<K, Translated>>, locale: Locale): Record<K, string> {
  const entries = Object.entries(table) as Array<[K, Translated]>;
  return Object.fromEntries(entries.map(([key, message]) => [key, message[languageOf[locale]]])) as Record<K, string>;
}

/** A table's messages in each locale the app speaks. */
export function tableByLocale<K extends string>(table: Readonly<Record<K, Translated>>): Record<Locale, Record<K, string>> {
  return { 'en-US': tableInLocale(table, 'en-US'), 'zh-CN': tableInLocale(table, 'zh-CN') };
}

/** Every message loaded at start, by locale: what `useT()` looks keys up in. */
export const messages: Record<Locale, Record<MessageKey, string>> = tableByLocale(combined);
