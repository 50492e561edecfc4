import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changing at most once every `intervalMs`: the latest value always arrives, at the end of the interval.
 * For what is costly to redraw and may lag a little while data streams in (filter choices over thousands of tags).
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    const wait = Math.max(0, lastShownAt.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      lastShownAt.current = performance.now();
      setShown(() => value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
