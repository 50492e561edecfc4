import { describe, expect, it } from 'vitest';
import { createRequestPacer } from '../../../electron/volcengine/request-pacer';
import { startEcsSimulator } from '../../../electron/simulator/ecs-simulator';
import { createEcsClient } from '../../../electron/volcengine/ecs-client';
import { makeInstance, makeKeyPair } from '../../../electron/simulator/fleet-builders';

/** A clock that only moves when the pacer sleeps, so each send's time is exact. */
function virtualClock() {
  let nowMs = 1_000;
  return {
    now: () => nowMs,
    sleep: async (ms: number) => {
      nowMs += ms;
    },
  };
}

describe('request pacer', () => {
  it('lets the first request go at once and spaces the next ones 1/rate apart', async () => {
    const clock = virtualClock();
    const pacer = createRequestPacer({ ratePerSecond: 20, ...clock });
    const sentAt: number[] = [];
    for (let index = 0; index < 5; index += 1) {
      await pacer.acquire();
      sentAt.push(clock.now());
    }
    expect(sentAt).toEqual([1_000, 1_050, 1_100, 1_150, 1_200]);
  });

  it('gives concurrent callers consecutive slots in the order they asked', async () => {
    const sleeps: number[] = [];
    const pacer = createRequestPacer({ ratePerSecond: 10, now: () => 0, sleep: async (ms) => void sleeps.push(ms) });
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    expect(sleeps).toEqual([100, 200]);
  });

  it('does not save up slots while idle: after a pause the spacing starts again', async () => {
    const clock = virtualClock();
    const pacer = createRequestPacer({ ratePerSecond: 20, ...clock });
    await pacer.acquire();
    await clock.sleep(5_000);
    const sentAt: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      await pacer.acquire();
      sentAt.push(clock.now());
    }
    expect(sentAt).toEqual([6_000, 6_050, 6_100]);
  });

  it('never waits when unlimited, and refuses a rate that is not positive', async () => {
    const pacer = createRequestPacer({ ratePerSecond: Number.POSITIVE_INFINITY, now: () => 0, sleep: () => Promise.reject(new Error('slept')) });
    await expect(Promise.all([pacer.acquire(), pacer.acquire()])).resolves.toBeDefined();
    expect(() => createRequestPacer({ ratePerSecond: 0, now: () => 0, sleep: async () => undefined })).toThrow(RangeError);
  });
});

describe('a paced detach under the flow limit', () => {
  it('sends exactly one request per 100 instances and none is refused, with four batches in flight at once', async () => {
    const keys = { accessKeyId: 'AKLTpacerTestKey000001', secretAccessKey: 'pacer-test-secret-0001' };
    const keyPair = makeKeyPair({ keyPairId: 'kp-pacer00000000000000001', keyPairName: 'pacer-key' });
    const instanceIds = Array.from({ length: 800 }, (_, index) => `i-pacer${String(index).padStart(13, '0')}`);
    const simulator = await startEcsSimulator({
      credentials: [keys],
      fleet: {
        regions: [
          {
            regionId: 'cn-beijing',
            zoneIds: ['cn-beijing-a'],
            keyPairs: [keyPair],
            instances: instanceIds.map((instanceId) => makeInstance({ instanceId, keyPairId: keyPair.keyPairId, keyPairName: keyPair.keyPairName })),
          },
        ],
      },
      // Without pacing, four at once with no latency would send far faster than this and be refused; paced at half
      // the limit, a busy test machine's timer jitter cannot bunch sends up enough to be refused either.
      flowLimit: { ratePerSecond: 40, burst: 2 },
    });
    const client = createEcsClient({
      endpoint: simulator.url,
      region: 'cn-beijing',
      credentials: async () => keys,
      proxy: { mode: 'direct' },
      options: { batchConcurrency: 4, changeRequestsPerSecond: 20 },
    });
    try {
      const result = await client.detachKeyPair({ instanceIds, keyPair: { keyPairId: keyPair.keyPairId } });
      expect(result.outcomes.every((outcome) => outcome.status === 'succeeded')).toBe(true);
      const sends = simulator.requests.filter((request) => request.action === 'DetachKeyPair');
      expect(sends).toHaveLength(8);
      expect(sends.filter((request) => request.errorCode === 'FlowLimitExceeded')).toEqual([]);
    } finally {
      await client.close();
      await simulator.close();
    }
  });
});
