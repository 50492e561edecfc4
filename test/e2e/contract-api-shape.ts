import { eventChannelNames, invokeChannelNames } from '../../shared/ipc/channel-names';

/** `window.api` as a plain outline: each namespace with its method names, and `on` with each event namespace. */
export interface ApiShape {
  methods: Record<string, string[]>;
  events: Record<string, string[]>;
}

function outline(channels: readonly string[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const channel of channels) {
    const [namespace = '', name = ''] = channel.split('.');
    (grouped[namespace] ??= []).push(name);
  }
  return Object.fromEntries(
    Object.keys(grouped)
      .sort()
      .map((namespace) => [namespace, grouped[namespace]!.sort()]),
  );
}

/**
 * What the preload must expose, derived from the contract's channel names alone: adding, renaming or removing a
 * channel changes this expectation with it, so the end-to-end check can neither go stale nor be bypassed.
 */
export function contractApiShape(): ApiShape {
  return { methods: outline(invokeChannelNames), events: outline(eventChannelNames) };
}
