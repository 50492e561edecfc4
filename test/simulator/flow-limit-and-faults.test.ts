import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../simulator/api-error';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { createSignedClient, errorCodeOf, listParam, parseEnvelope } from './support/signed-client';
import type { OperationDetailJson, SignedClient } from './support/signed-client';
import { createTestFleet, ids, opsKey, testCredentials } from './support/test-fleet';

describe('ECS simulator flow limit and fault injection', () => {
  let simulator: EcsSimulator;
  let client: SignedClient;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2025-06-01T00:00:00Z');
    simulator = await startEcsSimulator({ credentials: [testCredentials], fleet: createTestFleet(), now: () => clock });
    client = createSignedClient(simulator.port, { credentials: testCredentials, now: () => clock });
  });
  afterEach(() => simulator.close());

  const detach = (clientToken?: string, options?: Parameters<SignedClient['ecs']>[2]) =>
    client.ecs(
      'DetachKeyPair',
      {
        ...listParam('InstanceIds', [ids.boundRunning]),
        KeyPairName: opsKey.keyPairName,
        ...(clientToken ? { ClientToken: clientToken } : {}),
      },
      options,
    );

  it('answers 429 FlowLimitExceeded with Retry-After once the bucket is empty, and refills with time', async () => {
    simulator.setFlowLimit({ ratePerSecond: 0.5, burst: 2 });
    expect((await client.ecs('DescribeRegions')).status).toBe(200);
    expect((await client.ecs('DescribeRegions')).status).toBe(200);
    const limited = await client.ecs('DescribeRegions');
    expect(limited.status).toBe(429);
    expect(errorCodeOf(limited)).toBe('FlowLimitExceeded');
    expect(limited.headers['retry-after']).toBe('2');
    clock = new Date(clock.getTime() + 2000);
    expect((await client.ecs('DescribeRegions')).status).toBe(200);
  });

  it('does not apply a request refused by the flow limit', async () => {
    simulator.setFlowLimit({ ratePerSecond: 1, burst: 1 });
    await client.ecs('DescribeRegions');
    const limited = await detach();
    expect(limited.status).toBe(429);
    expect(simulator.changeCount(ids.boundRunning)).toBe(0);
  });

  it('internal-error answers 500 InternalError and applies nothing', async () => {
    simulator.setFaults([{ kind: 'internal-error', action: 'DetachKeyPair', times: 1 }]);
    const failed = await detach('token-500');
    expect(failed.status).toBe(500);
    expect(errorCodeOf(failed)).toBe('InternalError');
    expect(simulator.changeCount(ids.boundRunning)).toBe(0);
    const retried = await detach('token-500');
    expect(retried.status).toBe(200);
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
  });

  it('destroy-before-apply drops the connection and applies nothing', async () => {
    simulator.setFaults([{ kind: 'destroy-before-apply', times: 1 }]);
    await expect(detach('token-before')).rejects.toThrow();
    expect(simulator.changeCount(ids.boundRunning)).toBe(0);
    expect(simulator.requests.at(-1)).toMatchObject({ httpStatus: 0, fault: 'destroy-before-apply' });
    expect((await detach('token-before')).status).toBe(200);
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
  });

  it('destroy-after-apply applies the change though the client never hears; the retry replays it', async () => {
    simulator.setFaults([{ kind: 'destroy-after-apply', action: 'DetachKeyPair', times: 1 }]);
    await expect(detach('token-after')).rejects.toThrow();
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
    const retry = await detach('token-after');
    expect(retry.status).toBe(200);
    expect(parseEnvelope<{ OperationDetails: OperationDetailJson[] }>(retry).Result?.OperationDetails).toEqual([
      { InstanceId: ids.boundRunning, Error: null },
    ]);
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
  });

  it('html-502 answers a proxy HTML page with 502 and applies nothing', async () => {
    simulator.setFaults([{ kind: 'html-502', times: 1 }]);
    const reply = await detach();
    expect(reply.status).toBe(502);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.text).toContain('<html>');
    expect(simulator.changeCount(ids.boundRunning)).toBe(0);
  });

  it('truncated-json sends the real status with half a JSON body, after applying', async () => {
    simulator.setFaults([{ kind: 'truncated-json', times: 1 }]);
    const reply = await detach();
    expect(reply.status).toBe(200);
    expect(reply.text.startsWith('{"ResponseMetadata":{"RequestId":')).toBe(true);
    expect(() => JSON.parse(reply.text) as unknown).toThrow();
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
  });

  it('empty-body sends the real status with no body', async () => {
    simulator.setFaults([{ kind: 'empty-body', times: 1 }]);
    const reply = await client.ecs('DescribeRegions');
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
  });

  it('slow-reply holds the answer past a client timeout, and close() does not wait for it', async () => {
    simulator.setFaults([{ kind: 'slow-reply', delayMs: 60_000, times: 1 }]);
    await expect(client.ecs('DescribeRegions', {}, { timeoutMs: 100 })).rejects.toThrow('client timeout');
    expect((await client.ecs('DescribeRegions')).status).toBe(200);
  });

  it('releaseWaits lets a held slow reply go at once', async () => {
    simulator.setFaults([{ kind: 'slow-reply', delayMs: 60_000, times: 1 }]);
    const held = client.ecs('DescribeRegions');
    // The request is in: the simulator logs it only once answered, so wait for the wait to exist.
    await new Promise((resolve) => setTimeout(resolve, 100));
    simulator.releaseWaits();
    expect((await held).status).toBe(200);
  });

  it('matches "the next 2 DetachKeyPair requests" and leaves other actions alone', async () => {
    simulator.setFaults([{ kind: 'internal-error', action: 'DetachKeyPair', times: 2 }]);
    expect((await client.ecs('DescribeRegions')).status).toBe(200);
    expect((await detach()).status).toBe(500);
    expect((await detach()).status).toBe(500);
    expect((await detach()).status).toBe(200);
  });

  it('aims at requests carrying given query parameters: one zone\'s listing among the others', async () => {
    simulator.setFaults([{ kind: 'internal-error', action: 'DescribeInstances', params: { ZoneId: 'cn-beijing-b' } }]);
    expect((await client.ecs('DescribeInstances', { ZoneId: 'cn-beijing-a' })).status).toBe(200);
    expect((await client.ecs('DescribeInstances', { ZoneId: 'cn-beijing-b' })).status).toBe(500);
    expect((await client.ecs('DescribeInstances')).status).toBe(200);
  });

  it('matches "every 3rd request"', async () => {
    simulator.setFaults([{ kind: 'internal-error', every: 3 }]);
    const statuses: number[] = [];
    for (let index = 0; index < 7; index += 1) statuses.push((await client.ecs('DescribeRegions')).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200, 500, 200]);
  });

  it('instance-flow-limit fails the chosen instances per instance with FlowLimitExceeded', async () => {
    simulator.setFaults([{ kind: 'instance-flow-limit', instanceIds: [ids.boundStopped], times: 1 }]);
    const reply = await client.ecs('DetachKeyPair', {
      ...listParam('InstanceIds', [ids.boundRunning, ids.boundStopped]),
      KeyPairName: opsKey.keyPairName,
    });
    expect(reply.status).toBe(200);
    const details = parseEnvelope<{ OperationDetails: OperationDetailJson[] }>(reply).Result?.OperationDetails;
    expect(details?.map((detail) => detail.Error?.Code ?? null)).toEqual([null, 'FlowLimitExceeded']);
    expect(simulator.changeCount(ids.boundStopped)).toBe(0);
  });

  it('instance-flow-limit with instanceIds neither fires for nor counts requests that do not name them', async () => {
    simulator.setFaults([{ kind: 'instance-flow-limit', instanceIds: [ids.boundStopped], times: 1 }]);
    const other = await detach();
    expect(parseEnvelope<{ OperationDetails: OperationDetailJson[] }>(other).Result?.OperationDetails?.[0]?.Error).toBeNull();
    const named = await client.ecs('DetachKeyPair', { ...listParam('InstanceIds', [ids.boundStopped]), KeyPairName: opsKey.keyPairName });
    expect(parseEnvelope<{ OperationDetails: OperationDetailJson[] }>(named).Result?.OperationDetails?.[0]?.Error?.Code).toBe('FlowLimitExceeded');
  });

  // The spec's request-level errors of DetachKeyPair and the gateway's, each with the status the spec gives it.
  it.each<[ApiErrorCode, number]>([
    ['MissingParameter.KeyPairNameAndKeyPairId', 400],
    ['MissingParameter.InstanceIds', 400],
    ['LimitExceeded.MaximumInstanceIds', 400],
    ['InvalidClientToken.Malformed', 400],
    ['IdempotentParameterMismatch', 400],
    ['InvalidKeyPair.NotFound', 404],
    ['IdempotentProcessing', 412],
    ['FlowLimitExceeded', 429],
    ['InternalError', 500],
    ['MissingParameter', 400],
    ['MissingRequestInfo', 400],
    ['InvalidActionOrVersion', 404],
    ['ServiceNotFound', 404],
    ['LackPolicy', 403],
    ['AccessDenied', 403],
    ['LackProjectPolicy', 403],
    ['ServiceShouldCallSelfApi', 403],
    ['InternalServiceTimeout', 504],
    ['InvalidTimestamp', 403],
  ])('api-error %s answers HTTP %i with that code in the error envelope, and applies nothing', async (code, status) => {
    simulator.setFaults([{ kind: 'api-error', code, action: 'DetachKeyPair' }]);
    const reply = await detach('token-api-error');
    expect(reply.status).toBe(status);
    expect(parseEnvelope(reply).ResponseMetadata).toMatchObject({ Action: 'DetachKeyPair', Error: { Code: code } });
    expect(parseEnvelope(reply).Result).toBeUndefined();
    expect(simulator.changeCount(ids.boundRunning)).toBe(0);
  });

  it('api-error uses up no ClientToken: once the fault is gone, a retry with the same token is applied', async () => {
    simulator.setFaults([{ kind: 'api-error', code: 'AccessDenied', action: 'DetachKeyPair', times: 2 }]);
    expect(errorCodeOf(await detach('token-denied'))).toBe('AccessDenied');
    expect(errorCodeOf(await detach('token-denied'))).toBe('AccessDenied');
    expect((await detach('token-denied')).status).toBe(200);
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
    expect(simulator.requests.at(-2)).toMatchObject({ httpStatus: 403, errorCode: 'AccessDenied', fault: 'api-error' });
  });

  it('api-error with instanceIds fires only for requests naming one of them, so each batch can get its own code', async () => {
    simulator.setFaults([
      { kind: 'api-error', code: 'InvalidKeyPair.NotFound', action: 'DetachKeyPair', instanceIds: [ids.boundRunning] },
      { kind: 'api-error', code: 'IdempotentProcessing', action: 'DetachKeyPair', instanceIds: [ids.boundStopped] },
    ]);
    const batch = (instanceIds: readonly string[]) =>
      client.ecs('DetachKeyPair', { ...listParam('InstanceIds', instanceIds), KeyPairName: opsKey.keyPairName });
    expect(errorCodeOf(await batch([ids.noAgent, ids.boundRunning]))).toBe('InvalidKeyPair.NotFound');
    expect(errorCodeOf(await batch([ids.boundStopped]))).toBe('IdempotentProcessing');
    const untouched = await batch([ids.noAgent]);
    expect(untouched.status).toBe(200);
    expect(errorCodeOf(untouched)).toBeUndefined();
    expect(simulator.changeCounts().size).toBe(0);
  });

  it('api-error with retryAfterSeconds answers 429 FlowLimitExceeded with that Retry-After, and applies nothing', async () => {
    simulator.setFaults([{ kind: 'api-error', code: 'FlowLimitExceeded', retryAfterSeconds: 3, action: 'DetachKeyPair', times: 1 }]);
    const limited = await detach('token-429');
    expect(limited.status).toBe(429);
    expect(errorCodeOf(limited)).toBe('FlowLimitExceeded');
    expect(limited.headers['retry-after']).toBe('3');
    expect(simulator.changeCount(ids.boundRunning)).toBe(0);
    expect((await detach('token-429')).status).toBe(200);
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
  });

  it('skip lets the first matching requests through, then fires: a fault in the middle of a sequence', async () => {
    simulator.setFaults([{ kind: 'internal-error', action: 'DescribeRegions', skip: 2, times: 1 }]);
    const statuses = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await client.ecs('DescribeRegions')).status);
    expect(statuses).toEqual([200, 200, 500, 200]);
    expect(() => simulator.addFault({ kind: 'internal-error', skip: -1 })).toThrow(RangeError);
  });

  it('a clock offset past 15 minutes makes the gateway refuse signed requests with 403 InvalidTimestamp, and back', async () => {
    simulator.setClockOffset(16 * 60 * 1000);
    const ahead = await detach('token-skew');
    expect(ahead.status).toBe(403);
    expect(errorCodeOf(ahead)).toBe('InvalidTimestamp');
    simulator.setClockOffset(-16 * 60 * 1000);
    expect(errorCodeOf(await detach('token-skew'))).toBe('InvalidTimestamp');
    expect(simulator.changeCount(ids.boundRunning)).toBe(0);
    simulator.setClockOffset(14 * 60 * 1000);
    expect((await detach('token-skew')).status).toBe(200);
    expect(simulator.changeCount(ids.boundRunning)).toBe(1);
  });

  it('api-error refuses a rule without a code it knows, rather than answering nothing', () => {
    expect(() => simulator.addFault({ kind: 'api-error' })).toThrow(RangeError);
    expect(() => simulator.addFault({ kind: 'api-error', code: 'NoSuchCode' as ApiErrorCode })).toThrow(RangeError);
  });

  it('logs each request with action, region, status, error code and instance count', async () => {
    simulator.clearRequests();
    simulator.setFaults([{ kind: 'internal-error', times: 1 }]);
    await detach();
    await detach();
    expect(simulator.requests).toEqual([
      expect.objectContaining({ action: 'DetachKeyPair', region: 'cn-beijing', httpStatus: 500, errorCode: 'InternalError', instanceCount: 1, fault: 'internal-error' }),
      expect.objectContaining({ action: 'DetachKeyPair', region: 'cn-beijing', httpStatus: 200, errorCode: undefined, instanceCount: 1, fault: undefined }),
    ]);
  });
});
