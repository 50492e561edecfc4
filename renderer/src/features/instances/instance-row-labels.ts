import type { Locale } from '../../../../shared/domain/locale';
import { messages, type MessageKey } from '../../i18n/messages';
import type { SelectionWait, TableMode } from './instance-key-listing';

/**
 * The words every row of the instance table shows, made once per language and selection wait by the table and
 * handed to each row, so that a row (rendered again on every keystroke that changes it, and on every scroll step
 * that brings it in) neither subscribes to the app store for the language nor runs `format`'s regular expressions.
 */
export interface RowLabels {
  t: (key: MessageKey) => string;
  /** The checkbox's label, "Select web-prod-12". */
  selectRow: (name: string) => string;
  /** The copy button's label, "Copy instance ID i-…". */
  copyId: (id: string) => string;
  /** Why no row can be selected yet (no key pair, or its instances still being listed): the same for every row. */
  waitHint: string;
  mode: TableMode;
  /** To attach: what the key pair cell adds for a row that gets its first key, or has `old` replaced. */
  firstKey: string;
  replaceKey: (old: string) => string;
  replaceTitle: (old: string) => string;
}

/** A message with one `{placeholder}`, split once so that filling it is a join. */
function filler(message: string, placeholder: string): (value: string) => string {
  const parts = message.split(`{${placeholder}}`);
  return (value) => parts.join(value);
}

function waitHintKey(selectionWait: SelectionWait): MessageKey {
  if (selectionWait === 'key-listing') return 'instances.waitKeyListing';
  if (selectionWait === 'key-listing-incomplete') return 'instances.keyListingIncomplete';
  return 'instances.chooseKeyPairFirst';
}

/** `attachName`: the key pair an attach puts on (empty when none is chosen, or to detach). */
export function rowLabelsOf(locale: Locale, selectionWait: SelectionWait, mode: TableMode = 'detach', attachName = ''): RowLabels {
  const words = messages[locale];
  const withName = (key: 'instances.change.replace' | 'instances.change.replaceTitle') => filler(words[key].split('{name}').join(attachName), 'old');
  return {
    t: (key) => words[key],
    selectRow: filler(words['instances.selectRow'], 'name'),
    copyId: filler(words['instances.copyId'], 'id'),
    waitHint: words[waitHintKey(selectionWait)],
    mode,
    firstKey: filler(words['instances.change.first'], 'name')(attachName),
    replaceKey: withName('instances.change.replace'),
    replaceTitle: withName('instances.change.replaceTitle'),
  };
}
