import { Alert, Button } from '@arco-design/web-react';
import { memo } from 'react';
import { describeAppError } from '../../../../shared/errors/catalogue';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../app/app-store';

/** Where the secrets will go, or, when the keychain cannot take them, what to install or unlock. */
export const KeychainStatusAlert = memo(function KeychainStatusAlert() {
  const t = useT();
  const locale = useLocale();
  const keychain = useAppStore((state) => state.keychain);
  const checkKeychain = useAppStore((state) => state.checkKeychain);

  if (keychain.state === 'checking') {
    return <Alert type="info" content={t('keychain.checking')} data-testid="keychain-status" />;
  }
  const error = keychain.state === 'failed' ? keychain.error : keychain.status.available ? undefined : keychain.status.error;
  if (error === undefined && keychain.state === 'done') {
    return <Alert type="success" content={t(`keychain.ready.${keychain.status.backend}`)} data-testid="keychain-status" />;
  }
  const text = describeAppError(error?.code ?? 'KEYCHAIN_FAILED', locale);
  return (
    <Alert
      type="error"
      data-testid="keychain-status"
      title={`${t('keychain.unavailable')}${t('common.colon')}${text.title}`}
      content={text.action}
      action={
        <Button size="small" onClick={() => void checkKeychain()}>
          {t('keychain.retry')}
        </Button>
      }
    />
  );
});
