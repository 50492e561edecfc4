import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EcsError } from '../../../electron/volcengine/ecs-error';
import { describeInstancesResultSchema, operationResultSchema } from '../../../electron/volcengine/ecs-wire-schemas';
import type { HttpAnswer } from '../../../electron/volcengine/http-transport';
import { parseEnvelope } from '../../../electron/volcengine/response-envelope';

const context = { action: 'DetachKeyPair', secrets: ['SuperSecretKeyValue'], receivedAt: Date.UTC(2025, 0, 1) };
const json = { 'content-type': 'application/json' };

function answer(status: number, body: unknown, headers: Record<string, string> = json): HttpAnswer {
  return { status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

function parseError(response: HttpAnswer, schema: z.ZodType = operationResultSchema): EcsError {
  try {
    parseEnvelope(response, context, schema);
  } catch (error) {
    if (error instanceof EcsError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('the response envelope', () => {
  it('returns the Result and the RequestId of a success', () => {
    const parsed = parseEnvelope(
      answer(200, { ResponseMetadata: { RequestId: 'req-1', Action: 'DetachKeyPair' }, Result: { OperationDetails: [{ InstanceId: 'i-1', Error: null }] } }),
      context,
      operationResultSchema,
    );
    expect(parsed.requestId).toBe('req-1');
    expect(parsed.httpStatus).toBe(200);
    expect(parsed.result.OperationDetails).toEqual([{ InstanceId: 'i-1', Error: null }]);
  });

  it('ignores unknown fields at every level instead of rejecting them', () => {
    const parsed = parseEnvelope(
      answer(200, {
        ResponseMetadata: { RequestId: 'r', Novel: { deep: true } },
        Result: { Instances: [{ InstanceId: 'i-1', Brand: 'new', Cpus: 'not-a-number', Tags: 'oops' }], TotalCount: 1, Extra: 1 },
        Sidecar: 'x',
      }),
      context,
      describeInstancesResultSchema,
    );
    expect(parsed.result.Instances?.[0]?.InstanceId).toBe('i-1');
    expect(parsed.result.Instances?.[0]?.Cpus).toBeUndefined();
    expect(parsed.result.Instances?.[0]?.Tags).toBeUndefined();
  });

  it.each([200, 400, 403, 404, 429, 500])('turns an error envelope in HTTP %i into a typed API error', (status) => {
    const error = parseError(
      answer(status, { ResponseMetadata: { RequestId: 'req-e', Action: 'DetachKeyPair', Error: { Code: 'InvalidKeyPair.NotFound', CodeN: 404001, Message: 'no such key' } } }),
    );
    expect(error.kind).toBe('api');
    expect(error.toData()).toEqual({ code: 'InvalidKeyPair.NotFound', message: 'no such key', httpStatus: status, requestId: 'req-e', action: 'DetachKeyPair' });
  });

  it('branches on the string Code, never on CodeN', () => {
    const error = parseError(answer(400, { ResponseMetadata: { Error: { Code: 'AccessDenied', CodeN: 'garbage', Message: 'm' } } }));
    expect(error.code).toBe('AccessDenied');
  });

  it('treats an error envelope inside a 2xx as a failure even when a Result is present', () => {
    const error = parseError(answer(200, { ResponseMetadata: { Error: { Code: 'InternalError', Message: 'x' } }, Result: { OperationDetails: [] } }));
    expect(error.code).toBe('InternalError');
  });

  it('keeps status, RequestId header and the start of the body for an HTML page from a proxy', () => {
    const html = `<html><head><title>502 Bad Gateway</title></head><body>${'x'.repeat(500)}</body></html>`;
    const error = parseError(answer(502, html, { 'content-type': 'text/html', 'x-request-id': 'proxy-7' }));
    expect(error.code).toBe('ECS_BAD_RESPONSE');
    expect(error.httpStatus).toBe(502);
    expect(error.requestId).toBe('proxy-7');
    expect(error.message).toContain('<title>502 Bad Gateway</title>');
    expect(error.message).toContain('text/html');
    expect(error.message).not.toContain('x'.repeat(300));
  });

  it('keeps the RequestId of truncated JSON', () => {
    const full = JSON.stringify({ ResponseMetadata: { RequestId: 'req-trunc', Action: 'DetachKeyPair' }, Result: { OperationDetails: [] } });
    const error = parseError(answer(200, full.slice(0, full.length - 10)));
    expect(error.code).toBe('ECS_BAD_RESPONSE');
    expect(error.requestId).toBe('req-trunc');
    expect(error.httpStatus).toBe(200);
    expect(error.mayHaveTakenEffect).toBe(true);
  });

  it('reports an empty body as a bad response with its status', () => {
    const error = parseError(answer(200, ''));
    expect(error.code).toBe('ECS_BAD_RESPONSE');
    expect(error.message).toContain('empty');
  });

  it('never assumes success: a 2xx without a Result, or a Result of the wrong shape, is a bad response', () => {
    expect(parseError(answer(200, { ResponseMetadata: { RequestId: 'r' } }), z.object({ OperationDetails: z.array(z.unknown()) })).code).toBe('ECS_BAD_RESPONSE');
    expect(parseError(answer(200, { ResponseMetadata: { RequestId: 'r' }, Result: { Instances: [{ NoId: 1 }] } }), describeInstancesResultSchema).code).toBe('ECS_BAD_RESPONSE');
    expect(parseError(answer(200, { something: 'else' })).code).toBe('ECS_BAD_RESPONSE');
  });

  it('treats an error status without an error code as a bad response, not a success', () => {
    const error = parseError(answer(503, { ResponseMetadata: { RequestId: 'r' }, Result: { OperationDetails: [] } }));
    expect(error.code).toBe('ECS_BAD_RESPONSE');
    expect(error.httpStatus).toBe(503);
  });

  it('reads Retry-After on an error answer', () => {
    const error = parseError(answer(429, { ResponseMetadata: { Error: { Code: 'FlowLimitExceeded', Message: 'slow down' } } }, { ...json, 'retry-after': '2' }));
    expect(error.retryAfterMs).toBe(2_000);
  });

  it('keeps the server clock of an error answer, to explain InvalidTimestamp', () => {
    const serverDate = 'Wed, 15 Jan 2025 08:20:00 GMT';
    const error = parseError(answer(403, { ResponseMetadata: { Error: { Code: 'InvalidTimestamp', Message: 'skew' } } }, { ...json, date: serverDate }));
    expect(error.serverDateMs).toBe(Date.parse(serverDate));
    expect(parseError(answer(502, 'x', { 'content-type': 'text/plain', date: serverDate })).serverDateMs).toBe(Date.parse(serverDate));
    expect(parseError(answer(403, { ResponseMetadata: { Error: { Code: 'InvalidTimestamp', Message: 'skew' } } })).serverDateMs).toBeUndefined();
  });

  it('says whether an error may have taken effect: 5xx and 412 may, other 4xx did not', () => {
    const withStatus = (status: number, code: string) => parseError(answer(status, { ResponseMetadata: { Error: { Code: code, Message: 'm' } } }));
    expect(withStatus(500, 'InternalError').mayHaveTakenEffect).toBe(true);
    expect(withStatus(412, 'IdempotentProcessing').mayHaveTakenEffect).toBe(true);
    expect(withStatus(429, 'FlowLimitExceeded').mayHaveTakenEffect).toBe(false);
    expect(withStatus(400, 'InvalidArgument').mayHaveTakenEffect).toBe(false);
    expect(parseError(answer(403, '<html>denied by proxy</html>', { 'content-type': 'text/html' })).mayHaveTakenEffect).toBe(false);
  });

  it('cuts the request secrets out of a body it keeps', () => {
    const echo = '<html>You sent Authorization: HMAC-SHA256 Credential=AK/20250101/cn-beijing/ecs/request, SignedHeaders=host;x-date, Signature=0123456789abcdef0123456789abcdef and SuperSecretKeyValue</html>';
    const error = parseError(answer(502, echo, { 'content-type': 'text/html' }));
    expect(error.message).not.toContain('SuperSecretKeyValue');
    expect(error.message).not.toContain('0123456789abcdef0123456789abcdef');
    expect(error.message).not.toContain('Credential=AK');
    expect(error.message).toContain('[redacted]');
  });

  it('keeps the code of the gateway\'s simple error body {HTTPCode, errorcode, message}, as the Go SDK reads it', () => {
    const error = parseError(answer(403, { HTTPCode: 403, errorcode: 'LackPolicy', message: 'User is not authorized to perform: ecs:DetachKeyPair' }, { ...json, 'x-tt-logid': 'log-7' }));
    expect(error).toMatchObject({ kind: 'api', code: 'LackPolicy', httpStatus: 403, requestId: 'log-7', mayHaveTakenEffect: false });
    expect(error.message).toContain('ecs:DetachKeyPair');
  });

  it('scrubs secrets from a simple error body too, and still calls a body without errorcode a bad response', () => {
    const error = parseError(answer(500, { HTTPCode: 500, errorcode: 'InternalServiceTimeout', message: 'upstream SuperSecretKeyValue timed out' }));
    expect(error).toMatchObject({ code: 'InternalServiceTimeout', httpStatus: 500, mayHaveTakenEffect: true });
    expect(error.message).not.toContain('SuperSecretKeyValue');
    expect(parseError(answer(403, { HTTPCode: 403, message: 'no code' }))).toMatchObject({ code: 'ECS_BAD_RESPONSE', httpStatus: 403 });
  });

  it.each([403, 400])('recognises InvalidTimestamp under HTTP %i (the ECS and platform pages disagree) and keeps the server clock', (status) => {
    const body = { ResponseMetadata: { RequestId: 'req-t', Error: { Code: 'InvalidTimestamp', CodeN: 100010, Message: 'expired' } } };
    const error = parseError(answer(status, body, { ...json, date: 'Wed, 01 Jan 2025 00:20:00 GMT' }));
    expect(error).toMatchObject({ kind: 'api', code: 'InvalidTimestamp', httpStatus: status, serverDateMs: Date.UTC(2025, 0, 1, 0, 20) });
  });
});
