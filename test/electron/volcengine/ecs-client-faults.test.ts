import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InstanceOutcome } from '../../../shared/domain/ecs';
import { startEcsSimulator, type EcsSimulator, type EcsSimulatorOptions } from '../../../simulator/ecs-simulator';
import type { FaultKind, FaultRule } from '../../../simulator/fault-injection';
import type { EcsClient } from '../../../electron/volcengine/ecs-client';
import { createTestClient, createTestClock, recordSleeps, testCredentials } from './support/ecs-test-client';
import { buildFleet, instanceIds } from './support/simulator-fleet';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (open.length > 0) await open.pop()?.close();
});

async function simulatorWith(options: Partial<EcsSimulatorOptions> = {}): Promise<EcsSimulator> {
  const simulator = await startEcsSimulator({ credentials: [testCredentials], fleet: buildFleet({ boundLinux: 250 }), ...options });
  open.push(simulator);
  return simulator;
}

function clientFor(simulator: EcsSimulator, overrides: Parameters<typeof createTestClient>[1] = {}): EcsClient {
  const client = createTestClient(simulator.url, overrides);
  open.push(client);
  return client;
}

const detach = (client: EcsClient, ids: string[]) => client.detachKeyPair({ instanceIds: ids, keyPair: { keyPairName: 'ops-key' } });
const statuses = (outcomes: InstanceOutcome[]) => [...new Set(outcomes.map((outcome) => outcome.status))];
const detachRequests = (simulator: EcsSimulator) => simulator.requests.filter((request) => request.action === 'DetachKeyPair');

/** Faults that spoil one answer; a retry with the same ClientToken must still end with the one true outcome. */
const recoverableFaults: FaultKind[] = ['internal-error', 'destroy-before-apply', 'destroy-after-apply', 'html-502', 'truncated-json', 'empty-body', 'slow-reply'];

describe('each fault kind, once, on a detach', () => {
  it.each(recoverableFaults)('%s: retried with the same token, succeeded, changed exactly once', async (kind) => {
    const simulator = await simulatorWith({ faults: [{ kind, action: 'DetachKeyPair', times: 1, delayMs: 400 }] });
    const client = clientFor(simulator, { options: { requestTimeoutMs: 150 } });
    const ids = instanceIds(5);
    const result = await detach(client, ids);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(ids.every((id) => simulator.changeCount(id) === 1)).toBe(true);
    // The log lists a request once answered: a slow reply shows up only when its late answer is sent.
    await vi.waitFor(() => expect(detachRequests(simulator)).toHaveLength(2), { timeout: 2_000 });
    const requests = detachRequests(simulator);
    expect(requests.filter((request) => request.fault === kind)).toHaveLength(1);
    expect(new Set(requests.map((request) => request.clientToken)).size).toBe(1);
  });

  it('an idempotent retry after a connection dropped after applying is a replay, not a second change', async () => {
    const simulator = await simulatorWith({ faults: [{ kind: 'destroy-after-apply', action: 'DetachKeyPair', times: 1 }] });
    const result = await detach(clientFor(simulator), instanceIds(3));
    expect(statuses(result.outcomes)).toEqual(['succeeded']);
    expect(detachRequests(simulator).map((request) => request.replayed)).toEqual([false, true]);
    expect(instanceIds(3).map((id) => simulator.changeCount(id))).toEqual([1, 1, 1]);
  });

  it('a slow reply within the timeout is simply waited for', async () => {
    const simulator = await simulatorWith({ faults: [{ kind: 'slow-reply', action: 'DetachKeyPair', times: 1, delayMs: 50 }] });
    const result = await detach(clientFor(simulator, { options: { requestTimeoutMs: 2_000 } }), instanceIds(2));
    expect(statuses(result.outcomes)).toEqual(['succeeded']);
    expect(detachRequests(simulator)).toHaveLength(1);
  });

  it('429 FlowLimitExceeded: waits as long as Retry-After says, then succeeds', async () => {
    const clock = createTestClock(Date.now());
    const simulator = await simulatorWith({ flowLimit: { ratePerSecond: 1, burst: 1 }, now: () => new Date(clock.now()) });
    const sleeps = recordSleeps(clock);
    const client = clientFor(simulator, { now: clock.now, sleep: sleeps.sleep });
    await client.describeRegions();
    const result = await detach(client, instanceIds(2));
    expect(statuses(result.outcomes)).toEqual(['succeeded']);
    const limited = detachRequests(simulator).filter((request) => request.errorCode === 'FlowLimitExceeded');
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(sleeps.waits[0]).toBeGreaterThanOrEqual(1_000);
    expect(instanceIds(2).map((id) => simulator.changeCount(id))).toEqual([1, 1]);
  });

  it('412 IdempotentProcessing: keeps asking with the same token until the first request is done', async () => {
    // The first send takes 800 ms and times out at 250 ms; retries keep meeting it in flight until it is done.
    const simulator = await simulatorWith({ latencyMs: 800 });
    const sleeps = recordSleeps(undefined, 200);
    const client = clientFor(simulator, {
      sleep: sleeps.sleep,
      options: { requestTimeoutMs: 250, retry: { maxAttempts: 12, baseDelayMs: 60, maxDelayMs: 150 } },
    });
    const result = await client.detachKeyPair(
      { instanceIds: instanceIds(2), keyPair: { keyPairName: 'ops-key' } },
      {
        onBatchSent: (_batch, attempt) => {
          // Only the first send is slow; the retries are answered at once.
          if (attempt === 2) simulator.setLatency(0);
        },
      },
    );
    expect(statuses(result.outcomes)).toEqual(['succeeded']);
    const codes = detachRequests(simulator).map((request) => request.errorCode);
    expect(codes).toContain('IdempotentProcessing');
    expect(new Set(detachRequests(simulator).map((request) => request.clientToken)).size).toBe(1);
    expect(instanceIds(2).map((id) => simulator.changeCount(id))).toEqual([1, 1]);
  });

  it('per-instance FlowLimitExceeded is a definite failure of those instances only', async () => {
    const simulator = await simulatorWith({ faults: [{ kind: 'instance-flow-limit', action: 'DetachKeyPair', instanceIds: [instanceIds(2)[1] ?? ''] }] });
    const result = await detach(clientFor(simulator), instanceIds(2));
    expect(result.outcomes[0]?.status).toBe('succeeded');
    expect(result.outcomes[1]).toMatchObject({ status: 'failed', error: { code: 'FlowLimitExceeded' } });
    expect(instanceIds(2).map((id) => simulator.changeCount(id))).toEqual([1, 0]);
  });
});

describe('every fault kind across a 250-instance detach', () => {
  const everyOther = (kind: FaultKind): FaultRule => ({ kind, action: 'DetachKeyPair', every: 2, delayMs: 400 });

  it.each([...recoverableFaults, 'instance-flow-limit'] as FaultKind[])(
    '%s on every other request: every instance ends definite, none changed twice',
    async (kind) => {
      const simulator = await simulatorWith({ faults: [everyOther(kind)] });
      const client = clientFor(simulator, { options: { requestTimeoutMs: 150, batchConcurrency: 2, retry: { maxAttempts: 6 } } });
      const ids = instanceIds(250);
      const result = await detach(client, ids);
      expect(result.outcomes.map((outcome) => outcome.instanceId)).toEqual(ids);
      expect(result.outcomes.some((outcome) => outcome.status === 'unknown')).toBe(false);
      for (const outcome of result.outcomes) {
        const changes = simulator.changeCount(outcome.instanceId);
        expect(changes).toBe(outcome.status === 'succeeded' ? 1 : 0);
      }
      if (kind === 'instance-flow-limit') {
        expect(result.outcomes.filter((outcome) => outcome.status === 'failed').every((outcome) => outcome.status === 'failed' && outcome.error.code === 'FlowLimitExceeded')).toBe(true);
      } else {
        expect(statuses(result.outcomes)).toEqual(['succeeded']);
      }
    },
  );
});

describe('when retries run out', () => {
  it('an answer lost after applying every time leaves the instances unknown, changed exactly once', async () => {
    const simulator = await simulatorWith({ faults: [{ kind: 'destroy-after-apply', action: 'DetachKeyPair' }] });
    const result = await detach(clientFor(simulator, { options: { retry: { maxAttempts: 3 } } }), instanceIds(2));
    expect(statuses(result.outcomes)).toEqual(['unknown']);
    expect(result.outcomes[0]).toMatchObject({ reason: { code: 'ECS_RETRIES_EXHAUSTED', attempts: 3, cause: { code: 'ECS_NETWORK_CONNECTION_RESET' } } });
    expect(detachRequests(simulator)).toHaveLength(3);
    expect(instanceIds(2).map((id) => simulator.changeCount(id))).toEqual([1, 1]);
  });

  it('a slow reply past the timeout every time leaves the instances unknown, never changed twice', async () => {
    const simulator = await simulatorWith({ faults: [{ kind: 'slow-reply', action: 'DetachKeyPair', delayMs: 300 }] });
    const result = await detach(clientFor(simulator, { options: { requestTimeoutMs: 100, retry: { maxAttempts: 2 } } }), instanceIds(2));
    expect(statuses(result.outcomes)).toEqual(['unknown']);
    expect(result.outcomes[0]).toMatchObject({ reason: { cause: { code: 'ECS_NETWORK_TIMEOUT' } } });
    expect(instanceIds(2).map((id) => simulator.changeCount(id))).toEqual([1, 1]);
  });

  it('a connection refused every time is a definite failure: nothing was sent', async () => {
    const simulator = await simulatorWith();
    const url = simulator.url;
    await simulator.close();
    open.pop();
    const client = createTestClient(url, { options: { retry: { maxAttempts: 2 } } });
    open.push(client);
    const result = await client.detachKeyPair({ instanceIds: instanceIds(2), keyPair: { keyPairName: 'ops-key' } });
    expect(statuses(result.outcomes)).toEqual(['failed']);
    expect(result.outcomes[0]).toMatchObject({ error: { code: 'ECS_RETRIES_EXHAUSTED', cause: { code: 'ECS_NETWORK_CONNECTION_REFUSED' } } });
  });
});
