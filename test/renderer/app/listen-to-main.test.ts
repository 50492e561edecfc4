import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../../../renderer/src/app/app-store';
import { listenToMain } from '../../../renderer/src/app/listen-to-main';
import type { KeyPairDeskApi } from '../../../shared/ipc/api-types';
import { startAppUnderTest, type AppUnderTest } from '../../electron/support/app-under-test';

let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The real API over main's core, counting the listeners attached to each event and not yet detached. */
function countingListeners(api: KeyPairDeskApi) {
  const attached = new Map<string, number>();
  const on = Object.fromEntries(
    Object.entries(api.on).map(([namespace, events]) => [
      namespace,
      Object.fromEntries(
        Object.entries(events as unknown as Record<string, (listener: (payload: unknown) => void) => () => void>).map(([event, subscribe]) => [
          event,
          (listener: (payload: unknown) => void) => {
            const channel = `${namespace}.${event}`;
            attached.set(channel, (attached.get(channel) ?? 0) + 1);
            const stop = subscribe(listener);
            return () => {
              attached.set(channel, attached.get(channel)! - 1);
              stop();
            };
          },
        ]),
      ),
    ]),
  );
  return { api: { ...api, on } as unknown as KeyPairDeskApi, attached };
}

describe("listening to main's events", () => {
  it('attaches every store once, and its dispose detaches every listener it attached', async () => {
    app = await startAppUnderTest({ fleet: { regions: [] } });
    const { api, attached } = countingListeners(app.api);
    (globalThis as unknown as { window: { api: KeyPairDeskApi } }).window = { api };

    const stop = listenToMain();
    expect(Object.fromEntries(attached)).toEqual({
      'settings.changed': 1,
      'inventory.page': 1,
      'inventory.progress': 1,
      // The operation store, the history (a resumed operation) and the sweep (one operation per region).
      'operations.progress': 3,
      'sweep.progress': 1,
    });
    stop();
    expect([...attached.values()].every((count) => count === 0)).toBe(true);
  });

  it('hears a settings change from main while listening, and none once disposed', async () => {
    app = await startAppUnderTest({ fleet: { regions: [] } });
    (globalThis as unknown as { window: { api: KeyPairDeskApi } }).window = { api: app.api };
    useAppStore.setState({ settings: undefined });

    const stop = listenToMain();
    await app.api.settings.update({ theme: 'dark' });
    expect(useAppStore.getState().settings?.theme).toBe('dark');

    stop();
    await app.api.settings.update({ theme: 'light' });
    expect(useAppStore.getState().settings?.theme).toBe('dark');
  });
});
