import { createSseParser, type ServerSentEvent } from './sse-parser';

type Listener = (payload: unknown) => void;

export interface EventStreamClient {
  subscribe(wireChannel: string, listener: Listener): () => void;
  /** Resolves once the stream is open (or has failed to open), so no event of a call made after it is missed. */
  opened(): Promise<void>;
  /** Resolves once every event numbered up to `sequence` has been delivered (at once while the stream is down). */
  caughtUp(sequence: number): Promise<void>;
}

/** After a drop, the first retry is quick; once the demo has stopped, the page asks less and less often. */
const reconnectMs = { first: 1_000, most: 30_000 };
/** A lost event must not hold an answer for ever: the renderer copes with a late page, as it must in the app. */
const catchUpLimitMs = 5_000;

/**
 * main's events for the page: one stream, opened at once (before any call, as the preload's listeners exist before
 * the page runs), read with fetch so the token travels in a header, and opened again if it drops.
 */
export function createEventStreamClient(url: string, headers: Record<string, string>): EventStreamClient {
  const listeners = new Map<string, Set<Listener>>();
  let seen: number | undefined;
  let waiters: Array<{ sequence: number; resolve: () => void }> = [];
  let markOpened: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (markOpened = resolve));

  const release = () => {
    const ready = waiters.filter((waiter) => seen === undefined || waiter.sequence <= seen);
    waiters = waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  };
  const onEvent = (event: ServerSentEvent) => {
    if (event.event === 'ready') markOpened();
    else {
      let payload: unknown;
      try {
        payload = JSON.parse(event.data);
      } catch {
        return;
      }
      listeners.get(event.event)?.forEach((listener) => listener(payload));
    }
    if (event.id !== undefined) seen = event.id;
    release();
  };
  let retryMs = reconnectMs.first;
  const connect = async (): Promise<void> => {
    try {
      const response = await fetch(url, { headers, cache: 'no-store', credentials: 'omit' });
      if (response.ok) retryMs = reconnectMs.first;
      if (response.status === 401 || response.status === 403) {
        console.error('KeyPair Desk demo: the server refused this page (open the address the demo printed, token and all).');
        markOpened();
        return;
      }
      if (!response.ok || response.body === null) throw new Error(`event stream answered ${response.status}`);
      const parse = createSseParser(onEvent);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parse(value);
      }
    } catch {
      // The demo stopped or the connection dropped: try again below.
    }
    seen = undefined;
    markOpened();
    release();
    setTimeout(() => void connect(), retryMs);
    retryMs = Math.min(retryMs * 2, reconnectMs.most);
  };
  void connect();

  return {
    subscribe(wireChannel, listener) {
      const set = listeners.get(wireChannel) ?? new Set<Listener>();
      listeners.set(wireChannel, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    opened: () => opened,
    caughtUp(sequence) {
      if (seen === undefined || seen >= sequence) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, catchUpLimitMs);
        waiters.push({ sequence, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}
