import { Alert, ConfigProvider, Layout, Spin } from '@arco-design/web-react';
import enUS from '@arco-design/web-react/es/locale/en-US';
import zhCN from '@arco-design/web-react/es/locale/zh-CN';
import { useEffect } from 'react';
import { describeAppError } from '../../../shared/errors/catalogue';
import { ProfilesPage } from '../features/profiles/profiles-page';
import { SweepPage } from '../features/sweep/sweep-page';
import { HistoryPage } from '../features/history/history-page';
import { InterruptedNotice } from './interrupted-notice';
import { WelcomeEmptyState } from '../features/welcome/welcome-empty-state';
import { WorkspacePage } from '../features/workspace/workspace-page';
import { useLocale, useT } from '../i18n/use-t';
import { useAppStore } from './app-store';
import { useProfilesStore } from '../features/profiles/profiles-store';
import { useUiStore } from './ui-store';
import { mainContentId } from '../common/use-return-focus';
import { applyTheme } from './theme/apply-theme';
import { AppHeader } from './app-header';
import { DrawerHost } from './drawer-host';

export function AppShell() {
  const locale = useLocale();
  const t = useT();
  const phase = useAppStore((state) => state.phase);
  const startError = useAppStore((state) => state.startError);
  const hasProfiles = useProfilesStore((state) => state.profiles.length > 0 || state.problem !== null);
  const view = useUiStore((state) => state.view);
  const demoMode = useAppStore((state) => state.info?.demoMode === true);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const theme = useAppStore((state) => state.settings?.theme ?? 'system');
  useEffect(() => applyTheme(theme), [theme]);

  let content;
  if (phase === 'loading') content = <Spin tip={t('app.loading')} className="app-loading" />;
  else if (phase === 'failed') {
    const text = describeAppError(startError?.code ?? 'INTERNAL', locale);
    content = <Alert type="error" title={`${t('app.loadFailed')}${t('common.colon')}${text.title}`} content={text.action} />;
  } else if (!hasProfiles) content = <WelcomeEmptyState />;
  else if (view === 'profiles') content = <ProfilesPage />;
  else if (view === 'sweep') content = <SweepPage />;
  else if (view === 'history') content = <HistoryPage />;
  else content = <WorkspacePage />;

  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS}>
      <Layout className="app-layout">
        <AppHeader />
        {demoMode ? <Alert type="warning" banner className="demo-banner" data-testid="demo-banner" content={t('demo.banner')} /> : null}
        {phase === 'ready' && view !== 'history' ? <InterruptedNotice /> : null}
        {/* Focusable by script only: it takes focus back from a dialog whose opener is gone. */}
        <Layout.Content id={mainContentId} tabIndex={-1} className="app-content">
          {content}
        </Layout.Content>
      </Layout>
      <DrawerHost />
    </ConfigProvider>
  );
}
