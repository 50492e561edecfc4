import { Drawer, type DrawerProps } from '@arco-design/web-react';
import { useEffect } from 'react';
import { DialogCloseIcon } from './dialog-close-icon';
import { useReturnFocus } from './use-return-focus';

/**
 * Arco's Drawer with the ARIA a dialog needs (role, modality, a name), so screen readers and tests find it by role.
 * Arco passes unknown props through to the drawer's element but does not declare them, hence the widened type.
 * On close, focus goes back to whatever opened it.
 */
export function DialogDrawer(props: DrawerProps & { label: string }) {
  const { label, ...drawerProps } = props;
  const { onCancel } = drawerProps;
  useReturnFocus();

  // Arco closes on an Esc pressed inside the drawer, but its focus lock pulls focus inside only once the slide-in
  // has ended: until then focus is still on the button that opened it, and Esc did nothing. Keys from inside a
  // dialog are left to it (Arco's handler, or a nested popup that closes first).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const inDialog = event.target instanceof Element && event.target.closest('[role="dialog"]') !== null;
      if (event.key === 'Escape' && !event.defaultPrevented && !inDialog) onCancel?.(event);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onCancel]);

  const aria = { role: 'dialog', 'aria-modal': true, 'aria-label': label } as Partial<DrawerProps>;
  return <Drawer visible closeIcon={<DialogCloseIcon />} {...aria} {...drawerProps} />;
}
