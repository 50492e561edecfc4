import type { Locale } from '../../../shared/domain/locale';

type Values = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(value: string | number, locale: Locale): Intl.LDMLPluralRule {
  // Counts often arrive already formatted for display ("1,200"): the digits decide.
  const count = typeof value === 'number' ? value : Number(value.replace(/[^\d.-]/g, ''));
  if (value === '' || !Number.isFinite(count)) return 'other';
  let rules = pluralRules.get(locale);
  if (rules === undefined) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** `{count, plural, one {# region} other {# regions}}`: the options, one level of `{name}` placeholders inside each. */
const pluralPattern = /\{(\w+), plural,((?:\s*[\w=]+\s*\{[^{}]*(?:\{\w+\}[^{}]*)*\})+)\s*\}/g;
const optionPattern = /([\w=]+)\s*\{([^{}]*(?:\{\w+\}[^{}]*)*)\}/g;

function selectPlurals(message: string, values: Values, locale: Locale): string {
  return message.replace(pluralPattern, (whole, name: string, body: string) => {
    if (!(name in values)) return whole;
    const value = values[name]!;
    const options = new Map([...body.matchAll(optionPattern)].map((match) => [match[1]!, match[2]!]));
    const chosen = options.get(`=${String(value)}`) ?? options.get(pluralCategory(value, locale)) ?? options.get('other') ?? '';
    return chosen.replaceAll('#', String(value));
  });
}

/**
 * Fills `{name}` placeholders of a message, and chooses between the forms of a plural, in the subset of ICU message
 * syntax the messages use: `{count, plural, one {# instance} other {# instances}}` (`#` is the count as given;
 * `=0` picks an exact value). The forms are chosen by the locale's plural rules (Intl.PluralRules): English has
 * "one" and "other", Chinese only "other".
 */
export function format(message: string, values: Values, locale: Locale = 'en-US'): string {
  return selectPlurals(message, values, locale).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The one date-and-time format of each language, 24-hour, the month spelled or written with 年月日 so that no
 * date reads two ways: "Dec 6, 2026, 09:03:04" and "2026年12月6日 09:03:04". Times alone are that format's time.
 */
const dateTimeOptions: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
const timeOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

function cached(formats: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = formats.get(locale);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formats.set(locale, formatter);
  }
  return formatter;
}

/** A moment as every screen writes it in `locale` (an ISO string, epoch milliseconds or a Date). */
export function formatDateTime(value: string | number | Date, locale: Locale): string {
  return cached(dateTimeFormats, locale, dateTimeOptions).format(new Date(value));
}

/** The time of a moment, as `formatDateTime` writes it: for "listed at 09:03:04", where the day is today. */
export function formatTime(value: string | number | Date, locale: Locale): string {
  return cached(timeFormats, locale, timeOptions).format(new Date(value));
}
