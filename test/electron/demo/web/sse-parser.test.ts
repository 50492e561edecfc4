import { describe, expect, it } from 'vitest';
import { createSseParser, type ServerSentEvent } from '../../../../electron/demo/web/page/sse-parser';

describe('createSseParser', () => {
  it('reads events split anywhere across chunks, skipping comments', () => {
    const events: ServerSentEvent[] = [];
    const parse = createSseParser((event) => events.push(event));
    const stream = 'id: 0\nevent: ready\ndata: {}\n\n: still here\n\nid: 1\nevent: kpd:inventory.page\ndata: {"a":"b: c"}\n\nid: 2\nevent: kpd:settings.changed\ndata: {}\n\n';
    for (let at = 0; at < stream.length; at += 7) parse(stream.slice(at, at + 7));
    expect(events).toEqual([
      { id: 0, event: 'ready', data: '{}' },
      { id: 1, event: 'kpd:inventory.page', data: '{"a":"b: c"}' },
      { id: 2, event: 'kpd:settings.changed', data: '{}' },
    ]);
  });

  it('holds back an event until its blank line arrives', () => {
    const events: ServerSentEvent[] = [];
    const parse = createSseParser((event) => events.push(event));
    parse('id: 3\nevent: x\ndata: 1\n');
    expect(events).toEqual([]);
    parse('\n');
    expect(events).toEqual([{ id: 3, event: 'x', data: '1' }]);
  });
});
