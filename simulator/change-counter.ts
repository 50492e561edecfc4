/**
 * How many times each instance was actually changed (a key pair detached or attached, a reboot performed). Tests
 * assert "changed exactly once" across retries and faults with it; replays of an idempotent answer do not count.
 */
export interface ChangeCounter {
  readonly record: (instanceId: string) => void;
  readonly count: (instanceId: string) => number;
  readonly snapshot: () => ReadonlyMap<string, number>;
  readonly reset: () => void;
}

export function createChangeCounter(): ChangeCounter {
  const counts = new Map<string, number>();
  return {
    record: (instanceId) => counts.set(instanceId, (counts.get(instanceId) ?? 0) + 1),
    count: (instanceId) => counts.get(instanceId) ?? 0,
    snapshot: () => new Map(counts),
    reset: () => counts.clear(),
  };
}
