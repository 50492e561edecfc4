/** One message in both languages, side by side: a key given in only one of them fails the type check. */
export interface Translated {
  readonly en: string;
  readonly zh: string;
}

/** A feature's messages. The identity function is there for its type: every entry must be `{ en, zh }`. */
export function defineMessages<const T extends Record<string, Translated>>(table: T): T {
  return table;
}
