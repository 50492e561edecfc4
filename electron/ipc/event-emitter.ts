import { wireName, type EventChannel } from '../../shared/ipc/channel-names';
import { eventContract, type EventPayloadOf } from '../../shared/ipc/contract';
import type { Logger } from '../logging/logger';

/** Delivers a message to the app's window; main sends through `webContents.send`, tests through their bridge. */
export type EventSink = (wireChannel: string, payload: unknown) => void;

export interface AppEvents {
  emit<E extends EventChannel>(event: E, payload: EventPayloadOf<E>): void;
}

/** Pushes typed events to the renderer, checked against the contract like every answer. */
export function createAppEvents(sink: EventSink, logger: Logger): AppEvents {
  return {
    emit(event, payload) {
      const parsed = eventContract[event].safeParse(payload);
      if (!parsed.success) {
        logger.error('event outside the contract was not sent', { event });
        return;
      }
      sink(wireName(event), parsed.data);
    },
  };
}
