import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcsSimulator } from '../../simulator/ecs-simulator';
import type { EcsSimulator } from '../../simulator/ecs-simulator';
import { signRequest } from '../../electron/volcengine/sign';
import { signWithOfficialDefaults, signWithOfficialSigner } from '../electron/volcengine/support/official-signer';
import { createSignedClient, errorCodeOf, parseEnvelope, sendRaw } from './support/signed-client';
import type { SignedClient } from './support/signed-client';
import { createTestFleet, stsCredentials, testCredentials } from './support/test-fleet';

const serverTime = new Date('2025-03-04T05:06:07Z');
const minutes = (count: number) => count * 60_000;

describe('ECS simulator signature verification', () => {
  let simulator: EcsSimulator;
  let client: SignedClient;

  beforeAll(async () => {
    simulator = await startEcsSimulator({
      credentials: [testCredentials, stsCredentials],
      fleet: createTestFleet(),
      now: () => serverTime,
    });
    client = createSignedClient(simulator.port, { credentials: testCredentials, now: () => serverTime });
  });
  afterAll(() => simulator.close());

  it('accepts a request signed with signRequest and echoes the scope region in the envelope', async () => {
    const reply = await client.ecs('DescribeRegions', {}, { region: 'cn-shanghai' });
    expect(reply.status).toBe(200);
    expect(parseEnvelope(reply).ResponseMetadata).toMatchObject({ Region: 'cn-shanghai', Service: 'ecs' });
  });

  it('accepts a request signed by the official SDK signer with the project header set', async () => {
    const input = {
      method: 'GET',
      host: `127.0.0.1:${simulator.port}`,
      path: '/',
      query: { Action: 'DescribeRegions', Version: '2020-04-01', 'RegionIds.1': 'cn-beijing' },
      region: 'cn-beijing',
      service: 'ecs',
      credentials: testCredentials,
      date: serverTime,
    };
    const official = signWithOfficialSigner(input);
    const reply = await sendRaw(simulator.port, `/?${official.canonicalQuery}`, official.headers);
    expect(reply.status).toBe(200);
  });

  it('accepts a signature over x-date alone, as the official SDK sends by default and Volcengine accepts', async () => {
    const official = signWithOfficialDefaults({
      method: 'GET',
      host: `127.0.0.1:${simulator.port}`,
      path: '/',
      query: { Action: 'DescribeRegions', Version: '2020-04-01' },
      region: 'cn-beijing',
      service: 'ecs',
      credentials: testCredentials,
      date: serverTime,
    });
    expect(official.headers.Authorization).toContain('SignedHeaders=x-date,');
    const reply = await sendRaw(simulator.port, `/?${official.canonicalQuery}`, official.headers);
    expect(reply.status).toBe(200);
  });

  it('still checks what x-date alone signs: a changed query is SignatureDoesNotMatch', async () => {
    const official = signWithOfficialDefaults({
      method: 'GET',
      host: `127.0.0.1:${simulator.port}`,
      path: '/',
      query: { Action: 'DescribeRegions', Version: '2020-04-01', MaxResults: '5' },
      region: 'cn-beijing',
      service: 'ecs',
      credentials: testCredentials,
      date: serverTime,
    });
    const reply = await sendRaw(simulator.port, `/?${official.canonicalQuery.replace('MaxResults=5', 'MaxResults=6')}`, official.headers);
    expect(reply.status).toBe(401);
    expect(errorCodeOf(reply)).toBe('SignatureDoesNotMatch');
  });

  it('refuses a signature that does not cover host with InvalidAuthorization when told to be stricter', async () => {
    const strict = await startEcsSimulator({ credentials: [testCredentials], fleet: createTestFleet(), now: () => serverTime, requireSignedHost: true });
    try {
      const official = signWithOfficialDefaults({
        method: 'GET',
        host: `127.0.0.1:${strict.port}`,
        path: '/',
        query: { Action: 'DescribeRegions', Version: '2020-04-01' },
        region: 'cn-beijing',
        service: 'ecs',
        credentials: testCredentials,
        date: serverTime,
      });
      const reply = await sendRaw(strict.port, `/?${official.canonicalQuery}`, official.headers);
      expect(reply.status).toBe(400);
      expect(errorCodeOf(reply)).toBe('InvalidAuthorization');
    } finally {
      await strict.close();
    }
  });

  it('answers MissingAuthenticationToken (401) when there is no Authorization header', async () => {
    const reply = await client.ecs('DescribeRegions', {}, {
      tamperHeaders: ({ Authorization: _dropped, ...rest }) => rest,
    });
    expect(reply.status).toBe(401);
    expect(errorCodeOf(reply)).toBe('MissingAuthenticationToken');
    expect(parseEnvelope(reply).Result).toBeUndefined();
  });

  it('answers MissingSignature (401) when the Authorization header has no Signature', async () => {
    const reply = await client.ecs('DescribeRegions', {}, {
      tamperHeaders: (headers) => ({ ...headers, Authorization: (headers.Authorization ?? '').replace(/, Signature=.*$/, '') }),
    });
    expect(reply.status).toBe(401);
    expect(errorCodeOf(reply)).toBe('MissingSignature');
  });

  it('answers InvalidAuthorization (400) for a malformed Authorization header', async () => {
    for (const broken of ['Bearer abc', 'HMAC-SHA256 Credential=AK/20250304/cn-beijing/ecs, SignedHeaders=host, Signature=ab']) {
      const reply = await client.ecs('DescribeRegions', {}, { tamperHeaders: (headers) => ({ ...headers, Authorization: broken }) });
      expect(reply.status).toBe(400);
      expect(errorCodeOf(reply)).toBe('InvalidAuthorization');
    }
  });

  it('answers InvalidAccessKey (401) for an access key it does not know', async () => {
    const reply = await client.ecs('DescribeRegions', {}, {
      credentials: { accessKeyId: 'AKLTunknown', secretAccessKey: testCredentials.secretAccessKey },
    });
    expect(reply.status).toBe(401);
    expect(errorCodeOf(reply)).toBe('InvalidAccessKey');
  });

  it('answers SignatureDoesNotMatch (401) when a query value is changed after signing', async () => {
    const reply = await client.ecs('DescribeInstances', { MaxResults: '5' }, {
      tamperQuery: (query) => query.replace('MaxResults=5', 'MaxResults=6'),
    });
    expect(reply.status).toBe(401);
    expect(errorCodeOf(reply)).toBe('SignatureDoesNotMatch');
  });

  it('answers SignatureDoesNotMatch (401) when the secret key is wrong', async () => {
    const reply = await client.ecs('DescribeRegions', {}, {
      credentials: { accessKeyId: testCredentials.accessKeyId, secretAccessKey: 'not-the-secret' },
    });
    expect(reply.status).toBe(401);
    expect(errorCodeOf(reply)).toBe('SignatureDoesNotMatch');
  });

  it('verifies a query holding spaces, stars, tildes and Chinese characters', async () => {
    const reply = await client.ecs('DescribeInstances', { InstanceName: 'my server*~测试' });
    expect(reply.status).toBe(200);
  });

  it('accepts an STS credential only with its session token', async () => {
    const withToken = await client.ecs('DescribeRegions', {}, { credentials: stsCredentials });
    expect(withToken.status).toBe(200);

    const withoutToken = await client.ecs('DescribeRegions', {}, {
      credentials: { accessKeyId: stsCredentials.accessKeyId, secretAccessKey: stsCredentials.secretAccessKey },
    });
    expect(withoutToken.status).toBe(401);
    expect(errorCodeOf(withoutToken)).toBe('InvalidSecretToken');

    const wrongToken = await client.ecs('DescribeRegions', {}, {
      credentials: { ...stsCredentials, sessionToken: 'another-token' },
    });
    expect(wrongToken.status).toBe(401);
    expect(errorCodeOf(wrongToken)).toBe('InvalidSecretToken');
  });

  it('answers InvalidTimestamp (403) when X-Date is more than 15 minutes behind or ahead', async () => {
    for (const skew of [minutes(-16), minutes(16)]) {
      const reply = await client.ecs('DescribeRegions', {}, { date: new Date(serverTime.getTime() + skew) });
      expect(reply.status).toBe(403);
      expect(errorCodeOf(reply)).toBe('InvalidTimestamp');
    }
  });

  it('sends a Date header from the simulator clock so a client can measure its skew', async () => {
    const reply = await client.ecs('DescribeRegions', {}, { date: new Date(serverTime.getTime() + minutes(30)) });
    expect(errorCodeOf(reply)).toBe('InvalidTimestamp');
    expect(reply.headers.date).toBe(serverTime.toUTCString());
  });

  it('accepts a clock skew within 15 minutes either way', async () => {
    for (const skew of [minutes(-14), minutes(14)]) {
      const reply = await client.ecs('DescribeRegions', {}, { date: new Date(serverTime.getTime() + skew) });
      expect(reply.status).toBe(200);
    }
  });

  it('answers MissingRequestInfo (400) when X-Date is absent', async () => {
    const reply = await client.ecs('DescribeRegions', {}, { tamperHeaders: ({ 'X-Date': _dropped, ...rest }) => rest });
    expect(reply.status).toBe(400);
    expect(errorCodeOf(reply)).toBe('MissingRequestInfo');
  });

  it('answers InvalidCredential (400) for a scope whose service is not ecs', async () => {
    const reply = await client.ecs('DescribeRegions', {}, { service: 'iam' });
    expect(reply.status).toBe(400);
    expect(errorCodeOf(reply)).toBe('InvalidCredential');
  });

  it('answers InvalidCredential (400) for a scope naming a region the fleet does not have', async () => {
    const reply = await client.ecs('DescribeRegions', {}, { region: 'cn-atlantis' });
    expect(reply.status).toBe(400);
    expect(errorCodeOf(reply)).toBe('InvalidCredential');
    expect(parseEnvelope(reply).ResponseMetadata.Region).toBe('cn-atlantis');
  });

  it('answers SignatureDoesNotMatch when the Host header differs from the signed one', async () => {
    const signed = signRequest({
      method: 'GET',
      host: 'open.volcengineapi.com',
      path: '/',
      query: { Action: 'DescribeRegions', Version: '2020-04-01' },
      region: 'cn-beijing',
      service: 'ecs',
      credentials: testCredentials,
      date: serverTime,
    });
    // Without a Host header, Node sends the real one (127.0.0.1:<port>), not the signed one.
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'Host'));
    const reply = await sendRaw(simulator.port, `/?${signed.canonicalQuery}`, headers);
    expect(reply.status).toBe(401);
    expect(errorCodeOf(reply)).toBe('SignatureDoesNotMatch');
  });

  it('logs every refused request with its status and error code', async () => {
    simulator.clearRequests();
    await client.ecs('DescribeRegions', {}, { service: 'iam' });
    expect(simulator.requests).toEqual([
      expect.objectContaining({ action: 'DescribeRegions', region: 'cn-beijing', httpStatus: 400, errorCode: 'InvalidCredential' }),
    ]);
  });
});
