import { useEffect, useState } from 'react';

/** The main content region: where focus lands when the control that opened a dialog is gone. */
export const mainContentId = 'app-content';

function focusIfPossible(element: Element | null): boolean {
  if (!(element instanceof HTMLElement) || element === document.body || !element.isConnected) return false;
  element.focus();
  // A disabled control, or one hidden since, silently refuses focus.
  return document.activeElement === element;
}

/**
 * Puts focus back where it was when a dialog or drawer opened, once it closes. Arco's Modal and Drawer move focus
 * in but never back, and here they unmount on close, so the focus they held would fall to <body> and a keyboard
 * user would start again from the top of the window. When the opener is gone or disabled (the welcome screen's
 * button after the first profile is saved) the main content takes it instead.
 */
export function useReturnFocus(): void {
  // Read while rendering, before the dialog's own focus lock (a child, so mounted first) moves focus inside.
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (!focusIfPossible(opener)) document.getElementById(mainContentId)?.focus();
    },
    [opener],
  );
}
