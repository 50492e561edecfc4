import { Alert, ConfigProvider, Spin } from '@arco-design/web-react';
import enUS from '@arco-design/web-react/es/locale/en-US';
import zhCN from '@arco-design/web-react/es/locale/zh-CN';
import { Suspense, useEffect } from 'react';
import { describeAppError } from '../../../shared/errors/catalogue';
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
import './app-frame.css';
import { HistoryPage, ProfilesPage, SweepPage, warmOnDemandScreens } from './on-demand-screens';

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

  // Once the first screen is up, the others are fetched in idle time: a later click does not wait for the network.
  useEffect(() => {
    if (phase === 'ready') warmOnDemandScreens();
  }, [phase]);

  const loading = <Spin tip={t('app.loading')} className="app-loading" />;
  let content;
  if (phase === 'loading') content = loading;
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
      <section className="app-layout">
        <AppHeader />
        {demoMode ? <Alert type="warning" banner className="demo-banner" data-testid="demo-banner" content={t('demo.banner')} /> : null}
        {phase === 'ready' && view !== 'history' ? <InterruptedNotice /> : null}
        {/* Focusable by script only: it takes focus back from a dialog whose opener is gone. */}
        <main id={mainContentId} tabIndex={-1} className="app-content">
          <Suspense fallback={loading}>{content}</Suspense>
        </main>
      </section>
      <DrawerHost />
    </ConfigProvider>
  );
}
