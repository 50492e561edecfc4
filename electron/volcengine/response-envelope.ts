import { z } from 'zod';
import { EcsError } from './ecs-error';
import type { HttpAnswer } from './http-transport';
import { parseRetryAfter } from './retry-policy';
import { redactSecrets } from './secret-redaction';

/** How much of an unreadable body an error keeps: enough to recognise a proxy's page, not enough to flood a log. */
const bodySnippetLength = 200;

// Lenient on purpose: Volcengine adds fields, and a field of an unexpected type must not hide the error code.
const looseString = z.string().optional().catch(undefined);
const envelopeSchema = z.object({
  ResponseMetadata: z.object({
    RequestId: looseString,
    Error: z.object({ Code: looseString, Message: looseString }).nullish().catch(undefined),
  }),
  Result: z.unknown().optional(),
});

/**
 * The gateway's other error shape, `{"HTTPCode", "errorcode", "message"}`, which the Go SDK reads too
 * (`VolcengineSimpleError`, spec: "Other gateway errors"): its code is Volcengine's and must not be lost.
 */
const simpleErrorSchema = z.object({ errorcode: z.string().min(1), message: looseString });

export interface EnvelopeContext {
  action: string;
  /** Secrets of the request that produced the answer, cut out of anything an error keeps. */
  secrets: readonly string[];
  /** Milliseconds since the epoch when the answer arrived, for a `Retry-After` given as a date. */
  receivedAt: number;
}

export interface ParsedAnswer<T> {
  result: T;
  requestId: string | undefined;
  httpStatus: number;
}

/** Volcengine's gateway reports its request ID in the body; some proxies and gateways in headers. */
function requestIdFromHeaders(headers: Record<string, string>): string | undefined {
  return headers['x-request-id'] ?? headers['x-tt-logid'] ?? undefined;
}

/** Truncated JSON still usually holds the RequestId near its start. */
function requestIdFromText(body: string): string | undefined {
  return /"RequestId"\s*:\s*"([^"\\]{1,200})"/.exec(body)?.[1];
}

/** The server's `Date` header, when present and readable. */
function serverDateOf(headers: Record<string, string>): number | undefined {
  const date = headers.date === undefined ? Number.NaN : Date.parse(headers.date);
  return Number.isNaN(date) ? undefined : date;
}

function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Whether Volcengine may have done what was asked even though the answer is an error. */
function errorMayHaveTakenEffect(status: number, code: string | undefined): boolean {
  return status >= 500 || status === 412 || code === 'InternalError' || code === 'IdempotentProcessing';
}

function apiErrorOf(answer: HttpAnswer, context: EnvelopeContext, code: string, message: string | undefined, requestId: string | undefined): EcsError {
  return new EcsError({
    kind: 'api',
    code: redactSecrets(code, context.secrets).slice(0, 200),
    message: redactSecrets(message ?? `${code} (no message)`, context.secrets).slice(0, 2000),
    httpStatus: answer.status,
    requestId,
    // The action we sent, not the one echoed back: it is known to be a short, plain name.
    action: context.action,
    mayHaveTakenEffect: errorMayHaveTakenEffect(answer.status, code),
    retryAfterMs: parseRetryAfter(answer.headers['retry-after'], context.receivedAt),
    serverDateMs: serverDateOf(answer.headers),
  });
}

/** A request ID, bounded and scrubbed like any other server-supplied text an error keeps. */
function keptRequestId(raw: string | undefined, context: EnvelopeContext): string | undefined {
  return raw === undefined ? undefined : redactSecrets(raw, context.secrets).slice(0, 200);
}

function badResponse(answer: HttpAnswer, context: EnvelopeContext, problem: string, requestId: string | undefined): EcsError {
  const contentType = answer.headers['content-type'] ?? 'no content type';
  const snippet = answer.body.length === 0 ? '(empty body)' : JSON.stringify(answer.body.slice(0, bodySnippetLength));
  return new EcsError({
    kind: 'bad-response',
    code: 'ECS_BAD_RESPONSE',
    message: redactSecrets(`HTTP ${answer.status} (${contentType}) to ${context.action}: ${problem}. Body: ${snippet}`, context.secrets),
    httpStatus: answer.status,
    requestId: requestId === undefined ? undefined : redactSecrets(requestId, context.secrets).slice(0, 200),
    action: context.action,
    // An unreadable answer says nothing about whether the change happened, unless the status says it did not.
    mayHaveTakenEffect: answer.status < 400 || errorMayHaveTakenEffect(answer.status, undefined),
    retryAfterMs: parseRetryAfter(answer.headers['retry-after'], context.receivedAt),
    serverDateMs: serverDateOf(answer.headers),
  });
}

/** A one-line summary of why a Result did not match its schema: paths only, never values. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads Volcengine's response envelope (spec: "Transport"). An `Error.Code` in ANY status is an API error; a body
 * that is not the envelope, or a success without a valid `Result`, is a bad response that keeps the status, any
 * RequestId and the start of the body. Success is never assumed.
 */
export function parseEnvelope<T>(answer: HttpAnswer, context: EnvelopeContext, resultSchema: z.ZodType<T>): ParsedAnswer<T> {
  let json: unknown;
  try {
    json = answer.body.length === 0 ? undefined : JSON.parse(answer.body);
  } catch {
    throw badResponse(answer, context, 'the body is not valid JSON', requestIdFromHeaders(answer.headers) ?? requestIdFromText(answer.body));
  }
  if (json === undefined) {
    throw badResponse(answer, context, 'the body is empty', requestIdFromHeaders(answer.headers));
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    const requestId = requestIdFromHeaders(answer.headers) ?? requestIdFromText(answer.body);
    const simple = simpleErrorSchema.safeParse(json);
    if (simple.success) throw apiErrorOf(answer, context, simple.data.errorcode, simple.data.message, keptRequestId(requestId, context));
    throw badResponse(answer, context, 'the body is not a Volcengine API envelope', requestId);
  }
  const metadata = envelope.data.ResponseMetadata;
  const requestId = keptRequestId(metadata.RequestId ?? requestIdFromHeaders(answer.headers), context);
  const code = metadata.Error?.Code;
  if (code !== undefined && code.length > 0) throw apiErrorOf(answer, context, code, metadata.Error?.Message, requestId);
  if (!isSuccessStatus(answer.status)) {
    throw badResponse(answer, context, 'an error status without an error code', requestId);
  }
  const result = resultSchema.safeParse(envelope.data.Result);
  if (!result.success) {
    throw badResponse(answer, context, `the Result is not as expected (${describeIssues(result.error)})`, requestId);
  }
  return { result: result.data, requestId, httpStatus: answer.status };
}
