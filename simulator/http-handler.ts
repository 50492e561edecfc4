import type { IncomingMessage, ServerResponse } from 'node:http';
import { sha256Hex } from '../electron/volcengine/signing-primitives';
import { apiError } from './api-error';
import type { ApiError } from './api-error';
import { regionHint } from './authorization-header';
import { createRequestIdSource, errorEnvelope, successEnvelope } from './envelope';
import type { ResponseIdentity } from './envelope';
import { defaultSlowReplyMs } from './fault-injection';
import type { FaultInjector, FaultRule } from './fault-injection';
import type { FleetState } from './fleet-state';
import { takeFromAll } from './flow-limiter';
import type { FlowLimiter } from './flow-limiter';
import { htmlContentType, jsonContentType, proxyErrorPage, sendResponse } from './http-responses';
import { createQueryParams, isApiError, parseQueryPairs } from './query-params';
import type { QueryParams } from './query-params';
import type { RequestVerifier } from './request-auth';
import type { LoggedRequest, RequestLog } from './request-log';
import type { Router } from './router';

/** GET requests have no body; this bounds what a stray client can make the simulator buffer. */
const maxBodyBytes = 1024 * 1024;

export interface RequestHandlerDependencies {
  readonly verify: RequestVerifier;
  readonly route: Router;
  readonly faults: FaultInjector;
  readonly flowLimiter: () => FlowLimiter | undefined;
  /** The bucket only reads draw from, on top of `flowLimiter`. */
  readonly readFlowLimiter: () => FlowLimiter | undefined;
  readonly isReadAction: (action: string) => boolean;
  readonly fleet: FleetState;
  readonly log: RequestLog;
  readonly now: () => Date;
  readonly wait: (ms: number) => Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(undefined);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Node joins repeated headers already; arrays only remain for set-cookie, which no signer signs. */
function flatHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** The instances a request names: InstanceIds.N (batch actions) or InstanceId (RebootInstance). */
function instanceIdsOf(params: QueryParams): readonly string[] {
  const listed = params.list('InstanceIds');
  if (listed.length > 0) return listed;
  const single = params.get('InstanceId');
  return single === undefined ? [] : [single];
}

interface Exchange {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly identity: ResponseIdentity;
  readonly params: QueryParams;
  readonly fault: FaultRule | undefined;
  replayed: boolean;
}

/**
 * The request pipeline: faults that precede the gateway, then signature verification, the flow limit, routing,
 * and finally the answer, which an "after" fault may spoil. Every request, whatever its fate, is logged once.
 */
export function createRequestHandler(dependencies: RequestHandlerDependencies) {
  const nextRequestId = createRequestIdSource(dependencies.now);
  /**
   * The Date header comes from the simulator's clock, not the machine's, so a client that reads it to explain an
   * InvalidTimestamp sees the same skew the signature check saw.
   */
  const send = (response: ServerResponse, status: number, body: string, contentType: string, headers: Record<string, string> = {}) =>
    sendResponse(response, status, body, contentType, { Date: dependencies.now().toUTCString(), ...headers });

  const log = (exchange: Exchange, httpStatus: number, errorCode: string | undefined) => {
    const entry: LoggedRequest = {
      requestId: exchange.identity.requestId,
      action: exchange.identity.action,
      region: exchange.identity.region,
      host: exchange.request.headers.host ?? '',
      httpStatus,
      errorCode,
      instanceCount: instanceIdsOf(exchange.params).length,
      clientToken: exchange.params.get('ClientToken'),
      zoneId: exchange.params.get('ZoneId'),
      keyPairName: exchange.params.get('KeyPairName'),
      fault: exchange.fault?.kind,
      replayed: exchange.replayed,
    };
    dependencies.log.append(entry);
  };

  const destroy = (exchange: Exchange) => {
    exchange.request.socket.destroy();
    log(exchange, 0, undefined);
  };

  /**
   * The answer the gateway meant to give, sent as is or spoiled by an "after" fault. Errors go through here too,
   * so a fault aimed at "the next request" spoils that request whatever its outcome.
   */
  const deliver = async (
    exchange: Exchange,
    status: number,
    body: string,
    errorCode: string | undefined,
    headers: Record<string, string> = {},
  ) => {
    switch (exchange.fault?.kind) {
      case 'destroy-after-apply':
        destroy(exchange);
        return;
      case 'truncated-json':
        send(exchange.response, status, body.slice(0, Math.floor(body.length / 2)), jsonContentType, headers);
        break;
      case 'empty-body':
        send(exchange.response, status, '', jsonContentType, headers);
        break;
      case 'slow-reply':
        await dependencies.wait(exchange.fault.delayMs ?? defaultSlowReplyMs);
        send(exchange.response, status, body, jsonContentType, headers);
        break;
      default:
        send(exchange.response, status, body, jsonContentType, headers);
    }
    log(exchange, status, errorCode);
  };

  const answerError = (exchange: Exchange, error: ApiError, headers: Record<string, string> = {}) =>
    deliver(exchange, error.httpStatus, errorEnvelope(exchange.identity, error), error.code, headers);

  const serve = async (exchange: Exchange, rawQueryPairs: ReturnType<typeof parseQueryPairs>, body: Buffer) => {
    const { fault, request } = exchange;
    // These faults act as the network or a proxy would, before the gateway sees the request.
    if (fault?.kind === 'destroy-before-apply') return destroy(exchange);
    if (fault?.kind === 'html-502') {
      send(exchange.response, 502, proxyErrorPage, htmlContentType);
      return log(exchange, 502, undefined);
    }
    if (fault?.kind === 'internal-error') {
      return answerError(exchange, apiError('InternalError', 'An internal error occurred; retry the request.'));
    }
    if (isApiError(rawQueryPairs)) return answerError(exchange, rawQueryPairs);

    const now = dependencies.now();
    dependencies.fleet.settleReboots(now.getTime());
    const [path = '/'] = (request.url ?? '/').split('?', 1);
    const auth = dependencies.verify(
      {
        method: request.method ?? 'GET',
        path,
        queryPairs: rawQueryPairs,
        headers: flatHeaders(request),
        bodySha256: sha256Hex(body),
      },
      now,
    );
    if (!auth.ok) return answerError(exchange, auth.error);

    const limiters = [
      dependencies.flowLimiter(),
      dependencies.isReadAction(exchange.identity.action) ? dependencies.readFlowLimiter() : undefined,
    ].filter((limiter) => limiter !== undefined);
    const decision = takeFromAll(limiters, now.getTime());
    if (!decision.allowed) {
      return answerError(exchange, apiError('FlowLimitExceeded', 'Request rate limit reached; retry later.'), {
        'Retry-After': String(decision.retryAfterSeconds),
      });
    }

    // After authentication and the flow limit, as the gateway decides permissions only for a request it accepted,
    // and before routing, so nothing is applied and no ClientToken is reserved.
    if (fault?.kind === 'api-error' && fault.code !== undefined) {
      const retryAfter: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
      return answerError(exchange, apiError(fault.code, `Injected fault: the request was refused with ${fault.code}.`), retryAfter);
    }

    const limitedIds = fault?.kind === 'instance-flow-limit' ? fault.instanceIds : undefined;
    const routed = await dependencies.route({
      accessKeyId: auth.accessKeyId,
      regionId: auth.regionId,
      params: exchange.params,
      isInstanceFlowLimited: (instanceId) =>
        fault?.kind === 'instance-flow-limit' && (limitedIds === undefined || limitedIds.includes(instanceId)),
    });
    if (routed === 'closed') return destroy(exchange);
    exchange.replayed = routed.replayed;
    const { outcome } = routed;
    if (outcome.kind === 'error') return answerError(exchange, outcome.error);
    return deliver(exchange, 200, successEnvelope(exchange.identity, outcome.result), undefined);
  };

  return (request: IncomingMessage, response: ServerResponse): void => {
    void (async () => {
      const body = await readBody(request).catch(() => undefined);
      if (body === undefined) return;
      const rawQuery = (request.url ?? '').split('?').slice(1).join('?');
      const rawQueryPairs = parseQueryPairs(rawQuery);
      const params = createQueryParams(isApiError(rawQueryPairs) ? [] : rawQueryPairs);
      const identity: ResponseIdentity = {
        requestId: nextRequestId(),
        action: params.get('Action') ?? '',
        version: params.get('Version') ?? '',
        region: regionHint(request.headers.authorization),
      };
      const fault = dependencies.faults.next({
        action: identity.action,
        region: identity.region,
        instanceIds: instanceIdsOf(params),
        param: (name) => params.get(name),
      });
      const exchange: Exchange = { request, response, identity, params, fault, replayed: false };
      try {
        await serve(exchange, rawQueryPairs, body);
      } catch (error) {
        // A bug in the simulator must surface as a 500 the test can see, not as a hung request.
        const message = error instanceof Error ? error.message : String(error);
        send(response, 500, errorEnvelope(identity, apiError('InternalError', `Simulator failure: ${message}`)), jsonContentType);
        log(exchange, 500, 'InternalError');
      }
    })();
  };
}
