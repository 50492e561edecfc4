import { Button, Radio, Space, Typography } from '@arco-design/web-react';
import { memo } from 'react';
import { useT } from '../i18n/use-t';
import { useProfilesStore } from '../features/profiles/profiles-store';
import { useUiStore, type View } from './ui-store';
import { LanguageSwitch } from './language-switch';

export const AppHeader = memo(function AppHeader() {
  const t = useT();
  const hasProfiles = useProfilesStore((state) => state.profiles.length > 0);
  const view = useUiStore((state) => state.view);
  const setView = useUiStore((state) => state.setView);
  const openDrawer = useUiStore((state) => state.openDrawer);
  return (
    <header className="app-header">
      <div className="app-brand">
        <img src="/icon.svg" alt="" width={28} height={28} />
        <Typography.Text className="app-brand-name">{t('app.title')}</Typography.Text>
      </div>
      {hasProfiles ? (
        <Radio.Group type="button" aria-label={t('nav.label')} value={view} onChange={(next: View) => setView(next)}>
          <Radio value="workspace">{t('nav.instances')}</Radio>
          <Radio value="sweep">{t('nav.sweep')}</Radio>
          <Radio value="history">{t('nav.history')}</Radio>
          <Radio value="profiles">{t('nav.profiles')}</Radio>
        </Radio.Group>
      ) : null}
      <Space>
        <LanguageSwitch />
        <Button size="small" onClick={() => openDrawer({ kind: 'settings' })}>
          {t('nav.settings')}
        </Button>
      </Space>
    </header>
  );
});
