import type { KeyPairDeskApi } from '../../shared/ipc/api-types';
import { eventChannelNames, invokeChannelNames, wireName } from '../../shared/ipc/channel-names';
import type { IpcResult } from '../../shared/ipc/result';

/** How the API reaches main: Electron's `ipcRenderer` in the app, a Playwright binding in the browser tests. */
export interface IpcTransport {
  invoke: (wireChannel: string, request: unknown) => Promise<unknown>;
  subscribe: (wireChannel: string, listener: (payload: unknown) => void) => () => void;
}

type Methods = Record<string, Record<string, (...args: unknown[]) => unknown>>;

function method(channel: string): [namespace: string, name: string] {
  const [namespace = '', name = ''] = channel.split('.');
  return [namespace, name];
}

/**
 * Builds `window.api` from the channel list: one method per invoke channel and one `on` subscription per event,
 * and nothing else (no raw `send`, no access to the IPC event object). A transport failure becomes an `INTERNAL`
 * result, so callers only ever see `IpcResult`s.
 */
export function createApi(transport: IpcTransport): KeyPairDeskApi {
  const api: Methods & { on: Methods } = { on: {} };
  for (const channel of invokeChannelNames) {
    const [namespace, name] = method(channel);
    const wire = wireName(channel);
    (api[namespace] ??= {})[name] = async (request?: unknown): Promise<IpcResult<unknown>> => {
      try {
        return (await transport.invoke(wire, request)) as IpcResult<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `The ${channel} request could not reach the app.` } };
      }
    };
  }
  for (const event of eventChannelNames) {
    const [namespace, name] = method(event);
    const wire = wireName(event);
    (api.on[namespace] ??= {})[name] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(wire, (payload) => (listener as (payload: unknown) => void)(payload));
    };
  }
  return api as unknown as KeyPairDeskApi;
}
