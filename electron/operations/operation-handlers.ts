import type { PartialIpcHandlers } from '../ipc/handler-types';
import type { OperationService } from './operation-service';

export function createOperationHandlers(
  operations: OperationService,
): PartialIpcHandlers<'operations.plan' | 'operations.start' | 'operations.cancel' | 'operations.get' | 'operations.recheck' | 'operations.resume' | 'operations.abandon'> {
  return {
    'operations.plan': (request) => operations.plan(request),
    'operations.start': ({ planId, confirmation }) => operations.start(planId, confirmation),
    'operations.cancel': ({ operationId }) => ({ cancelling: operations.cancel(operationId) }),
    'operations.get': ({ operationId }) => operations.get(operationId),
    'operations.recheck': ({ operationId }) => operations.recheck(operationId),
    'operations.resume': ({ operationId }) => operations.resume(operationId),
    'operations.abandon': ({ operationId }) => operations.abandon(operationId),
  };
}
