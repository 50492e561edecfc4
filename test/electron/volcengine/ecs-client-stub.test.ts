import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createEcsClient } from '../../../electron/volcengine/ecs-client';
import { EcsError } from '../../../electron/volcengine/ecs-error';
import { createTestClient, recordSleeps, testCredentials } from './support/ecs-test-client';
import { errorEnvelope, sendJson, startStubServer, successEnvelope, type StubServer } from './support/stub-ecs-server';

const servers: StubServer[] = [];
afterEach(async () => {
  while (servers.length > 0) await servers.pop()?.close();
});

async function stub(handler: Parameters<typeof startStubServer>[0]): Promise<StubServer> {
  const server = await startStubServer(handler);
  servers.push(server);
  return server;
}

const allSucceeded = (ids: string[]) => ({ OperationDetails: ids.map((InstanceId) => ({ InstanceId, Error: null })) });
/** In list order: the query itself arrives sorted as text (InstanceIds.1, InstanceIds.10, InstanceIds.100 ...). */
function instanceIdsOf(query: URLSearchParams): string[] {
  return [...query.entries()]
    .filter(([key]) => /^InstanceIds\.\d+$/.test(key))
    .sort(([a], [b]) => Number(a.slice(12)) - Number(b.slice(12)))
    .map(([, value]) => value);
}

async function caught(promise: Promise<unknown>): Promise<EcsError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof EcsError)) throw new Error('expected an EcsError');
  return error;
}

describe('the ECS client against a purpose-built server', () => {
  it('sends a GET with Action, Version 2020-04-01 and every parameter in the query, the region only in the signature', async () => {
    const server = await stub((_request, response) => sendJson(response, 200, successEnvelope('RebootInstances', allSucceeded(['i-1']))));
    const client = createTestClient(server.url, { region: 'cn-shanghai' });
    await client.rebootInstances({ instanceIds: ['i-1'] });
    const [request] = server.requests;
    expect(request?.query.get('Action')).toBe('RebootInstances');
    expect(request?.query.get('Version')).toBe('2020-04-01');
    expect(request?.query.get('InstanceIds.1')).toBe('i-1');
    expect(request?.query.get('ForceStop')).toBe('false');
    expect(request?.query.get('ClientToken')).toMatch(/^[\x20-\x7E]{1,64}$/);
    expect([...(request?.query.keys() ?? [])].some((key) => /region/i.test(key))).toBe(false);
    expect(request?.headers.authorization).toContain('/cn-shanghai/ecs/request');
    await client.close();
  });

  it('treats an error envelope inside a 200 as a typed API error', async () => {
    const server = await stub((_request, response) => sendJson(response, 200, errorEnvelope('DescribeRegions', 'AccessDenied', 'nope', 'req-200')));
    const error = await caught(createTestClient(server.url).describeRegions());
    expect(error.toData()).toMatchObject({ code: 'AccessDenied', httpStatus: 200, requestId: 'req-200', action: 'DescribeRegions' });
    expect(server.requests).toHaveLength(1);
  });

  it('never retries a non-retryable 4xx', async () => {
    const server = await stub((_request, response) => sendJson(response, 403, errorEnvelope('DetachKeyPair', 'AccessDenied', 'no permission')));
    const result = await createTestClient(server.url).detachKeyPair({ instanceIds: ['i-1', 'i-2'], keyPair: { keyPairName: 'kp' } });
    expect(server.requests).toHaveLength(1);
    expect(result.outcomes).toEqual([
      { instanceId: 'i-1', status: 'failed', error: expect.objectContaining({ code: 'AccessDenied', httpStatus: 403, attempts: 1 }) as unknown },
      { instanceId: 'i-2', status: 'failed', error: expect.objectContaining({ code: 'AccessDenied', httpStatus: 403 }) as unknown },
    ]);
  });

  it('reuses the batch ClientToken on every retry of that batch', async () => {
    const server = await stub((request, response, index) => {
      if (index < 2) return sendJson(response, 500, errorEnvelope('DetachKeyPair', 'InternalError', 'try again'));
      return sendJson(response, 200, successEnvelope('DetachKeyPair', allSucceeded(instanceIdsOf(request.query))));
    });
    const result = await createTestClient(server.url).detachKeyPair({ instanceIds: ['i-1'], keyPair: { keyPairId: 'kp-1' } });
    expect(result.outcomes).toEqual([{ instanceId: 'i-1', status: 'succeeded', requestId: 'req-stub-1' }]);
    const tokens = server.requests.map((request) => request.query.get('ClientToken'));
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toBe(result.batches[0]?.clientToken);
  });

  it('waits as long as an HTTP-date Retry-After asks', async () => {
    const now = Date.UTC(2025, 0, 15, 8, 0, 0);
    const server = await stub((_request, response, index) => {
      if (index === 0) return sendJson(response, 503, errorEnvelope('DescribeRegions', 'ServiceUnavailable', 'busy'), { 'retry-after': new Date(now + 4_000).toUTCString() });
      return sendJson(response, 200, successEnvelope('DescribeRegions', { Regions: [{ RegionId: 'cn-beijing' }] }));
    });
    const sleeps = recordSleeps();
    const client = createTestClient(server.url, { now: () => now, sleep: sleeps.sleep });
    expect(await client.describeRegions()).toEqual([{ regionId: 'cn-beijing' }]);
    expect(sleeps.waits).toEqual([4_000]);
  });

  it('reads the credentials afresh for every request, so a rotated key is used at once', async () => {
    const server = await stub((_request, response) => sendJson(response, 200, successEnvelope('DescribeRegions', { Regions: [] })));
    let reads = 0;
    const client = createTestClient(server.url, {
      credentials: async () => {
        reads += 1;
        return { accessKeyId: `AKLTkey${reads}`, secretAccessKey: 'secret' };
      },
    });
    await client.describeRegions();
    await client.describeRegions();
    expect(reads).toBe(2);
    expect(server.requests[1]?.headers.authorization).toContain('Credential=AKLTkey2/');
  });

  it('sends the security token of temporary credentials', async () => {
    const server = await stub((_request, response) => sendJson(response, 200, successEnvelope('DescribeRegions', { Regions: [] })));
    await createTestClient(server.url, { credentials: async () => ({ ...testCredentials, sessionToken: 'sts-token-value' }) }).describeRegions();
    expect(server.requests[0]?.headers['x-security-token']).toBe('sts-token-value');
    expect(server.requests[0]?.headers.authorization).toContain('x-security-token');
  });

  it('sends nothing when the credentials cannot be read', async () => {
    const server = await stub((_request, response) => sendJson(response, 200, successEnvelope('DescribeRegions', { Regions: [] })));
    const client = createTestClient(server.url, {
      credentials: async () => {
        throw new Error('keychain locked: secret=abc');
      },
    });
    const error = await caught(client.describeRegions());
    expect(error.code).toBe('ECS_CREDENTIALS_UNAVAILABLE');
    expect(error.message).not.toContain('secret=abc');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an endpoint that is not a plain http(s) URL', () => {
    for (const endpoint of ['ftp://example.com', 'not a url', 'https://user:pw@example.com', 'https://example.com/?a=1']) {
      expect(() => createEcsClient({ endpoint, region: 'cn-beijing', credentials: async () => testCredentials })).toThrow(EcsError);
    }
  });

  it('asks for more than 100 instance IDs 100 at a time', async () => {
    const server = await stub((request, response) => {
      const ids = instanceIdsOf(request.query);
      sendJson(response, 200, successEnvelope('DescribeInstances', { Instances: ids.map((InstanceId) => ({ InstanceId })), TotalCount: ids.length, NextToken: '' }));
    });
    const ids = Array.from({ length: 230 }, (_, index) => `i-${index}`);
    const instances = await createTestClient(server.url).describeInstances({ instanceIds: ids });
    expect(instances.map((instance) => instance.instanceId)).toEqual(ids);
    expect(server.requests.map((request) => instanceIdsOf(request.query).length)).toEqual([100, 100, 30]);
  });
});

describe('secrets in errors', () => {
  const sessionToken = 'StsSessionTokenThatMustNeverLeak';

  /** Every way an error might be logged or sent on. */
  function everyRendering(value: unknown): string {
    return [JSON.stringify(value), inspect(value, { depth: 10 }), String(value), value instanceof EcsError ? JSON.stringify(value.toData()) : ''].join('\n');
  }

  it('keeps no secret key, token, signature or Authorization header from a page that echoes the request', async () => {
    const seenAuthorization: string[] = [];
    const server = await stub((request, response) => {
      seenAuthorization.push(request.headers.authorization ?? '');
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end(`<html>Bad gateway. Headers: ${JSON.stringify(request.headers)} key=${testCredentials.secretAccessKey}</html>`);
    });
    const client = createTestClient(server.url, { credentials: async () => ({ ...testCredentials, sessionToken }) });
    const listError = await caught(client.describeInstances());
    const detach = await client.detachKeyPair({ instanceIds: ['i-1'], keyPair: { keyPairName: 'kp' } });

    const signatures = seenAuthorization.map((header) => /Signature=([0-9a-f]+)/.exec(header)?.[1] ?? 'missing');
    expect(signatures.every((signature) => signature.length === 64)).toBe(true);
    for (const rendering of [everyRendering(listError), everyRendering(detach)]) {
      expect(rendering).not.toContain(testCredentials.secretAccessKey);
      expect(rendering).not.toContain(sessionToken);
      expect(rendering).not.toContain('HMAC-SHA256 Credential=');
      for (const signature of signatures) expect(rendering).not.toContain(signature);
    }
    expect(listError.code).toBe('ECS_RETRIES_EXHAUSTED');
    expect(listError.lastError?.code).toBe('ECS_BAD_RESPONSE');
  });

  it('keeps no secret from an API error message that quotes it', async () => {
    const server = await stub((_request, response) =>
      sendJson(response, 401, errorEnvelope('DescribeRegions', 'SignatureDoesNotMatch', `expected signature for secret ${testCredentials.secretAccessKey}`)),
    );
    const error = await caught(createTestClient(server.url).describeRegions());
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(everyRendering(error)).not.toContain(testCredentials.secretAccessKey);
  });

  it('keeps no secret in a network error', async () => {
    const closed = await startStubServer(() => {});
    await closed.close();
    const error = await caught(createTestClient(closed.url, { options: { retry: { maxAttempts: 1 } } }).describeRegions());
    expect(error.code).toBe('ECS_NETWORK_CONNECTION_REFUSED');
    expect(everyRendering(error)).not.toContain(testCredentials.secretAccessKey);
  });
});
