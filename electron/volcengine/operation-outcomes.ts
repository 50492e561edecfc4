import type { BatchPlan, EcsErrorData, InstanceOutcome, NotSentCode } from '../../shared/domain/ecs';
import type { EcsError } from './ecs-error';

/** One `Result.OperationDetails[]` entry as read from the wire (lenient: any part may be missing). */
export interface OperationDetail {
  instanceId: string | undefined;
  error: { code: string | undefined; message: string | undefined } | null | undefined;
}

export interface AnswerFacts {
  action: string;
  requestId: string | undefined;
  httpStatus: number;
}

function errorData(facts: AnswerFacts, code: string, message: string): EcsErrorData {
  return {
    code: code.slice(0, 200),
    message: message.slice(0, 2000),
    httpStatus: facts.httpStatus,
    action: facts.action,
    ...(facts.requestId === undefined ? {} : { requestId: facts.requestId }),
  };
}

type EntryVerdict = { kind: 'succeeded' } | { kind: 'failed'; code: string; message: string } | { kind: 'unclear' };

function verdictOf(detail: OperationDetail): EntryVerdict {
  if (detail.error === null || detail.error === undefined) return { kind: 'succeeded' };
  const code = detail.error.code ?? '';
  if (code.length > 0) return { kind: 'failed', code, message: detail.error.message ?? code };
  // An Error object without a Code: Volcengine meant something, and success must not be guessed.
  return detail.error.message ? { kind: 'unclear' } : { kind: 'succeeded' };
}

function sameVerdict(a: EntryVerdict, b: EntryVerdict): boolean {
  return a.kind === b.kind && (a.kind !== 'failed' || (b.kind === 'failed' && a.code === b.code));
}

/**
 * Reads a 2xx answer entry by entry (spec: "HTTP 200 does NOT mean every instance succeeded"). Every planned
 * instance gets one outcome; entries for instances not in the batch are ignored; an instance with no entry, or
 * with entries that contradict each other, is `unknown`: nothing is assumed.
 */
export function outcomesFromDetails(plan: BatchPlan, details: readonly OperationDetail[], facts: AnswerFacts): InstanceOutcome[] {
  const verdicts = new Map<string, EntryVerdict[]>();
  for (const detail of details) {
    if (detail.instanceId === undefined) continue;
    const list = verdicts.get(detail.instanceId) ?? [];
    list.push(verdictOf(detail));
    verdicts.set(detail.instanceId, list);
  }
  return plan.instanceIds.map((instanceId): InstanceOutcome => {
    const seen = verdicts.get(instanceId) ?? [];
    const [first] = seen;
    if (first === undefined) {
      const message = `The answer to ${facts.action} has no entry for this instance, so whether it changed is unknown.`;
      return { instanceId, status: 'unknown', reason: errorData(facts, 'ECS_OPERATION_DETAIL_MISSING', message) };
    }
    if (!seen.every((verdict) => sameVerdict(verdict, first)) || first.kind === 'unclear') {
      const message = `The answer to ${facts.action} is unclear about this instance (conflicting entries or an error without a code).`;
      return { instanceId, status: 'unknown', reason: errorData(facts, 'ECS_BAD_RESPONSE', message) };
    }
    if (first.kind === 'failed') return { instanceId, status: 'failed', error: errorData(facts, first.code, first.message) };
    return facts.requestId === undefined ? { instanceId, status: 'succeeded' } : { instanceId, status: 'succeeded', requestId: facts.requestId };
  });
}

/**
 * A batch whose request failed as a whole: `failed` with the error when it certainly changed nothing (a 4xx
 * answer, a connection never made), `unknown` when any attempt may have been applied.
 */
export function outcomesFromError(plan: BatchPlan, error: EcsError): InstanceOutcome[] {
  const data = error.toData();
  // Cancelled while waiting for its turn, or between retries after answers that applied nothing: the admin stopped
  // it, Volcengine did not refuse it, so it is counted with the requests never sent.
  const neverAsked = !error.mayHaveTakenEffect && data.code === 'ECS_CANCELLED';
  return plan.instanceIds.map((instanceId): InstanceOutcome => {
    if (error.mayHaveTakenEffect) return { instanceId, status: 'unknown', reason: data };
    return neverAsked ? { instanceId, status: 'not-sent', reason: data } : { instanceId, status: 'failed', error: data };
  });
}

/**
 * A batch that was never sent: `not-sent`, with a code that says why it never left:
 * `ECS_CANCELLED` when the admin cancelled, `ECS_NOT_SENT` when the operation stopped for another reason.
 */
export function notSentOutcomes(plan: BatchPlan, code: NotSentCode, action: string): InstanceOutcome[] {
  const message =
    code === 'ECS_CANCELLED'
      ? `Cancelled before this ${action} batch was sent; the instance was not changed.`
      : `The operation stopped before this ${action} batch was sent; the instance was not changed.`;
  return plan.instanceIds.map((instanceId): InstanceOutcome => ({ instanceId, status: 'not-sent', reason: { code, message, action } }));
}
