import { memo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import './instance-table.css';

const minColumnWidth = 64;
const maxColumnWidth = 640;
/** One arrow press; Shift moves four times as far. */
const keyboardStep = 16;

function clampWidth(width: number): number {
  return Math.min(maxColumnWidth, Math.max(minColumnWidth, Math.round(width)));
}

export interface ColumnResizerProps {
  /** The column's name, as its header says it ("Resize the Tags column"). */
  label: string;
  width: number;
  onResize: (width: number) => void;
}

/**
 * The drag handle at a column header's right edge, and its keyboard twin: a focusable separator (the ARIA window
 * splitter) whose value is the width, moved with the arrow keys, Home and End. Dragging captures the pointer, so
 * the drag continues when the pointer leaves the thin handle.
 */
export const ColumnResizer = memo(function ColumnResizer(props: ColumnResizerProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const { width, onResize } = props;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current === null) return;
    onResize(clampWidth(drag.current.startWidth + event.clientX - drag.current.startX));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? keyboardStep * 4 : keyboardStep;
    const next =
      event.key === 'ArrowRight' ? width + step : event.key === 'ArrowLeft' ? width - step : event.key === 'Home' ? minColumnWidth : event.key === 'End' ? maxColumnWidth : null;
    if (next === null) return;
    event.preventDefault();
    onResize(clampWidth(next));
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-valuenow={width}
      aria-valuemin={minColumnWidth}
      aria-valuemax={maxColumnWidth}
      tabIndex={0}
      className="instances-resizer"
      data-testid="column-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
});
