/**
 * Volcengine's timestamps come in several shapes (spec: "Timestamps come in more than one format"):
 * RFC 3339 with `Z` or an offset (`2021-06-29T18:07:50+08:00`), a space instead of `T`, an offset without a
 * colon, Go's default `2006-01-02 15:04:05 +0800 CST`, a bare date, and epoch seconds or milliseconds.
 * A time with no zone at all is taken as UTC: the spec does not say which zone it would be, and UTC at least
 * keeps the value stable wherever the app runs.
 */
const dateTimePattern =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}:?\d{2})?(?:\s+[A-Za-z]{2,6})?)?$/i;

/** Epoch values below this are seconds, above it milliseconds (1e11 s is the year 5138). */
const millisecondsThreshold = 1e11;

function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const date = new Date(value < millisecondsThreshold ? value * 1000 : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function normaliseOffset(zone: string | undefined): string {
  if (zone === undefined) return 'Z';
  if (zone.toUpperCase() === 'Z') return 'Z';
  return zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
}

/** An ISO 8601 UTC string, or null when the value is absent or unreadable (never a thrown error). */
export function parseLenientTimestamp(value: unknown): string | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return fromEpoch(Number(text));
  const match = dateTimePattern.exec(text);
  if (!match) return null;
  const [, day, time, zone] = match;
  const clock = time === undefined ? '00:00:00' : time.length === 5 ? `${time}:00` : time;
  // Fractions beyond milliseconds are cut: Date parses at most three digits reliably.
  const trimmedClock = clock.replace(/(\.\d{3})\d+$/, '$1');
  const parsed = Date.parse(`${day}T${trimmedClock}${normaliseOffset(zone)}`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}
