import type { AppEvents } from '../ipc/event-emitter';
import type { ChannelsOf, PartialIpcHandlers } from '../ipc/handler-types';
import type { SettingsStore } from './settings-store';

export function createSettingsHandlers(
  store: SettingsStore,
  events: AppEvents,
): PartialIpcHandlers<ChannelsOf<'settings'>> {
  return {
    'settings.get': () => store.get(),
    'settings.update': async (patch) => {
      const settings = await store.update(patch);
      events.emit('settings.changed', settings);
      return settings;
    },
  };
}
