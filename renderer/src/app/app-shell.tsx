import { Alert, ConfigProvider, Layout, Spin } from '@arco-design/web-react';
import enUS from '@arco-design/web-react/es/locale/en-US';
import zhCN from '@arco-design/web-react/es/locale/zh-CN';
import { useEffect } from 'react';
import { describeAppError } from '../../../shared/errors/catalogue';
import { WelcomeEmptyState } from '../features/welcome/welcome-empty-state';
import { useLocale, useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';
import { AppHeader } from './app-header';

export function AppShell() {
  const locale = useLocale();
  const t = useT();
  const phase = useAppStore((state) => state.phase);
  const startError = useAppStore((state) => state.startError);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  let content;
  if (phase === 'loading') content = <Spin tip={t('app.loading')} className="app-loading" />;
  else if (phase === 'failed') {
    const text = describeAppError(startError?.code ?? 'INTERNAL', locale);
    content = <Alert type="error" title={`${t('app.loadFailed')}: ${text.title}`} content={text.action} />;
  } else content = <WelcomeEmptyState />;

  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS}>
      <Layout className="app-layout">
        <AppHeader />
        <Layout.Content className="app-content">{content}</Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}
