import type { PartialIpcHandlers } from '../ipc/handler-types';
import type { HistoryService } from './history-service';

export function createHistoryHandlers(history: HistoryService): PartialIpcHandlers<'history.list' | 'history.get'> {
  return {
    'history.list': () => history.list(),
    'history.get': ({ operationId }) => history.get(operationId),
  };
}
