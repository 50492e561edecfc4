import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator, EcsSimulatorOptions } from '../../simulator/ecs-simulator';
import { createFlowLimiter, takeFromAll } from '../../simulator/flow-limiter';
import { createSignedClient, errorCodeOf, listParam, parseEnvelope } from './support/signed-client';
import type { HttpReply, SignedClient } from './support/signed-client';
import { createTestFleet, ids, opsKey, testCredentials } from './support/test-fleet';

const readActions = ['DescribeRegions', 'DescribeInstances', 'DescribeKeyPairs', 'DescribeZones'] as const;

function expectFlowLimited(reply: HttpReply, retryAfter: string) {
  expect(reply.status).toBe(429);
  expect(errorCodeOf(reply)).toBe('FlowLimitExceeded');
  expect(parseEnvelope(reply)).not.toHaveProperty('Result');
  expect(reply.headers['retry-after']).toBe(retryAfter);
}

describe('ECS simulator read flow limit', () => {
  let simulator: EcsSimulator;
  let client: SignedClient;
  let clock: Date;

  const start = async (options: Partial<EcsSimulatorOptions> = {}) => {
    simulator = await startEcsSimulator({ credentials: [testCredentials], fleet: createTestFleet(), now: () => clock, ...options });
    client = createSignedClient(simulator.port, { credentials: testCredentials, now: () => clock });
  };

  beforeEach(() => {
    clock = new Date('2025-06-01T00:00:00Z');
  });
  afterEach(() => simulator.close());

  // A reboot, not a detach, so the same write can repeat and succeed every time.
  const write = () => client.ecs('RebootInstances', listParam('InstanceIds', [ids.boundRunning]));
  const read = (action: string = 'DescribeInstances') => client.ecs(action);

  it('is drawn from by every Describe* action and by nothing else', async () => {
    await start({ readFlowLimit: { ratePerSecond: 0.25, burst: 4 } });
    for (const action of readActions) expect((await read(action)).status, action).toBe(200);
    for (const action of readActions) expectFlowLimited(await read(action), '4');
    for (let index = 0; index < 6; index += 1) expect((await write()).status).toBe(200);
    const detach = await client.ecs('DetachKeyPair', { ...listParam('InstanceIds', [ids.boundRunning]), KeyPairName: opsKey.keyPairName });
    expect(detach.status).toBe(200);
    // An unknown action is no read: it gets its own answer, not the read limit's.
    expect(errorCodeOf(await read('DescribeEverything'))).toBe('InvalidActionOrVersion');
  });

  it('logs a refused read with its status and FlowLimitExceeded, and refills with time', async () => {
    await start({ readFlowLimit: { ratePerSecond: 0.5, burst: 1 } });
    expect((await read()).status).toBe(200);
    simulator.clearRequests();
    expectFlowLimited(await read('DescribeZones'), '2');
    expect(simulator.requests).toEqual([
      expect.objectContaining({ action: 'DescribeZones', httpStatus: 429, errorCode: 'FlowLimitExceeded' }) as unknown,
    ]);
    clock = new Date(clock.getTime() + 1000);
    expectFlowLimited(await read(), '1');
    clock = new Date(clock.getTime() + 1000);
    expect((await read()).status).toBe(200);
  });

  it('can be set, replaced (full) and removed while running, apart from the simulator-wide limit', async () => {
    await start();
    expect((await read()).status).toBe(200);
    simulator.setReadFlowLimit({ ratePerSecond: 1, burst: 1 });
    expect((await read()).status).toBe(200);
    expectFlowLimited(await read(), '1');
    simulator.setReadFlowLimit({ ratePerSecond: 1, burst: 2 });
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    expectFlowLimited(await read(), '1');
    simulator.setFlowLimit(null);
    expectFlowLimited(await read(), '1');
    simulator.setReadFlowLimit(null);
    for (let index = 0; index < 5; index += 1) expect((await read()).status).toBe(200);
  });

  it('with both limits set, a read needs a token from each, and a refused request takes none', async () => {
    await start({ flowLimit: { ratePerSecond: 0.5, burst: 3 }, readFlowLimit: { ratePerSecond: 0.25, burst: 2 } });
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200);
    // The read bucket is empty (4 s to a token); the simulator-wide one still holds 1.
    expectFlowLimited(await read(), '4');
    // So the refused read took nothing from the simulator-wide bucket: a write still gets its last token.
    expect((await write()).status).toBe(200);
    // Now both are empty: a write waits for the wide bucket (2 s), a read for the longer of the two (4 s).
    expectFlowLimited(await write(), '2');
    expectFlowLimited(await read(), '4');
    clock = new Date(clock.getTime() + 2000);
    // The wide bucket refilled a token, the read bucket only half of one: the read is refused and takes nothing,
    expectFlowLimited(await read(), '2');
    // so the write after it still finds the wide bucket's token.
    expect((await write()).status).toBe(200);
  });

  it('a wide-limit refusal of a read takes nothing from the read bucket', async () => {
    await start({ flowLimit: { ratePerSecond: 1, burst: 1 }, readFlowLimit: { ratePerSecond: 1, burst: 1 } });
    expect((await write()).status).toBe(200);
    expectFlowLimited(await read(), '1');
    simulator.setFlowLimit(null);
    expect((await read()).status).toBe(200);
  });
});

describe('takeFromAll', () => {
  it('takes one token from each bucket, or none from any, and asks for the longest wait', () => {
    const fast = createFlowLimiter({ ratePerSecond: 2, burst: 2 });
    const slow = createFlowLimiter({ ratePerSecond: 0.1, burst: 1 });
    expect(takeFromAll([fast, slow], 0)).toEqual({ allowed: true });
    expect(takeFromAll([fast, slow], 0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(fast.peek(0)).toEqual({ allowed: true });
    expect(fast.take(0)).toEqual({ allowed: true });
    expect(takeFromAll([fast, slow], 0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(takeFromAll([fast], 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(takeFromAll([], 0)).toEqual({ allowed: true });
  });
});
