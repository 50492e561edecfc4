import type { ServerResponse } from 'node:http';

/**
 * Main's events, as Server-Sent Events to every page that holds the stream open. Each event is numbered; each
 * answer to a call says the number of the last event sent before it, so the page can deliver the events first, in
 * the order Electron's single IPC channel would have kept (a listing's last page before the listing's answer).
 */
export interface EventHub {
  /** The core's event sink. */
  publish(wireChannel: string, payload: unknown): void;
  /** The number of the last event published (0: none yet). */
  lastSequence(): number;
  /** Holds `response` open as an event stream until the page goes or `closeAll` ends it. */
  attach(response: ServerResponse, headers: Record<string, string>): void;
  closeAll(): void;
}

const heartbeatMs = 15_000;

export function createEventHub(): EventHub {
  const streams = new Set<ServerResponse>();
  let sequence = 0;
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': still here\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  return {
    publish(wireChannel, payload) {
      sequence += 1;
      const message = `id: ${sequence}\nevent: ${wireChannel}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(message);
    },
    lastSequence: () => sequence,
    attach(response, headers) {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      // The first message says where the page starts counting: events before it were never its to wait for.
      response.write(`id: ${sequence}\nevent: ready\ndata: {}\n\n`);
      streams.add(response);
      response.on('close', () => streams.delete(response));
    },
    closeAll() {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
    },
  };
}
