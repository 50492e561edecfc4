/**
 * The names of every IPC channel, and nothing else. The preload imports only this file, so the sandboxed preload
 * bundle stays free of schema code; `contract.ts` is type-checked to hold a schema for exactly these names.
 *
 * A name is `<namespace>.<method>`: the preload exposes it as `window.api.<namespace>.<method>(request)`.
 */
export const invokeChannelNames = [
  'app.getInfo',
  'settings.get',
  'settings.update',
  'keychain.getStatus',
  'profiles.list',
  'profiles.create',
  'profiles.update',
  'profiles.remove',
  'profiles.testConnection',
  'profiles.lockSecrets',
  'profiles.scanImports',
  'profiles.importSelected',
  'regions.list',
  'inventory.list',
  'inventory.listKeyPairs',
  'inventory.cancel',
  'inventory.forgetCache',
  'operations.plan',
  'operations.start',
  'operations.cancel',
  'operations.get',
  'operations.recheck',
  'operations.resume',
  'operations.abandon',
  'operations.exposure',
  'operations.planUndo',
  'history.list',
  'history.get',
  'sweep.find',
  'sweep.cancel',
  'sweep.plan',
  'sweep.start',
  'sweep.resume',
  'exports.save',
] as const;
export type InvokeChannel = (typeof invokeChannelNames)[number];

/** Messages main pushes to the renderer; exposed as `window.api.on.<namespace>.<event>(listener)`. */
export const eventChannelNames = ['settings.changed', 'inventory.progress', 'inventory.page', 'operations.progress', 'sweep.progress'] as const;
export type EventChannel = (typeof eventChannelNames)[number];

/** Prefix of every channel on the wire, so nothing else on the IPC bus can be mistaken for ours. */
export const channelPrefix = 'kpd:';

export function wireName(channel: InvokeChannel | EventChannel): string {
  return channelPrefix + channel;
}
