import { describe, expect, it } from 'vitest';
import { defineMessages } from '../../../renderer/src/i18n/define-messages';
import { featureLookup } from '../../../renderer/src/i18n/feature-t';
import { messages, startMessageTables } from '../../../renderer/src/i18n/messages';
import { everyMessageTable, onDemandMessageTables } from '../../support/every-message';

/**
 * The names a message fills in (`{name}`, and the count of a `{count, plural, one {…} other {…}}`), whatever the
 * language. A brace opened at an even depth is a placeholder; one opened at an odd depth is a plural's form.
 */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let index = 0; index < message.length; index += 1) {
    if (message[index] === '}') depth -= 1;
    if (message[index] !== '{') continue;
    if (depth % 2 === 0) names.add(/^\{(\w+)/.exec(message.slice(index))?.[1] ?? '');
    depth += 1;
  }
  return [...names].sort();
}

describe('the messages, combined from every feature', () => {
  it('defines no key in two features: a spread would let one silently win', () => {
    const owners = new Map<string, number>();
    everyMessageTable.forEach((table, index) => {
      for (const key of Object.keys(table)) {
        expect(owners.has(key), `${key} is in tables ${String(owners.get(key))} and ${String(index)}`).toBe(false);
        owners.set(key, index);
      }
    });
  });

  it('loads at start every key of the first screens in both languages, and nothing of the screens loaded on demand', () => {
    const keys = startMessageTables.flatMap((table) => Object.keys(table)).sort();
    expect(Object.keys(messages['en-US']).sort()).toEqual(keys);
    expect(Object.keys(messages['zh-CN']).sort()).toEqual(keys);
    for (const table of startMessageTables) {
      for (const [key, message] of Object.entries(table)) {
        expect(messages['en-US'][key as keyof (typeof messages)['en-US']]).toBe(message.en);
        expect(messages['zh-CN'][key as keyof (typeof messages)['zh-CN']]).toBe(message.zh);
      }
    }
  });

  it("gives a screen loaded on demand its own messages and those loaded at start, in both languages", () => {
    for (const table of onDemandMessageTables) {
      const lookup = featureLookup<string>(table);
      for (const [key, message] of Object.entries(table)) {
        expect(messages['en-US']).not.toHaveProperty(key);
        expect(lookup('en-US')(key)).toBe(message.en);
        expect(lookup('zh-CN')(key)).toBe(message.zh);
      }
      expect(lookup('en-US')('common.cancel')).toBe('Cancel');
      expect(lookup('zh-CN')('common.cancel')).toBe('取消');
    }
  });

  it('gives no message an empty text, and fills in the same names in both languages', () => {
    for (const table of everyMessageTable) {
      for (const [key, message] of Object.entries(table)) {
        expect(message.en.trim(), key).not.toBe('');
        expect(message.zh.trim(), key).not.toBe('');
        expect(placeholders(message.zh), key).toEqual(placeholders(message.en));
      }
    }
  });

  it('refuses, at type-check time, a message in one language only', () => {
    // @ts-expect-error the Chinese is missing: `tsc` fails here if it ever stops noticing.
    const oneSided = defineMessages({ 'demo.only': { en: 'English only' } });
    expect(Object.keys(oneSided)).toEqual(['demo.only']);
  });
});
