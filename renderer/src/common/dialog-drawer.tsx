import { Drawer, type DrawerProps } from '@arco-design/web-react';

/**
 * Arco's Drawer with the ARIA a dialog needs (role, modality, a name), so screen readers and tests find it by role.
 * Arco passes unknown props through to the drawer's element but does not declare them, hence the widened type.
 */
export function DialogDrawer(props: DrawerProps & { label: string }) {
  const { label, ...drawerProps } = props;
  const aria = { role: 'dialog', 'aria-modal': true, 'aria-label': label } as Partial<DrawerProps>;
  return <Drawer visible {...aria} {...drawerProps} />;
}
