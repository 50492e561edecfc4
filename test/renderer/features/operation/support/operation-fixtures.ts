import type { InstanceOutcome } from '../../../../../shared/domain/ecs';
import { countOutcomes, operationResultSchema, type OperationPlan, type OperationResult } from '../../../../../shared/domain/operation';

export const keyPair = { keyPairId: 'kp-3f9a', keyPairName: 'deploy-2023' };

export function makePlan(overrides: Partial<OperationPlan> = {}): OperationPlan {
  return {
    planId: 'plan-1',
    action: 'detach-key-pair',
    profileId: 'profile-prod-0001',
    profileName: 'prod',
    accessKeyHint: 'AKLT…9f2c',
    accountId: null,
    endpoint: 'https://open.volcengineapi.com',
    regionId: 'cn-beijing',
    keyPair,
    forceStop: false,
    instanceIds: ['i-a', 'i-b'],
    instances: [],
    excluded: [],
    leftBehind: [],
    breakdown: { byStatus: [], byZone: [] },
    estimate: null,
    requests: [
      {
        action: 'DetachKeyPair',
        query: [
          ['InstanceIds.1', 'i-a'],
          ['InstanceIds.2', 'i-b'],
          ['KeyPairId', 'kp-3f9a'],
          ['ClientToken', 'tok-1'],
        ],
      },
    ],
    confirmationText: null,
    ...overrides,
  };
}

export const succeeded = (instanceId: string, requestId?: string): InstanceOutcome =>
  requestId === undefined ? { instanceId, status: 'succeeded' } : { instanceId, status: 'succeeded', requestId };

export const failed = (instanceId: string, code: string, extra: { message?: string; requestId?: string; causeRequestId?: string } = {}): InstanceOutcome => ({
  instanceId,
  status: 'failed',
  error: {
    code,
    message: extra.message ?? `${code} happened`,
    ...(extra.requestId === undefined ? {} : { requestId: extra.requestId }),
    ...(extra.causeRequestId === undefined ? {} : { cause: { code: 'InternalError', message: 'boom', requestId: extra.causeRequestId } }),
  },
});

export const notSent = (instanceId: string, code: 'ECS_CANCELLED' | 'ECS_NOT_SENT' = 'ECS_CANCELLED'): InstanceOutcome => ({
  instanceId,
  status: 'not-sent',
  reason: { code, message: 'Cancelled before this batch was sent.', action: 'DetachKeyPair' },
});

export const unknown = (instanceId: string, code: string, requestId?: string): InstanceOutcome => ({
  instanceId,
  status: 'unknown',
  reason: { code, message: `${code} happened`, ...(requestId === undefined ? {} : { requestId }) },
});

/** A result as main would send it: validated with the contract's schema, so the fixtures cannot drift from it. */
export function makeResult(outcomes: InstanceOutcome[], planOverrides: Partial<OperationPlan> = {}): OperationResult {
  const plan = makePlan({ instanceIds: outcomes.map((outcome) => outcome.instanceId), ...planOverrides });
  return operationResultSchema.parse({
    operationId: 'op-1',
    plan,
    startedAt: '2024-05-01T09:30:00.000Z',
    finishedAt: '2024-05-01T09:31:10.000Z',
    progress: {
      operationId: 'op-1',
      state: 'finished',
      total: outcomes.length,
      ...countOutcomes(outcomes),
      requestsTotal: plan.requests.length,
      requestsSent: plan.requests.length,
      requestsAnswered: plan.requests.length,
    },
    outcomes,
  });
}
