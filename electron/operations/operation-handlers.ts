import type { ChannelsOf, PartialIpcHandlers } from '../ipc/handler-types';
import type { OperationService } from './operation-service';

/** Every `operations.*` channel but the exposure check, which has a service of its own (electron/exposure). */
type OperationChannels = Exclude<ChannelsOf<'operations'>, 'operations.exposure'>;

export function createOperationHandlers(operations: OperationService): PartialIpcHandlers<OperationChannels> {
  return {
    'operations.plan': (request) => operations.plan(request),
    'operations.planUndo': ({ operationId }) => operations.planUndo(operationId),
    'operations.start': ({ planId, confirmation }) => operations.start(planId, confirmation),
    'operations.cancel': ({ operationId }) => ({ cancelling: operations.cancel(operationId) }),
    'operations.get': ({ operationId }) => operations.get(operationId),
    'operations.recheck': ({ operationId }) => operations.recheck(operationId),
    'operations.resume': ({ operationId }) => operations.resume(operationId),
    'operations.abandon': ({ operationId }) => operations.abandon(operationId),
  };
}
