import { Alert } from '@arco-design/web-react';
import { memo } from 'react';
import type { AppErrorData } from '../../../shared/errors/app-error';
import { describeAppError } from '../../../shared/errors/catalogue';
import { useLocale } from '../i18n/use-t';

/** An app error as the user reads it: what happened and what to do, in their language. */
export const AppErrorAlert = memo(function AppErrorAlert(props: { error: AppErrorData; onClose?: () => void }) {
  const locale = useLocale();
  const text = describeAppError(props.error.code, locale);
  return (
    <Alert
      type="error"
      title={text.title}
      content={text.action}
      closable={props.onClose !== undefined}
      onClose={props.onClose}
      data-testid="app-error"
      data-error-code={props.error.code}
    />
  );
});
