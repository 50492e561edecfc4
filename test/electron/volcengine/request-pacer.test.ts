import { describe, expect, it } from 'vitest';
import { createRequestPacer } from '../../../electron/volcengine/request-pacer';
import { startEcsSimulator } from '../../../simulator/ecs-simulator';
import { createEcsClient } from '../../../electron/volcengine/ecs-client';
import { makeInstance, makeKeyPair } from '../../../simulator/fleet-builders';

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

describe('request pacer priorities and cancellation', () => {
  it('lets a high-priority request overtake normal ones already waiting, never one already sent', async () => {
    const clock = virtualClock();
    const order: string[] = [];
    const pacer = createRequestPacer({ ratePerSecond: 10, ...clock });
    const waits = ['a', 'b', 'c'].map((name) => pacer.acquire().then(() => order.push(name)));
    // Asked for last, after 'a' went: it goes next, before 'b' and 'c'.
    const urgent = pacer.acquire({ priority: 'high' }).then(() => order.push('urgent'));
    await Promise.all([...waits, urgent]);
    expect(order).toEqual(['a', 'urgent', 'b', 'c']);
  });

  it('drops a cancelled wait from the queue without using a slot, and rejects it as cancelled', async () => {
    const sleeps: number[] = [];
    let releaseSleep: () => void = () => undefined;
    const pacer = createRequestPacer({
      ratePerSecond: 10,
      now: () => 0,
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((resolve) => (releaseSleep = resolve));
      },
    });
    await pacer.acquire();
    const controller = new AbortController();
    const cancelled = pacer.acquire({ signal: controller.signal });
    const kept = pacer.acquire();
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: 'ECS_CANCELLED' });
    releaseSleep();
    await kept;
    // One wait for the one request that went: the cancelled one took no slot.
    expect(sleeps).toEqual([100]);
    await expect(pacer.acquire({ signal: controller.signal })).rejects.toMatchObject({ code: 'ECS_CANCELLED' });
  });

  it('reads its rate before each slot, so a changed setting applies to the next request', async () => {
    const clock = virtualClock();
    let rate = 20;
    const pacer = createRequestPacer({ ratePerSecond: () => rate, ...clock });
    await pacer.acquire();
    rate = 10;
    await pacer.acquire();
    await pacer.acquire();
    expect(clock.now()).toBe(1_000 + 50 + 100);
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

describe('a prioritized listing', () => {
  it('holds background reads back while it runs, so each of its requests takes the next slot, then lets them go', async () => {
    const clock = virtualClock();
    const order: string[] = [];
    const pacer = createRequestPacer({ ratePerSecond: 10, ...clock });
    await pacer.acquire();
    const background = [1, 2, 3].map((index) => pacer.acquire().then(() => order.push(`background-${index}`)));
    await pacer.prioritize(async () => {
      for (const page of [1, 2, 3]) {
        await pacer.acquire({ priority: 'high' });
        order.push(`page-${page}`);
        // The page's round trip: no background read slips in while it is on its way.
        await Promise.resolve();
      }
    });
    await Promise.all(background);
    expect(order).toEqual(['page-1', 'page-2', 'page-3', 'background-1', 'background-2', 'background-3']);
    // Still at the rate: six slots after the first, 100 ms apart.
    expect(clock.now()).toBe(1_000 + 6 * 100);
  });
});
