import type { IpcDispatcher } from '../../../electron/ipc/dispatcher';
import { createApi } from '../../../electron/preload/create-api';
import type { KeyPairDeskApi } from '../../../shared/ipc/api-types';
import { channelPrefix } from '../../../shared/ipc/channel-names';

/**
 * The renderer's own `window.api`, built by the preload's `createApi`, over a transport that hands each call to the
 * dispatcher as `ipcMain` would. `onAnswer` sees every answer; `subscribe` receives main's events.
 */
export function apiOverDispatcher(
  dispatcher: IpcDispatcher,
  options: {
    onAnswer?: (answer: unknown) => void;
    subscribe?: (wireChannel: string, listener: (payload: unknown) => void) => () => void;
  } = {},
): KeyPairDeskApi {
  return createApi({
    invoke: async (wire, request) => {
      const answer = await dispatcher.invoke(wire.slice(channelPrefix.length), request);
      options.onAnswer?.(answer);
      return answer;
    },
    subscribe: options.subscribe ?? (() => () => undefined),
  });
}
