/**
 * A string that orders the way people read names and addresses: case-insensitive, with numbers by value
 * (`web-2` before `web-10`, `10.0.0.9` before `10.0.0.10`). Comparing these with `<` is many times faster than
 * `Intl.Collator` over 50,000 rows, which matters when a header click re-sorts them all.
 */
export function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}
