import type { ChannelsOf, PartialIpcHandlers } from '../ipc/handler-types';
import type { HistoryService } from './history-service';

export function createHistoryHandlers(history: HistoryService): PartialIpcHandlers<ChannelsOf<'history'>> {
  return {
    'history.list': () => history.list(),
    'history.get': ({ operationId }) => history.get(operationId),
  };
}
