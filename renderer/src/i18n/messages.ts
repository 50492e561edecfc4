import type { Locale } from '../../../shared/domain/locale';
import { appMessages } from '../app/app-messages';
import { attachMessages } from '../features/operation/attach-messages';
import { commonMessages } from '../common/common-messages';
import { exposureMessages } from '../features/exposure/exposure-messages';
import { historyMessages } from '../features/history/history-messages';
import { instancesMessages } from '../features/instances/instances-messages';
import { operationMessages } from '../features/operation/operation-messages';
import { rollingMessages } from '../features/operation/rolling-messages';
import { profilesMessages } from '../features/profiles/profiles-messages';
import { settingsMessages } from '../features/settings/settings-messages';
import { sweepMessages } from '../features/sweep/sweep-messages';
import { welcomeMessages } from '../features/welcome/welcome-messages';
import { workspaceMessages } from '../features/workspace/workspace-messages';
import type { Translated } from './define-messages';

/**
 * Every feature's table of messages. Each lives beside the feature's components, both languages side by side; a
 * spread would let a key defined in two tables silently win, so a unit test checks that none is
 * (test/renderer/i18n/messages.test.ts).
 */
export const messageTables: ReadonlyArray<Readonly<Record<string, Translated>>> = [
  appMessages,
  commonMessages,
  welcomeMessages,
  settingsMessages,
  profilesMessages,
  workspaceMessages,
  instancesMessages,
  operationMessages,
  attachMessages,
  rollingMessages,
  exposureMessages,
  sweepMessages,
  historyMessages,
];

const combined = {
  ...appMessages,
  ...commonMessages,
  ...welcomeMessages,
  ...settingsMessages,
  ...profilesMessages,
  ...workspaceMessages,
  ...instancesMessages,
  ...operationMessages,
  ...attachMessages,
  ...rollingMessages,
  ...exposureMessages,
  ...sweepMessages,
  ...historyMessages,
};

export type MessageKey = keyof typeof combined;

function inLanguage(language: keyof Translated): Record<MessageKey, string> {
  const entries = Object.entries(combined) as Array<[MessageKey, Translated]>;
  return Object.fromEntries(entries.map(([key, message]) => [key, message[language]])) as Record<MessageKey, string>;
}

/** Every message of every screen, by locale: what `useT()` looks keys up in. */
export const messages: Record<Locale, Record<MessageKey, string>> = { 'en-US': inLanguage('en'), 'zh-CN': inLanguage('zh') };
