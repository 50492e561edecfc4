import { useEffect, useState } from 'react';

/**
 * Runs `callback` in the first task after the next animation frame, which Chromium runs once that frame is out.
 * Returns a cancel function (an effect's cleanup).
 */
function afterNextPaint(callback: () => void): () => void {
  let cancelled = false;
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (!cancelled) callback();
    };
    channel.port2.postMessage(null);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
  };
}

/**
 * `value`, but only once the frame showing the render that brought it has been painted; until then the previous
 * one. For work that may wait a frame (counting filter choices over 50,000 rows) so it never delays what the user
 * is waiting for (the first rows). `useDeferredValue` is not enough: React runs the deferred render before the
 * browser gets to paint.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    return afterNextPaint(() => setShown(() => value));
  }, [value, shown]);
  return shown;
}
