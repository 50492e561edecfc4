import { Layout, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './language-switch';

export const AppHeader = memo(function AppHeader() {
  const t = useT();
  return (
    <Layout.Header className="app-header">
      <div className="app-brand">
        <img src="/icon.svg" alt="" width={28} height={28} />
        <Typography.Text className="app-brand-name">{t('app.title')}</Typography.Text>
      </div>
      <LanguageSwitch />
    </Layout.Header>
  );
});
