/**
 * Sets `key` in a map that keeps only its `limit` latest entries (by when each was set), so what main remembers
 * for later (plans awaiting a start, sweeps, operations just ended) stays the same size however long the session.
 * Returns what was dropped, for the caller to let go of what hangs on it.
 */
export function keepLatest<V>(map: Map<string, V>, key: string, value: V, limit: number): V[] {
  map.delete(key);
  map.set(key, value);
  const dropped: V[] = [];
  for (const [oldest, old] of map) {
    if (map.size <= limit) break;
    map.delete(oldest);
    dropped.push(old);
  }
  return dropped;
}
