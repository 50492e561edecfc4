import { createEcsClient, type EcsClient, type EcsClientDependencies } from '../../../../electron/volcengine/ecs-client';

export const testCredentials = {
  accessKeyId: 'AKLTtestclientaccesskey',
  secretAccessKey: 'TestSecretKeyThatMustNeverLeak0123456789==',
};

/** A clock the test moves: the client's retry waits advance it instead of sleeping. */
export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
}

export function createTestClock(start = Date.UTC(2025, 0, 15, 8, 0, 0)): TestClock {
  let current = start;
  return {
    now: () => current,
    advance(ms) {
      current += ms;
    },
  };
}

export interface RecordedSleeps {
  /** Every wait the client asked for, in order. */
  waits: number[];
  sleep: (ms: number) => Promise<void>;
}

/**
 * Records each wait and actually waits at most `realCapMs`, so retries stay fast while a server-side delay
 * (a request still in flight) can still elapse. With a clock, the wait also moves it forward.
 */
export function recordSleeps(clock?: TestClock, realCapMs = 20): RecordedSleeps {
  const waits: number[] = [];
  return {
    waits,
    async sleep(ms) {
      waits.push(ms);
      clock?.advance(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, realCapMs)));
    },
  };
}

/** Small, fast settings; each test overrides what it is about. */
export function createTestClient(endpoint: string, overrides: Partial<EcsClientDependencies> = {}): EcsClient {
  return createEcsClient({
    endpoint,
    region: 'cn-beijing',
    credentials: async () => testCredentials,
    random: () => 0.5,
    sleep: recordSleeps().sleep,
    ...overrides,
    options: {
      requestTimeoutMs: 2_000,
      connectTimeoutMs: 1_000,
      batchConcurrency: 2,
      ...overrides.options,
      retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 40, maxTotalMs: 10_000, ...overrides.options?.retry },
    },
  });
}
