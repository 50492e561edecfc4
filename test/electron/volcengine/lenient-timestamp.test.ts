import { describe, expect, it } from 'vitest';
import { parseLenientTimestamp } from '../../../electron/volcengine/lenient-timestamp';

describe('lenient timestamps', () => {
  it.each([
    ['2021-06-29T18:07:50+08:00', '2021-06-29T10:07:50.000Z'],
    ['2021-06-29T10:07:50Z', '2021-06-29T10:07:50.000Z'],
    ['2021-06-29T10:07:50z', '2021-06-29T10:07:50.000Z'],
    ['2021-06-29 18:07:50+08:00', '2021-06-29T10:07:50.000Z'],
    ['2021-06-29T18:07:50+0800', '2021-06-29T10:07:50.000Z'],
    ['2021-06-29 18:07:50 +0800 CST', '2021-06-29T10:07:50.000Z'],
    ['2021-06-29T10:07:50.123456789Z', '2021-06-29T10:07:50.123Z'],
    ['2021-06-29T10:07Z', '2021-06-29T10:07:00.000Z'],
    ['2021-06-29', '2021-06-29T00:00:00.000Z'],
    ['  2021-06-29T10:07:50Z  ', '2021-06-29T10:07:50.000Z'],
  ])('reads %s', (input, expected) => {
    expect(parseLenientTimestamp(input)).toBe(expected);
  });

  it('takes a time without a zone as UTC', () => {
    expect(parseLenientTimestamp('2021-06-29 10:07:50')).toBe('2021-06-29T10:07:50.000Z');
  });

  it('reads epoch seconds and milliseconds, as numbers or digit strings', () => {
    expect(parseLenientTimestamp(1624961270)).toBe('2021-06-29T10:07:50.000Z');
    expect(parseLenientTimestamp(1624961270123)).toBe('2021-06-29T10:07:50.123Z');
    expect(parseLenientTimestamp('1624961270')).toBe('2021-06-29T10:07:50.000Z');
  });

  it.each([undefined, null, '', '   ', 'yesterday', '2021-13-45T99:99:99Z', '29/06/2021', 0, -5, Number.NaN, {}, true])(
    'returns null for %s instead of throwing',
    (input) => {
      expect(parseLenientTimestamp(input)).toBeNull();
    },
  );
});
