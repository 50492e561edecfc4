/** One Server-Sent Event: its `id`, `event` and `data` fields. */
export interface ServerSentEvent {
  id: number | undefined;
  event: string;
  data: string;
}

/**
 * Reads the text/event-stream format from chunks of text as they arrive (a chunk may end mid-line or mid-event).
 * EventSource would do this, but it cannot send the token as a header, so the page reads the stream with fetch.
 * Only what the demo's server writes is understood: `id`, `event`, `data`, comments, and `\n` line ends.
 */
export function createSseParser(onEvent: (event: ServerSentEvent) => void): (chunk: string) => void {
  let buffered = '';
  const dispatch = (block: string) => {
    let id: number | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id' && /^\d+$/.test(value)) id = Number(value);
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) onEvent({ id, event, data: data.join('\n') });
  };
  return (chunk) => {
    buffered += chunk;
    let end = buffered.indexOf('\n\n');
    while (end !== -1) {
      dispatch(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\n\n');
    }
  };
}
