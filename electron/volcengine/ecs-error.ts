import type { EcsErrorData } from '../../shared/domain/ecs';

/** Where a failure came from; the retry policy and the batch outcomes branch on it. */
export type EcsErrorKind =
  | 'api'
  | 'network'
  | 'bad-response'
  | 'retries-exhausted'
  | 'cancelled'
  | 'credentials'
  | 'request-invalid';

export interface EcsErrorInit extends EcsErrorData {
  kind: EcsErrorKind;
  /**
   * False only when the request certainly changed nothing: it was never sent, the connection was never made,
   * or Volcengine answered with an error that means "not done". True when it may have been applied and the
   * answer was lost or unreadable. Batch outcomes use it to choose between `failed` and `unknown`.
   */
  mayHaveTakenEffect: boolean;
  /** What the server's `Retry-After` asked for, in milliseconds from when the answer arrived. */
  retryAfterMs?: number | undefined;
  /**
   * The server's clock (its `Date` header) when an answer arrived, so an `InvalidTimestamp` can be explained
   * with how far this computer's clock is off.
   */
  serverDateMs?: number | undefined;
}

/**
 * Every failure of the ECS client. Its message and fields are built from facts the client chose to keep, with
 * secrets redacted, and it carries no `cause`: a transport error is free to hold request details (such as
 * headers) this object must never leak into a log.
 */
export class EcsError extends Error {
  readonly kind: EcsErrorKind;
  readonly code: string;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly action: string | undefined;
  readonly attempts: number | undefined;
  readonly lastError: EcsErrorData['cause'];
  readonly mayHaveTakenEffect: boolean;
  readonly retryAfterMs: number | undefined;
  readonly serverDateMs: number | undefined;

  constructor(init: EcsErrorInit) {
    super(init.message);
    this.name = 'EcsError';
    this.kind = init.kind;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.action = init.action;
    this.attempts = init.attempts;
    this.lastError = init.cause;
    this.mayHaveTakenEffect = init.mayHaveTakenEffect;
    this.retryAfterMs = init.retryAfterMs;
    this.serverDateMs = init.serverDateMs;
  }

  /** The same error with more facts, for the layers that learn them later (which action, how many attempts). */
  with(changes: Partial<EcsErrorInit>): EcsError {
    return new EcsError({ ...this.toInit(), ...changes });
  }

  toData(): EcsErrorData {
    const data: EcsErrorData = { code: this.code, message: this.message.slice(0, 2000) };
    if (this.httpStatus !== undefined) data.httpStatus = this.httpStatus;
    if (this.requestId !== undefined) data.requestId = this.requestId;
    if (this.action !== undefined) data.action = this.action;
    if (this.attempts !== undefined) data.attempts = this.attempts;
    if (this.lastError !== undefined) data.cause = this.lastError;
    return data;
  }

  private toInit(): EcsErrorInit {
    return {
      ...this.toData(),
      message: this.message,
      kind: this.kind,
      mayHaveTakenEffect: this.mayHaveTakenEffect,
      retryAfterMs: this.retryAfterMs,
      serverDateMs: this.serverDateMs,
    };
  }
}

export function isEcsError(error: unknown): error is EcsError {
  return error instanceof EcsError;
}

/**
 * Whether Volcengine could not be reached at all (no answer, only network failures, retries included): the case
 * where a copy kept on this computer is worth showing instead.
 */
export function isUnreachable(error: unknown): boolean {
  if (!isEcsError(error)) return false;
  if (error.kind === 'network') return true;
  return error.kind === 'retries-exhausted' && (error.lastError?.code.startsWith('ECS_NETWORK_') ?? false);
}
