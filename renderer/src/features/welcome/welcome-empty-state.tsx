import { Button, Space, Steps, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../app/app-store';
import { useUiStore } from '../../app/ui-store';
import { KeychainStatusAlert } from './keychain-status-alert';
import './welcome.css';

/** The first screen of a new install: what the app does, where the keys will live, and the way in. */
export const WelcomeEmptyState = memo(function WelcomeEmptyState() {
  const t = useT();
  const keychainReady = useAppStore((state) => state.keychain.state === 'done' && state.keychain.status.available);
  const openDrawer = useUiStore((state) => state.openDrawer);
  const setView = useUiStore((state) => state.setView);
  // The first profile lands on the profiles page, where its connection test shows; the instances come next.
  const begin = (kind: 'create' | 'import') => {
    setView('profiles');
    openDrawer({ kind });
  };
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <img className="welcome-icon" src="/icon.svg" alt="" width={72} height={72} />
      <Typography.Title heading={4} id="welcome-title">
        {t('welcome.title')}
      </Typography.Title>
      <Typography.Paragraph className="welcome-body">{t('welcome.body')}</Typography.Paragraph>
      <Steps current={1} size="small" labelPlacement="vertical" className="welcome-steps">
        <Steps.Step title={t('welcome.step.credentials')} />
        <Steps.Step title={t('welcome.step.instances')} />
        <Steps.Step title={t('welcome.step.detach')} />
      </Steps>
      <div className="welcome-keychain">
        <KeychainStatusAlert />
      </div>
      <Space size="medium">
        <Button type="primary" size="large" disabled={!keychainReady} onClick={() => begin('create')}>
          {t('welcome.addCredentials')}
        </Button>
        <Button size="large" disabled={!keychainReady} onClick={() => begin('import')}>
          {t('welcome.importCli')}
        </Button>
      </Space>
    </section>
  );
});
