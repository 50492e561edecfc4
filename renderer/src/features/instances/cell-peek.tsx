import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import './instance-table.css';

interface Peek {
  text: string;
  left: number;
  top: number;
  width: number;
}

/** The cell content under the pointer or focus that asks to be peeked at, if it is cut off. */
function peekableOf(target: EventTarget | null, container: HTMLElement): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const element = target.closest<HTMLElement>('[data-peek]');
  return element !== null && container.contains(element) ? element : null;
}

/**
 * The full text of a cut-off cell (the Tags, the OS), over the cell, while the pointer is on it or it has keyboard
 * focus: one floating box for the whole table rather than a tooltip per cell, since rows re-render on every
 * keystroke. It stays while the pointer moves onto it and follows its cell as the table scrolls; Esc or leaving
 * dismisses it (WCAG 1.4.13).
 * Screen readers already read the cell's whole text, so the box is hidden from them.
 */
export function CellPeek(props: { containerRef: RefObject<HTMLElement | null> }) {
  const [peek, setPeek] = useState<Peek | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const shownRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const container = props.containerRef.current;
    if (container === null) return;
    const place = (element: HTMLElement | null) => {
      shownRef.current = element;
      // Only what is actually cut off: a cell that shows all its text needs no second copy.
      if (element === null || !element.isConnected || element.scrollWidth <= element.clientWidth) return setPeek(null);
      const rect = element.getBoundingClientRect();
      const area = container.getBoundingClientRect();
      // Scrolled out of the table's view: nothing to lay it over.
      if (rect.right < area.left || rect.left > area.right || rect.bottom < area.top || rect.top > area.bottom) return setPeek(null);
      setPeek({ text: element.dataset.peek ?? element.textContent ?? '', left: rect.left, top: rect.top, width: rect.width });
    };
    const show = (event: Event) => {
      const element = peekableOf(event.target, container);
      if (element !== null) place(element);
    };
    const hide = (event: Event) => {
      const next = (event as FocusEvent | PointerEvent).relatedTarget;
      if (next instanceof Node && boxRef.current?.contains(next) === true) return;
      if (peekableOf(event.target, container) !== null) place(null);
    };
    // Bringing a cell into view scrolls the table: the box follows its cell.
    const follow = () => {
      if (shownRef.current !== null) place(shownRef.current);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') place(null);
    };
    container.addEventListener('pointerover', show);
    container.addEventListener('focusin', show);
    container.addEventListener('pointerout', hide);
    container.addEventListener('focusout', hide);
    container.addEventListener('scroll', follow, { passive: true });
    document.addEventListener('keydown', onKeyDown);
    return () => {
      container.removeEventListener('pointerover', show);
      container.removeEventListener('focusin', show);
      container.removeEventListener('pointerout', hide);
      container.removeEventListener('focusout', hide);
      container.removeEventListener('scroll', follow);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [props.containerRef]);

  // A cell at the window's right edge: the box moves left until it fits, never off screen.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (box === null) return;
    const overflow = box.getBoundingClientRect().right - (window.innerWidth - 8);
    if (overflow > 0) box.style.left = `${Math.max(8, box.offsetLeft - overflow)}px`;
  }, [peek]);

  if (peek === null) return null;
  return createPortal(
    <div
      ref={boxRef}
      className="instances-peek"
      aria-hidden="true"
      data-testid="cell-peek"
      style={{ left: peek.left - 8, top: peek.top - 6, minWidth: peek.width + 16 }}
      onPointerLeave={() => {
        shownRef.current = null;
        setPeek(null);
      }}
    >
      {peek.text}
    </div>,
    document.body,
  );
}
