import { describe, expect, it } from 'vitest';
import { format, formatDateTime, formatTime } from '../../../renderer/src/i18n/format';
import { messages, type MessageKey } from '../../../renderer/src/i18n/messages';

describe('format', () => {
  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(format('{a} of {b}, {c}', { a: 1, b: 'two' })).toBe('1 of two, {c}');
  });

  it('chooses the English form by the count: one, other, and zero as other', () => {
    const message = '{count, plural, one {# region} other {# regions}} could not be searched';
    expect(format(message, { count: 1 })).toBe('1 region could not be searched');
    expect(format(message, { count: 2 })).toBe('2 regions could not be searched');
    expect(format(message, { count: 0 })).toBe('0 regions could not be searched');
  });

  it('reads a count already formatted for display, and an exact =0 form wins over the category', () => {
    expect(format('{n, plural, one {# instance} other {# instances}}', { n: '1,200' })).toBe('1,200 instances');
    expect(format('{n, plural, =0 {none left} one {# left} other {# left}}', { n: 0 })).toBe('none left');
  });

  it('fills placeholders inside a form, and several plurals in one message', () => {
    const message = '{count, plural, one {# instance is} other {# instances are}} bound to {name}; {regions, plural, one {# region} other {# regions}}';
    expect(format(message, { count: 1, name: 'ops', regions: 3 })).toBe('1 instance is bound to ops; 3 regions');
  });

  it('uses Chinese plural rules when asked: one form only, whatever the count', () => {
    expect(format('{n, plural, other {# 台实例}}', { n: 1 }, 'zh-CN')).toBe('1 台实例');
  });

  it('leaves no "(s)" and no unfilled plural in any message of either language', () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      for (const [key, message] of Object.entries(messages[locale]) as Array<[MessageKey, string]>) {
        expect(message, key).not.toContain('(s)');
        const filled = format(message, { count: 1, instances: 1, regions: 2, accounts: 2, requests: 1, searched: 3, received: 5, total: 9, unknown: 0, done: 1, name: 'x', region: 'r', time: 't' }, locale);
        expect(filled, key).not.toMatch(/plural,/);
      }
    }
  });
});

describe('the one date format of each language', () => {
  // A date whose day, month and hour cannot be mistaken for one another, in this process's time zone.
  const moment = new Date(2026, 11, 6, 9, 3, 4);

  it('writes a moment the same way everywhere, 24-hour, the month in words in English and with 年月日 in Chinese', () => {
    expect(formatDateTime(moment, 'en-US')).toBe('Dec 6, 2026, 09:03:04');
    expect(formatDateTime(moment.toISOString(), 'zh-CN')).toBe('2026年12月6日 09:03:04');
    expect(formatDateTime(moment.getTime(), 'en-US')).toBe(formatDateTime(moment.toISOString(), 'en-US'));
  });

  it('writes a time alone as the time of that format, in both languages', () => {
    expect(formatTime(moment, 'en-US')).toBe('09:03:04');
    expect(formatTime(moment, 'zh-CN')).toBe('09:03:04');
    expect(formatTime(new Date(2026, 11, 6, 0, 5, 0), 'en-US')).toBe('00:05:00');
  });
});
