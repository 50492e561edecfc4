import { Select, type SelectProps } from '@arco-design/web-react';
import type { SelectHandle } from '@arco-design/web-react/es/Select/interface';
import { useLayoutEffect, useRef } from 'react';

/**
 * Arco's Select with `showSearch`, repaired for the keyboard and for screen readers. Arco makes both its outer
 * element and the text field inside it tab stops, and the outer one hands focus straight back to the field, so
 * Shift+Tab from the field could never leave. The field also has no name of its own (only its placeholder, which
 * is the current value), and is hidden from screen readers while it is the focus target. Arco gives no prop to
 * reach that field, so the repair is made on its element, and made again whenever Arco re-renders it.
 */
export function SearchableSelect(props: Omit<SelectProps, 'showSearch'> & { label: string }) {
  const { label, ...selectProps } = props;
  const ref = useRef<SelectHandle>(null);

  useLayoutEffect(() => {
    const root = ref.current?.dom;
    if (root === undefined) return;
    const repair = () => {
      // The field is the one tab stop; disabled, it is skipped anyway.
      if (root.tabIndex !== -1) root.tabIndex = -1;
      const field = root.querySelector('input');
      if (field === null) return;
      if (field.hasAttribute('aria-hidden')) field.removeAttribute('aria-hidden');
      if (field.getAttribute('aria-label') !== label) field.setAttribute('aria-label', label);
    };
    repair();
    // Only changes made by Arco call it again: a repair that changes nothing triggers nothing.
    const observer = new MutationObserver(repair);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-hidden', 'aria-label', 'tabindex'] });
    return () => observer.disconnect();
  }, [label]);

  return <Select ref={ref} aria-label={label} showSearch {...selectProps} />;
}
