import { useEffect } from 'react';
import { isInDialog, isTextEntry } from './keyboard-targets';

/**
 * Ctrl/Cmd+F focuses the search box (Electron has no find bar of its own); Ctrl/Cmd+A selects every matching
 * instance unless the focus is in a text field, where it keeps selecting the text. Neither acts from inside a
 * dialog or drawer.
 */
export function useInstanceShortcuts(actions: { focusSearch: () => void; selectAllMatching: () => void }): void {
  const { focusSearch, selectAllMatching } = actions;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.defaultPrevented) return;
      if (isInDialog(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'f') {
        event.preventDefault();
        focusSearch();
      } else if (key === 'a' && !isTextEntry(event.target)) {
        event.preventDefault();
        selectAllMatching();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusSearch, selectAllMatching]);
}
