/**
 * A whole-number command-line flag, or a message saying what is wrong with it. One definition for every command
 * that builds a simulated fleet (`npm run simulator`, `npm run demo:web`), so a flag means the same in each.
 */
export function nonNegativeIntegerFlag(name: string, raw: string | undefined, fallback: number): number | string {
  if (raw === undefined) return fallback;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : `--${name} must be a non-negative integer`;
}
