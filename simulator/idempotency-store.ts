/**
 * ClientToken bookkeeping for mutating actions. A token is scoped to the access key and region, like the real
 * service's; its fingerprint is every parameter except the token itself, Action included, so reusing a token for
 * another action or other instances is a mismatch, not a replay.
 */
export type IdempotencyCheck<T> =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly outcome: T }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in-flight' };

export interface IdempotencyStore<T> {
  /** Looks the token up and, when it is new, reserves it as in flight. */
  readonly begin: (scope: string, token: string, fingerprint: string) => IdempotencyCheck<T>;
  readonly complete: (scope: string, token: string, outcome: T) => void;
  /** Frees a reservation whose request never applied, so its retry is treated as new. */
  readonly abandon: (scope: string, token: string) => void;
  readonly inFlightCount: () => number;
}

type Entry<T> = { fingerprint: string; state: 'in-flight' } | { fingerprint: string; state: 'done'; outcome: T };

export function createIdempotencyStore<T>(): IdempotencyStore<T> {
  const entries = new Map<string, Entry<T>>();
  let inFlight = 0;
  const keyOf = (scope: string, token: string) => `${scope}\n${token}`;
  return {
    begin(scope, token, fingerprint) {
      const key = keyOf(scope, token);
      const entry = entries.get(key);
      if (!entry) {
        entries.set(key, { fingerprint, state: 'in-flight' });
        inFlight += 1;
        return { kind: 'new' };
      }
      if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
      return entry.state === 'in-flight' ? { kind: 'in-flight' } : { kind: 'replay', outcome: entry.outcome };
    },
    complete(scope, token, outcome) {
      const key = keyOf(scope, token);
      const entry = entries.get(key);
      if (entry?.state === 'in-flight') inFlight -= 1;
      entries.set(key, { fingerprint: entry?.fingerprint ?? '', state: 'done', outcome });
    },
    abandon(scope, token) {
      const key = keyOf(scope, token);
      if (entries.get(key)?.state === 'in-flight') {
        entries.delete(key);
        inFlight -= 1;
      }
    },
    inFlightCount: () => inFlight,
  };
}
