import { Button } from '@arco-design/web-react';
import { IconClose } from '@arco-design/web-react/icon';
import { useT } from '../i18n/use-t';

/**
 * The × in a dialog's corner. Arco draws it as a bare <span> in drawers, and in modals as a button named "Close"
 * in English whatever the language; this one is a real button with a name in the user's language. It stays out
 * of the tab order, as Arco's does, so that opening a dialog still focuses its first field: Esc and the footer's
 * Cancel are the keyboard's ways out.
 */
export function DialogCloseIcon() {
  const t = useT();
  return <Button type="text" size="mini" tabIndex={-1} icon={<IconClose aria-hidden="true" />} aria-label={t('common.closeDialog')} className="dialog-close-icon" />;
}
