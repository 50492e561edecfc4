import { describe, expect, it, vi } from 'vitest';
import { createApi, type IpcTransport } from '../../../electron/preload/create-api';
import { eventChannelNames, invokeChannelNames } from '../../../shared/ipc/channel-names';

function recordingTransport(answer: unknown = { ok: true, value: 'v' }) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const transport: IpcTransport = {
    invoke: vi.fn(async () => answer),
    subscribe: vi.fn((wire: string, listener: (payload: unknown) => void) => {
      listeners.set(wire, listener);
      return () => listeners.delete(wire);
    }),
  };
  return { transport, listeners };
}

describe('window.api built from the contract', () => {
  it('has one method per channel, nested by namespace, and nothing else', () => {
    const api = createApi(recordingTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    const methods = Object.entries(api)
      .filter(([namespace]) => namespace !== 'on')
      .flatMap(([namespace, group]) => Object.keys(group).map((name) => `${namespace}.${name}`));
    expect(methods.sort()).toEqual([...invokeChannelNames].sort());
    const events = Object.entries(api.on!).flatMap(([namespace, group]) =>
      Object.keys(group as object).map((name) => `${namespace}.${name}`),
    );
    expect(events.sort()).toEqual([...eventChannelNames].sort());
    for (const raw of ['send', 'invoke', 'ipcRenderer', 'sendSync']) expect(api).not.toHaveProperty(raw);
  });

  it('sends each call on its prefixed wire channel with the request as given', async () => {
    const { transport } = recordingTransport();
    const api = createApi(transport);
    await api.settings.update({ language: 'en-US' });
    await api.app.getInfo();
    expect(transport.invoke).toHaveBeenCalledWith('kpd:settings.update', { language: 'en-US' });
    expect(transport.invoke).toHaveBeenCalledWith('kpd:app.getInfo', undefined);
  });

  it('turns a transport failure into an INTERNAL result instead of a rejection', async () => {
    const api = createApi({ invoke: () => Promise.reject(new Error('ipc gone')), subscribe: () => () => undefined });
    expect(await api.settings.get()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('delivers only the payload of an event, and unsubscribes', () => {
    const { transport, listeners } = recordingTransport();
    const api = createApi(transport);
    const listener = vi.fn();
    const unsubscribe = api.on.settings.changed(listener);
    listeners.get('kpd:settings.changed')!({ language: 'zh-CN', theme: 'dark' });
    expect(listener).toHaveBeenCalledWith({ language: 'zh-CN', theme: 'dark' });
    unsubscribe();
    expect(listeners.has('kpd:settings.changed')).toBe(false);
  });

  it('refuses a listener that is not a function', () => {
    const api = createApi(recordingTransport().transport);
    expect(() => api.on.settings.changed('nope' as never)).toThrow(TypeError);
  });
});
